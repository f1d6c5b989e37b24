"""The spool's disk quota: when full, capture pauses (status says so) and nothing is deleted."""

from __future__ import annotations

import os
import time
from pathlib import Path


class SpoolQuota:
    def __init__(self, spool: Path, limit_bytes: int, rescan_every: float = 10.0) -> None:
        self.spool = spool
        self.limit = limit_bytes
        self.rescan_every = rescan_every
        self._base = 0
        self._base_written = 0
        self._scanned_at = -1e9

    def full(self, session_written: int) -> str | None:
        """A reason string when the spool is over its quota, else None. Rescans the folder every
        `rescan_every` seconds (the uploader deletes confirmed sessions meanwhile)."""
        now = time.monotonic()
        if now - self._scanned_at >= self.rescan_every:
            self._base = du(self.spool)
            self._base_written = session_written
            self._scanned_at = now
        used = self._base + (session_written - self._base_written)
        if used >= self.limit:
            return f"spool full ({used // 1048576} MB of {self.limit // 1048576} MB quota); capture paused"
        return None


def du(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(root, f)).st_size
            except OSError:
                continue
    return total
