"""The X keyboard listener on a real Xvfb: keys read from XRecord's bytes with one pynput
conversion per (keycode, modifier state) give exactly what pynput's own listener gives, key for
key (names, characters, press/release order), for letters, shifted characters, named keys and
modifiers."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections import deque
from typing import Any

import pytest

from tests.xvfb import xvfb

TEXT = "Hello, World! a+b=c #42 ~/x_y"
KEYS = ["Return", "BackSpace", "ctrl+a", "Tab", "Escape", "Page_Down", "Left", "F5", "shift+Home"]


def test_keys_match_pynputs_own_listener(monkeypatch: pytest.MonkeyPatch) -> None:
    with xvfb([(640, 480)]) as display:
        env = dict(os.environ, DISPLAY=display)
        monkeypatch.setenv("DISPLAY", display)  # pynput opens its displays from the environment
        from pynput import keyboard

        from demotrace.capture.input import XorgInputSource

        q: deque[tuple[Any, ...]] = deque()
        wake = threading.Event()
        src = XorgInputSource(q, wake)
        assert type(src._kl).__module__.endswith("_fastkeys")
        ref: list[tuple[bool, str, str | None]] = []
        plain = keyboard.Listener(
            on_press=lambda k: ref.append((True, *src._key(k))),
            on_release=lambda k: ref.append((False, *src._key(k))),
        )
        plain.start()
        plain.wait()
        src.start()
        try:
            # twice: the second round takes the cached conversions
            for _ in range(2):
                subprocess.run(["xdotool", "type", "--delay", "5", TEXT], env=env, check=True)
                subprocess.run(["xdotool", "key", "--delay", "5", *KEYS], env=env, check=True)
            end = time.monotonic() + 5
            while time.monotonic() < end and (len(ref) < 4 * len(TEXT) or len(q) < len(ref)):
                time.sleep(0.05)
            time.sleep(0.2)
            assert src.error() is None
            got = [(e[2], e[3], e[4]) for e in q if e[0] == "k"]
        finally:
            src.stop()
            plain.stop()
            # a listener sees its stop request with the next recorded event
            subprocess.run(["xdotool", "mousemove", "1", "1", "key", "shift"], env=env, check=True)
            for listener in (src._kl, src._ml, plain):
                listener.join(5)
    assert len(ref) >= 4 * len(TEXT)
    assert got == ref
    typed = "".join(c for pressed, _, c in got if pressed and c)
    assert typed.count(TEXT) == 2
    names = [k for pressed, k, _ in got if pressed]
    for name in ("enter", "backspace", "ctrl", "tab", "escape", "pagedown", "left", "f5", "shift", "home"):
        assert name in names
    times = [e[1] for e in q]
    assert times == sorted(times)
    assert wake.is_set()
