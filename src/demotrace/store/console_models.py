"""Tables of the console: one-time sign-in links, signed-in browser sessions, and reviewers'
verdicts on episodes. Like every table, only hashes of secrets are kept."""

from __future__ import annotations

from sqlalchemy import Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class ConsoleLink(Base):
    """A one-time sign-in link (`/console/login?t=…`): single use, short expiry."""

    __tablename__ = "console_links"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    created: Mapped[float] = mapped_column(Float)
    expires: Mapped[float] = mapped_column(Float)
    used_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class ConsoleSession(Base):
    """A signed-in browser: the cookie's hash, who it is, and the CSRF token of its forms."""

    __tablename__ = "console_sessions"
    cookie_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(16))
    csrf: Mapped[str] = mapped_column(String(64))
    created: Mapped[float] = mapped_column(Float)
    expires: Mapped[float] = mapped_column(Float)


class EpisodeReview(Base):
    """A trainer's verdict on one episode (`<session id>-<NNN>`): status accepted/rejected/""
    (pending), the reason, and an edited instruction that every export carries."""

    __tablename__ = "episode_reviews"
    episode_id: Mapped[str] = mapped_column(String(48), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    instruction: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewer: Mapped[str] = mapped_column(String(128), default="")
    updated: Mapped[float] = mapped_column(Float)


class DeviceState(Base):
    """What a device's recorder last said about itself (`X-Recorder-State` on its uploads):
    recording, paused, blocked: <why>, stopped; and when."""

    __tablename__ = "device_states"
    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(200))
    updated: Mapped[float] = mapped_column(Float)
