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
from sqlalchemy import select

from ..store import ServiceData, audit
from ..store.models import Token

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


def authenticate(request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
        raise _unauthorized()
    data: ServiceData = request.app.state.data
    with data.db.read() as s:
        row = s.execute(
            select(Token).where(Token.token_hash == hash_secret(token.strip()))
        ).scalar_one_or_none()
        if row is None or row.revoked:
            raise _unauthorized()
        return Principal(row.id, row.role, row.user)


def require(*roles: str) -> Callable[[Request], Principal]:
    """A FastAPI dependency admitting only `roles` (401 without a valid token, 403 for others)."""

    def dep(request: Request) -> Principal:
        p = authenticate(request)
        if p.role not in roles:
            raise HTTPException(403, f"this needs the {' or '.join(roles)} role (you are {p.role})")
        return p

    return dep
