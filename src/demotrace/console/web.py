"""What every console page shares: the Jinja2 environment (autoescaped: recorded titles, URLs and
typed text are always text, never markup), the security headers (a Content-Security-Policy
without inline script), who is signed in, role and CSRF checks, and HTML error pages."""

from __future__ import annotations

import hmac
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import ServiceData, audit
from .signin import COOKIE, Viewer, viewer_of

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


def _when(ts: float | None) -> str:
    if not ts:
        return "—"
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = round(seconds)
    return f"{s // 3600}h {s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m {s % 60:02d}s"


env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
env.filters["when"] = _when
env.filters["duration"] = _duration


class ConsoleError(Exception):
    """Answered as an HTML page with this status (401 sign in, 403 role, 404 not found, …)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def render(request: Request, template: str, viewer: Viewer | None, status: int = 200, **ctx: Any) -> Response:
    html = env.get_template(template).render(request=request, viewer=viewer, now=time.time(), **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ConsoleError)
    data: ServiceData = request.app.state.data
    viewer = viewer_of(data, request.cookies.get(COOKIE))
    return render(request, "error.html", viewer, status=exc.status, message=exc.message, code=exc.status)


def data_of(request: Request) -> ServiceData:
    data: ServiceData = request.app.state.data
    return data


def signed_in(request: Request) -> Viewer:
    """A FastAPI dependency: the signed-in viewer, or a 401 page that says how to sign in."""
    v = viewer_of(data_of(request), request.cookies.get(COOKIE))
    if v is None:
        raise ConsoleError(
            401, "You are not signed in. Run `demotrace console` on your device for a sign-in link."
        )
    return v


def need_role(viewer: Viewer, *roles: str) -> None:
    if viewer.role not in roles:
        raise ConsoleError(
            403, f"This page needs the {' or '.join(roles)} role; you are signed in as {viewer.role}."
        )


def not_found(data: ServiceData, viewer: Viewer, what: str, ident: str) -> ConsoleError:
    """Someone asked for a session or episode that is not theirs (or does not exist): audit the
    attempt (by hash: the id may be real) and answer 404 without a hint."""
    from ..store import id_hash

    with data.db.write() as s:
        audit.append(s, viewer.actor, "console.denied", {"what": what, "session_hash": id_hash(ident[:64])})
    return ConsoleError(404, f"No {what} {ident[:64]} of yours.")


MAX_UPLOAD = 5 * 1024 * 1024


class Posted:
    """A posted form whose CSRF token was checked; files are read as text."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items

    def get(self, key: str, default: str = "") -> str:
        vals = self.getlist(key)
        return vals[-1] if vals else default

    def getlist(self, key: str) -> list[str]:
        return [v for k, v in self.items if k == key]

    def __contains__(self, key: object) -> bool:
        return any(k == key for k, _ in self.items)


async def posted(request: Request, viewer: Annotated[Viewer, Depends(signed_in)]) -> Posted:
    """A FastAPI dependency: the posted form, after checking its CSRF token against the viewer's
    session. Read here (async) so that the routes themselves are plain functions that FastAPI
    runs in its thread pool: their database and blob work never blocks the event loop."""
    form = await request.form()
    token = form.get("csrf", "")
    if not isinstance(token, str) or not hmac.compare_digest(token.encode(), viewer.csrf.encode()):
        raise ConsoleError(403, "This form has expired or did not come from the console (CSRF check failed).")
    items: list[tuple[str, str]] = []
    for k, v in form.multi_items():
        if isinstance(v, str):
            items.append((k, v))
        else:
            body = await v.read(MAX_UPLOAD + 1)
            if len(body) > MAX_UPLOAD:
                raise ConsoleError(413, f"The file is larger than {MAX_UPLOAD // 1024 // 1024} MB.")
            items.append((k, body.decode("utf-8", "replace")))
    return Posted(items)


Form = Annotated[Posted, Depends(posted)]


class SecurityHeaders:
    """ASGI middleware: console responses get the CSP and the other hardening headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/console"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)
                ]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)
