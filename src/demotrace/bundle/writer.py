"""BundleWriter: appends a session to its folder, crash-safe and (with a key) encrypted.

Objects are buffered in memory and written as one record per `flush()` (the recorder flushes
every 0.25 s, so a kill -9 loses at most that); `maybe_seal()` closes the open chunk
(`chunks/NNNNNN.dtc.open` → `.dtc`) at least every `seal_every` seconds, which is what the
uploader sends. Record kinds: "event" (raw input, minus typed characters), "step" (a reduced,
redacted action with its observation), "mark" (pause/resume/blocked/policy), "video" (index).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..schema import SessionMeta
from .chunkfile import ChunkWriter
from .files import write_file

OPEN_SUFFIX = ".dtc.open"
SEALED_SUFFIX = ".dtc"


class BundleWriter:
    def __init__(
        self,
        spool: Path,
        meta: SessionMeta,
        key: bytes | None,
        seal_every: float = 10.0,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.meta = meta
        self.clock = clock
        """When set, each record ends with {"kind": "flush", "t": clock()}: when it was written, in
        session seconds (for event-to-disk latency figures)."""
        self.key = key
        self.root = spool / meta.id
        self.seal_every = seal_every
        (self.root / "chunks").mkdir(parents=True, exist_ok=True)
        (self.root / "frames").mkdir(exist_ok=True)
        self.bytes_written = 0
        self._pending: list[dict[str, Any]] = []
        self._chunk: ChunkWriter | None = None
        self._chunk_no = 0
        self._opened_at = 0.0
        self.write_meta()

    # -- session.json -------------------------------------------------------------------------
    def write_meta(self) -> None:
        data = json.dumps(self.meta.to_dict(), indent=1).encode()
        self.bytes_written += write_file(self.root, "session.json", data, self.key)

    # -- records ------------------------------------------------------------------------------
    def add(self, kind: str, obj: dict[str, Any]) -> None:
        obj["kind"] = kind
        self._pending.append(obj)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def flush(self) -> int:
        if not self._pending:
            return 0
        if self._chunk is None:
            self._open_chunk()
        assert self._chunk is not None
        if self.clock is not None and self._pending[-1].get("kind") != "flush":
            self._pending.append({"kind": "flush", "t": round(self.clock(), 4)})
        n = self._chunk.append(self._pending)  # on OSError the objects stay pending: nothing is lost
        self._pending = []
        self.bytes_written += n
        return n

    def maybe_seal(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self._chunk is not None and now - self._opened_at >= self.seal_every:
            self.seal()
            return True
        return False

    def seal(self) -> None:
        self.flush()
        if self._chunk is None:
            return
        self._chunk.close()
        path = self._chunk.path
        os.replace(path, path.with_name(path.name[: -len(OPEN_SUFFIX)] + SEALED_SUFFIX))
        _fsync_dir(path.parent)
        self._chunk = None

    def _open_chunk(self) -> None:
        self._chunk_no += 1
        path = self.root / "chunks" / f"{self._chunk_no:06d}{OPEN_SUFFIX}"
        while path.exists() or path.with_name(f"{self._chunk_no:06d}{SEALED_SUFFIX}").exists():
            self._chunk_no += 1
            path = self.root / "chunks" / f"{self._chunk_no:06d}{OPEN_SUFFIX}"
        self._chunk = ChunkWriter(path, self.key)
        self.bytes_written += self._chunk.bytes
        self._opened_at = time.monotonic()

    # -- whole files --------------------------------------------------------------------------
    def write_blob(self, rel: str, data: bytes) -> int:
        n = write_file(self.root, rel, data, self.key)
        self.bytes_written += n
        return n

    def close(self, stop_wall: float | None = None) -> None:
        self.seal()
        self.meta.stop = stop_wall if stop_wall is not None else time.time()
        self.write_meta()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
