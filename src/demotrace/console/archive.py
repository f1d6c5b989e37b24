"""Everything held about a person, as one zip streamed file by file (never whole in memory):
`server/archive.py` builds it."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from ..server.archive import archive_stream as _stream
from ..store import ServiceData
from ..store.models import Session


def my_sessions(data: ServiceData, user: str) -> list[Session]:
    with data.db.read() as s:
        return list(s.execute(select(Session).where(Session.user == user).order_by(Session.id)).scalars())


def archive_stream(data: ServiceData, user: str) -> Iterator[bytes]:
    return _stream(data, my_sessions(data, user))
