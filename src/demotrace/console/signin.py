"""Signing in to the console. A one-time link (`/console/login?t=TOKEN`, from `demotrace console`
on an enrolled device or `demotrace admin login` on the service's host) is traded for a session
cookie; the link is single-use and expires after `LINK_TTL` seconds. Only hashes of the link
token and of the cookie are stored; each browser session carries its own CSRF token.

`SignInMethod` is the one seam where another identity provider (OIDC) would plug in: it turns a
request arriving at the login route into an identity, or refuses it."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, update

from ..server.auth import hash_secret
from ..store import ServiceData, audit
from ..store.console_models import ConsoleLink, ConsoleSession

LINK_TTL = 600.0
SESSION_TTL = 8 * 3600.0
COOKIE = "dt_console"
CONSOLE_ROLES = ("employee", "admin", "trainer")


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is looking at a console page."""

    user: str
    role: str
    csrf: str

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.user}:console"


@dataclass(frozen=True, slots=True)
class Identity:
    user: str
    role: str


class SignInMethod(Protocol):
    """Turns the login request's parameters into an identity (None: refused)."""

    name: str

    def redeem(self, data: ServiceData, params: dict[str, str]) -> Identity | None: ...


class OneTimeLink:
    """The built-in method: `?t=TOKEN` from `create_link`, single-use and short-lived."""

    name = "one-time link"

    def redeem(self, data: ServiceData, params: dict[str, str]) -> Identity | None:
        token = params.get("t", "")
        if not token or len(token) > 200:
            return None
        h, now = hash_secret(token), time.time()
        with data.db.write() as s:
            r = s.execute(
                update(ConsoleLink)
                .where(ConsoleLink.token_hash == h, ConsoleLink.used_at.is_(None), ConsoleLink.expires > now)
                .values(used_at=now)
            )
            if r.rowcount != 1:  # type: ignore[attr-defined]
                audit.append(s, "console", "console.login_refused", {"why": "link wrong, used or expired"})
                return None
            link = s.get(ConsoleLink, h)
            assert link is not None
            audit.append(s, f"{link.role}:{link.user}:console", "console.login", {"method": self.name})
            return Identity(link.user, link.role)


def create_link(data: ServiceData, base_url: str, user: str, role: str, actor: str) -> str:
    """A one-time sign-in URL for `user` in `role` (audited)."""
    if role not in CONSOLE_ROLES:
        raise ValueError(f"role {role!r} cannot sign in to the console")
    token, now = secrets.token_urlsafe(32), time.time()
    with data.db.write() as s:
        s.execute(delete(ConsoleLink).where(ConsoleLink.expires < now - 86400))
        s.add(
            ConsoleLink(
                token_hash=hash_secret(token), user=user, role=role, created=now, expires=now + LINK_TTL
            )
        )
        audit.append(s, actor, "console.link", {"user": user, "role": role})
    return f"{base_url.rstrip('/')}/console/login?t={token}"


def start_session(data: ServiceData, who: Identity) -> str:
    """A new browser session; returns the cookie value (shown once, only its hash is kept)."""
    cookie, now = secrets.token_urlsafe(32), time.time()
    with data.db.write() as s:
        s.execute(delete(ConsoleSession).where(ConsoleSession.expires < now))
        s.add(
            ConsoleSession(
                cookie_hash=hash_secret(cookie),
                user=who.user,
                role=who.role,
                csrf=secrets.token_urlsafe(24),
                created=now,
                expires=now + SESSION_TTL,
            )
        )
    return cookie


def viewer_of(data: ServiceData, cookie: str | None) -> Viewer | None:
    if not cookie or len(cookie) > 200:
        return None
    with data.db.read() as s:
        row = s.get(ConsoleSession, hash_secret(cookie))
        if row is None or row.expires < time.time():
            return None
        return Viewer(row.user, row.role, row.csrf)


def end_session(data: ServiceData, cookie: str | None) -> None:
    if not cookie:
        return
    with data.db.write() as s:
        row = s.get(ConsoleSession, hash_secret(cookie))
        if row is not None:
            audit.append(s, f"{row.role}:{row.user}:console", "console.logout", {})
            s.delete(row)
