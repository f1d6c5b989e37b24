"""X11 input via pynput's XRecord listeners. Import only after DISPLAY is set."""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

from ._base import InputSource, RawInput, key_from_name

_BUTTONS = {
    "left": "left",
    "right": "right",
    "middle": "middle",
    "x1": "x1",
    "x2": "x2",
    "button8": "x1",
    "button9": "x2",
}


class XorgInputSource(InputSource):
    def __init__(self, queue: deque[RawInput], wake: threading.Event | None = None) -> None:
        super().__init__(queue, wake)
        from pynput import keyboard

        from ._fastkeys import key_listener
        from ._fastmotion import motion_listener

        self._keyboard_mod = keyboard
        self._kl = key_listener(self._on_key, self._key)
        self._ml = motion_listener(self._move, self._click, self._scroll)
        self._err: BaseException | None = None
        self._started = False
        self._stopping = False

    # Callbacks: one clock read and one append each (and a wake-up of a resting loop), nothing else.
    def _key(self, key: Any) -> tuple[str, str | None]:
        name = getattr(key, "name", None)
        if name is not None:  # a pynput Key member
            if name == "space":
                return "space", " "
            return key_from_name(name), None
        char = getattr(key, "char", None)
        if char:
            return char, char
        vk = getattr(key, "vk", None)
        return f"<{vk}>", None

    def _on_key(self, pressed: bool, k: str, c: str | None) -> None:
        self.queue.append(("k", time.monotonic(), pressed, k, c))
        self.poke()

    def _move(self, x: int, y: int) -> None:
        self.queue.append(("m", time.monotonic(), x, y))
        self.poke()

    def _click(self, x: int, y: int, button: Any, pressed: bool) -> None:
        b = _BUTTONS.get(getattr(button, "name", ""), "left")
        self.queue.append(("b", time.monotonic(), x, y, b, pressed))
        self.poke()

    def _scroll(self, x: int, y: int, dx: int, dy: int) -> None:
        # pynput: dy > 0 is wheel up; demotrace: dy > 0 scrolls down.
        self.queue.append(("s", time.monotonic(), x, y, dx, -dy))
        self.poke()

    def start(self) -> None:
        self._started = True
        self._kl.start()
        self._ml.start()
        self._kl.wait()
        self._ml.wait()

    def stop(self) -> None:
        self._stopping = True
        for lst in (self._kl, self._ml):
            try:
                lst.stop()
            except Exception:  # a listener whose X connection is gone: nothing left to stop
                if lst.is_alive():
                    raise

    def kill(self, which: str = "keyboard") -> None:
        """Cut one listener's X connection, as a server reset or a lost link would (failure tests:
        DEMOTRACE_TEST_FAULTS=1); its thread then dies the way it would in the field."""
        import socket

        lst = self._kl if which == "keyboard" else self._ml
        conn = getattr(lst, "_display_record", None)
        sock = getattr(getattr(conn, "display", None), "socket", None)
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)

    def error(self) -> BaseException | None:
        """A listener thread that ended while the recorder still runs (its X connection closed,
        an exception in pynput): input is no longer seen, so capture must stop."""
        if self._err is None and self._started and not self._stopping:
            for name, lst in (("keyboard", self._kl), ("mouse", self._ml)):
                if not lst.is_alive():
                    self._err = RuntimeError(f"{name} listener stopped")
        return self._err
