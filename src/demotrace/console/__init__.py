"""The console: server-rendered pages under `/console/` of `demotrace serve` for the person
recorded (their data, deletion, audit trail), the admin (policy, devices, coverage) and the
trainer (episode review and replay). See docs/architecture/console.md."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .device_state import RecorderStateObserver
from .web import HERE, ConsoleError, SecurityHeaders, error_page


def mount(app: FastAPI) -> None:
    """Add the console's routes, static files, error pages and security headers to the service."""
    from . import routes_admin, routes_me, routes_review, routes_signin

    app.add_middleware(SecurityHeaders)
    app.add_middleware(RecorderStateObserver)
    app.add_exception_handler(ConsoleError, error_page)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    for r in (
        routes_signin.api,
        routes_signin.router,
        routes_me.router,
        routes_admin.router,
        routes_review.router,
    ):
        app.include_router(r)


__all__ = ["mount"]
