"""Everything held about a person as one zip, streamed: each blob is read from the store in blocks
and written into the zip as it comes (data descriptors, ZIP64), so neither the archive nor any
session nor any one file is ever whole in memory, on a blob folder or an object store alike."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

from ..store import ServiceData
from ..store.models import Session
from .deps import info


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


def area_of(row: Session) -> str:
    return "released" if row.state == "released" else "quarantine"


def archive_stream(data: ServiceData, rows: list[Session]) -> Iterator[bytes]:
    """The zip of `rows` (`sessions.json` + each session's files), piece by piece."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as z:
        z.writestr("sessions.json", json.dumps([info(r).model_dump() for r in rows], indent=1))
        yield from sink.drain()
        for r in rows:
            prefix = f"{area_of(r)}/{r.id}"
            for rel in data.blobs.list(prefix):
                try:
                    with z.open(f"{r.id}/{rel}", "w", force_zip64=True) as dst:
                        for block in data.blobs.iter_blocks(f"{prefix}/{rel}"):
                            dst.write(block)
                            yield from sink.drain()
                except FileNotFoundError:  # deleted meanwhile (a range cut): left out
                    continue
                yield from sink.drain()
    yield from sink.drain()
