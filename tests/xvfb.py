"""A real X server for tests: Xvfb on a display it picks itself (-displayfd), so parallel runs
never collide. Use as a context manager; DISPLAY is not changed globally."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def xvfb(screens: list[tuple[int, int]] | None = None, depth: int = 24) -> Iterator[str]:
    """Start Xvfb and yield its DISPLAY string (":N"). One screen per size in `screens`
    (default 1280x800)."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (make setup installs it as root)")
    screens = screens or [(1280, 800)]
    r, w_ = os.pipe()
    args = ["Xvfb", "-displayfd", str(w_), "-nolisten", "tcp", "-noreset"]
    for i, (w, h) in enumerate(screens):
        args += ["-screen", str(i), f"{w}x{h}x{depth}"]
    proc = subprocess.Popen(args, pass_fds=(w_,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w_)
    buf = b""
    deadline = time.monotonic() + 20
    while not buf.endswith(b"\n") and time.monotonic() < deadline:
        chunk = os.read(r, 16)
        if not chunk:
            break
        buf += chunk
    os.close(r)
    if not buf.strip():
        proc.kill()
        raise RuntimeError("Xvfb did not report a display")
    display = ":" + buf.decode().strip()
    try:
        yield display
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
