"""The input source interface and the key-name vocabulary shared by every backend.

A backend pushes `RawInput` tuples onto a deque from its callbacks — append only (a deque's
append is atomic and never blocks) — stamped with `time.monotonic()`; the recorder turns them
into schema events.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

# (kind, monotonic time, *fields):
#   ("k", t, pressed, key_name, char)   ("m", t, x, y)   ("b", t, x, y, button, pressed)
#   ("s", t, x, y, dx, dy)
RawInput = tuple[Any, ...]

_KEY_NAMES = {
    "alt_l": "alt", "alt_r": "alt", "alt_gr": "altgr", "cmd_l": "cmd", "cmd_r": "cmd", "super": "cmd",
    "ctrl_l": "ctrl", "ctrl_r": "ctrl", "shift_l": "shift", "shift_r": "shift", "esc": "escape",
    "page_down": "pagedown", "page_up": "pageup", "caps_lock": "capslock", "num_lock": "numlock",
    "scroll_lock": "scrolllock", "print_screen": "printscreen", "return": "enter",
}  # fmt: skip


def key_from_name(name: str) -> str:
    """pynput's Key member name (`ctrl_l`) → demotrace's (`ctrl`)."""
    return _KEY_NAMES.get(name, name)


class InputSource:
    def __init__(self, queue: deque[RawInput], wake: threading.Event | None = None) -> None:
        self.queue = queue
        self.wake = wake
        """Set on input (when not already set): the recorder's loop, resting while idle, wakes."""

    def poke(self) -> None:
        w = self.wake
        if w is not None and not w.is_set():
            w.set()

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def error(self) -> BaseException | None:
        """An exception that stopped a listener thread, for the recorder's loop to raise."""
        return None
