"""The FastAPI application. Stateless between requests (everything lives in the database and the
blob store), so any number of workers can serve behind a load balancer; each worker also runs the
background jobs (release, retention), which claim their work atomically."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError

from .. import __version__
from ..store import ServiceConfig, ServiceData
from . import grants, routes_admin, routes_device, routes_me, routes_released
from .auth import AuthFirst, database_lost
from .backpressure import InFlightLimit
from .release import Background

DATA_ENV = "DEMOTRACE_SERVICE_DATA"


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for e in exc.errors()[:3]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path", "header"))
        parts.append(f"{loc or 'body'}: {e.get('msg', 'invalid')}")
    return JSONResponse({"detail": "; ".join(parts)}, status_code=422)


def create_app(config: ServiceConfig, background: bool = True) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        data = ServiceData(config, migrate=False)
        app.state.data = data
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, config.worker_threads)
        app.state.background = Background(data)
        if background:
            app.state.background.start()
        try:
            yield
        finally:
            app.state.background.stop()
            data.close()

    app = FastAPI(
        title="demotrace service",
        version=__version__,
        description="Ingest, enrollment, policy, quarantine/release, self-service and audit for demotrace.",
        lifespan=lifespan,
    )
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DBAPIError, lambda _req, e: database_lost(e))
    app.add_middleware(AuthFirst)
    app.add_middleware(InFlightLimit)  # outermost: a full worker answers 429 before any work

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, bool]:
        return {"ok": True}

    for r in (routes_device, grants, routes_me, routes_admin, routes_released):
        app.include_router(r.router)
    from ..console import mount as mount_console

    mount_console(app)
    return app


def app_from_env() -> FastAPI:
    """uvicorn's factory for worker processes: the data folder comes from $DEMOTRACE_SERVICE_DATA."""
    return create_app(ServiceConfig.load(Path(os.environ[DATA_ENV])))
