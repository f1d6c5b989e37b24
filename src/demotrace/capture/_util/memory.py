"""The recorder's own malloc settings (glibc), so its resident memory stays near what it uses.

A long-running process that keeps allocating and freeing frame-sized buffers (a 1080p RGB frame is
6 MB, PIL's copy 8 MB, libwebp's work ~15 MB) from several threads grows under glibc's defaults:
every thread gets its own arena, and after the first big buffer is freed the mmap threshold rises
to its size, so later frames come from the heap, whose freed pages are seldom given back.
`limit_heap()` pins the threshold at 4 MiB: frame-sized buffers are mapped and unmapped (their
pages go back at once), while raw grabs (~2.5 MB for a terminal window) and half-size video frames
are reused from the heap. Pinning it at 128 KiB instead saved another 12 MB but cost 3 % of a
core in page faults (bench_recorder, 120 s). It also caps the arenas at two; `trim()` hands the
free pages inside the heaps back (the loop calls it every 5 s).
Elsewhere than glibc both do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger("demotrace.capture.memory")

# mallopt parameters (glibc's malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

MMAP_THRESHOLD = 4 * 1024 * 1024  # kept fixed (no dynamic raise)
TRIM_THRESHOLD = 16 * 1024 * 1024
ARENAS = 2

_libc: ctypes.CDLL | None = None


def _glibc() -> ctypes.CDLL | None:
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            lib = ctypes.CDLL(name or "libc.so.6")
            lib.mallopt.argtypes, lib.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
            lib.malloc_trim.argtypes, lib.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
        except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
            return None
        _libc = lib
    return _libc


def limit_heap() -> bool:
    """Apply the settings above to this process; call before its threads start. True if applied."""
    libc = _glibc()
    if libc is None:
        return False
    ok = all(
        libc.mallopt(param, value) == 1
        for param, value in (
            (M_ARENA_MAX, ARENAS),
            (M_MMAP_THRESHOLD, MMAP_THRESHOLD),
            (M_TRIM_THRESHOLD, TRIM_THRESHOLD),
        )
    )
    if not ok:
        log.warning("mallopt refused a setting; the recorder keeps glibc's defaults for it")
    return ok


def trim() -> None:
    """Give free heap pages back to the system (a few ms at most; call now and then, not per event)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
