"""A real X server for tests: Xvfb on a display it picks itself (-displayfd), so parallel runs
never collide. Use as a context manager; DISPLAY is not changed globally."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from demotrace.demo.desktop import start_xvfb, stop_processes


@contextmanager
def xvfb(screens: list[tuple[int, int]] | None = None, depth: int = 24) -> Iterator[str]:
    """Start Xvfb and yield its DISPLAY string (":N"). One screen per size in `screens`
    (default 1280x800)."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (make setup installs it as root)")
    proc, display = start_xvfb(screens or [(1280, 800)], depth)
    try:
        yield display
    finally:
        stop_processes([proc])
