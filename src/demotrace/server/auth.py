"""Bearer tokens and roles. A token is shown once (enrollment, `admin token`); the service keeps
only its sha256. Roles: employee (a device: its user's own data), admin (policy, devices, codes,
audit; never frames or steps), trainer (released data only). Anything else gets 401."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Receive, Scope, Send

from ..store import ServiceData, audit
from ..store.models import Token
from .ratelimit import RateLimiter, retry_after

ROLES = ("employee", "admin", "trainer")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token() -> str:
    return "dt_" + secrets.token_urlsafe(32)


def new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "").replace("-", "")


@dataclass(frozen=True, slots=True)
class Principal:
    id: str
    role: str
    user: str

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.user}:{self.id}"


def issue_token(data: ServiceData, role: str, user: str, name: str = "") -> tuple[str, str]:
    """Create a token row (inside its own transaction); returns (token, token id)."""
    token = new_token()
    tid = secrets.token_hex(8)
    with data.db.write() as s:
        s.add(
            Token(id=tid, token_hash=hash_secret(token), role=role, user=user, name=name, created=time.time())
        )
        actor = f"employee:{user}:{tid}" if role == "employee" else "admin-cli"
        audit.append(s, actor, "token.issue", {"token_id": tid, "role": role, "user": user})
    return token, tid


def _unauthorized() -> HTTPException:
    return HTTPException(401, "missing, wrong or revoked token", headers={"WWW-Authenticate": "Bearer"})


def lookup(data: ServiceData, header: str) -> Principal | None:
    """The principal of an `Authorization: Bearer …` header value, or None."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
        return None
    with data.db.read_one() as s:
        row = s.execute(
            select(Token).where(Token.token_hash == hash_secret(token.strip()))
        ).scalar_one_or_none()
        if row is None or row.revoked:
            return None
        return Principal(row.id, row.role, row.user)


def database_lost(e: Exception) -> JSONResponse:
    """A connection that died in use (the server restarted or dropped it) answers 503 +
    Retry-After, never a 500: SQLAlchemy has discarded the pool's older connections, so a retry
    gets a fresh one, and devices retry and lose nothing (their spool keeps the file). Any other
    database error is re-raised: a logged 500, as before. Used by AuthFirst and, for the routes,
    as the app's DBAPIError handler."""
    if isinstance(e, DBAPIError) and e.connection_invalidated:
        detail = {"detail": "the database connection was lost (the server restarted?); retry"}
        return JSONResponse(detail, status_code=503, headers={"Retry-After": "1"})
    raise e


def authenticate(request: Request) -> Principal:
    p = getattr(request.state, "principal", None)
    if isinstance(p, Principal):
        return p
    p = lookup(request.app.state.data, request.headers.get("authorization", ""))
    if p is None:
        raise _unauthorized()
    return p


class AuthFirst:
    """ASGI middleware: every `/v1/` request but enrollment is authenticated before its body is
    read or validated, so a wrong token gets 401 and nothing else (not a 400/422 about the body).
    The principal is handed to the routes in `request.state`; a token over its rate limit gets
    429 with Retry-After (`ratelimit.py`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.limiter: RateLimiter | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith("/v1/") and path != "/v1/enroll":
            header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), "")
            data: ServiceData = scope["app"].state.data
            try:
                p = await run_in_threadpool(lookup, data, header)
            except DBAPIError as e:
                await database_lost(e)(scope, receive, send)
                return
            if p is None:
                resp = JSONResponse(
                    {"detail": "missing, wrong or revoked token"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await resp(scope, receive, send)
                return
            wait = self._limiter(data).take(p.id)
            if wait > 0:
                resp = JSONResponse(
                    {"detail": f"too many requests for this token; retry after {retry_after(wait)} s"},
                    status_code=429,
                    headers={"Retry-After": retry_after(wait)},
                )
                await resp(scope, receive, send)
                return
            scope.setdefault("state", {})["principal"] = p
        await self.app(scope, receive, send)

    def _limiter(self, data: ServiceData) -> RateLimiter:
        if self.limiter is None:
            self.limiter = RateLimiter(data.config.rate_per_s, data.config.rate_burst)
        return self.limiter


def require(*roles: str) -> Callable[[Request], Principal]:
    """A FastAPI dependency admitting only `roles` (401 without a valid token, 403 for others)."""

    def dep(request: Request) -> Principal:
        p = authenticate(request)
        if p.role not in roles:
            raise HTTPException(403, f"this needs the {' or '.join(roles)} role (you are {p.role})")
        return p

    return dep
