"""Everything held about a person, as one zip streamed file by file (never whole in memory)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from ..server.deps import bundle_dir, info
from ..store import ServiceData
from ..store.models import Session


class _Sink(io.RawIOBase):
    """A write-only, unseekable stream whose bytes are taken out as they come."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.parts.append(bytes(b))
        return len(b)

    def drain(self) -> Iterator[bytes]:
        parts, self.parts = self.parts, []
        yield from parts


def my_sessions(data: ServiceData, user: str) -> list[Session]:
    with data.db.read() as s:
        return list(s.execute(select(Session).where(Session.user == user).order_by(Session.id)).scalars())


def archive_stream(data: ServiceData, user: str) -> Iterator[bytes]:
    rows = my_sessions(data, user)
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as z:
        z.writestr("sessions.json", json.dumps([info(r).model_dump() for r in rows], indent=1))
        yield from sink.drain()
        for r in rows:
            d = bundle_dir(data, r)
            if not d.is_dir():
                continue
            for f in sorted(d.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    z.write(f, f"{r.id}/{f.relative_to(d)}")
                    yield from sink.drain()
    yield from sink.drain()
