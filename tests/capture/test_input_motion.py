"""The X input source on a real Xvfb: pointer motion decoded from XRecord's bytes gives the exact
positions xdotool moved to; clicks and wheel still go through pynput's path; input wakes a
resting recorder loop."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections import deque
from typing import Any

import pytest

from tests.xvfb import xvfb


def test_motion_clicks_and_wheel_from_xrecord(monkeypatch: pytest.MonkeyPatch) -> None:
    with xvfb([(640, 480)]) as display:
        env = dict(os.environ, DISPLAY=display)
        monkeypatch.setenv("DISPLAY", display)  # pynput opens its displays from the environment
        from demotrace.capture.input import XorgInputSource

        q: deque[tuple[Any, ...]] = deque()
        wake = threading.Event()
        src = XorgInputSource(q, wake)
        assert type(src._ml).__module__.endswith("_fastmotion")
        src.start()
        try:
            points = [(10, 20), (300, 200), (639, 479), (123, 45)]
            for x, y in points:
                subprocess.run(["xdotool", "mousemove", str(x), str(y)], env=env, check=True)
            subprocess.run(["xdotool", "click", "1", "click", "5"], env=env, check=True)
            end = time.monotonic() + 5
            while time.monotonic() < end and sum(e[0] == "s" for e in q) < 1:
                time.sleep(0.05)
            assert src.error() is None
            got = list(q)
        finally:
            src.stop()
            # a listener sees its stop request with the next recorded event: end both threads
            # before their X server goes
            subprocess.run(["xdotool", "mousemove", "1", "1", "key", "shift"], env=env, check=True)
            for listener in (src._kl, src._ml):
                listener.join(5)
    moves = [(e[2], e[3]) for e in got if e[0] == "m"]
    assert moves == points
    buttons = [(e[2], e[3], e[4], e[5]) for e in got if e[0] == "b"]
    assert buttons == [(123, 45, "left", True), (123, 45, "left", False)]
    scrolls = [e[2:] for e in got if e[0] == "s"]
    assert scrolls == [(123, 45, 0, 1)]
    times = [e[1] for e in got]
    assert times == sorted(times)
    assert wake.is_set()
