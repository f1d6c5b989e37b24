"""pynput's X mouse listener with pointer motion decoded straight from XRecord's bytes.

pynput parses every recorded event into a python-xlib event object and calls the callback
through two wrappers; a pointer burst is thousands of MotionNotify events, and that parsing was
the input thread's main cost (docs/BENCHMARKS.md, "Recorder cost"). Here a MotionNotify (core
event, 32 bytes, client byte order) gives root_x/root_y from bytes 20–23 and goes to `on_move`
directly; every other event (buttons, wheel) takes pynput's own path, unchanged. A reply that is
not a whole number of 32-byte events goes entirely through pynput's path.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from ._xrecord import EVENT_SIZE, FastPath

MOTION_NOTIFY = 6
_ROOT_XY = struct.Struct("=hh")  # root_x, root_y (INT16) at offset 20 of a core input event


def motion_listener(
    on_move: Callable[[int, int], None],
    on_click: Callable[..., None],
    on_scroll: Callable[..., None],
) -> Any:
    """A started-on-demand pynput mouse Listener whose motion events skip pynput's parser."""
    from pynput import mouse

    class Listener(FastPath, mouse.Listener):  # type: ignore[misc]
        def _events(self, data: bytes) -> None:
            for off in range(0, len(data), EVENT_SIZE):
                if data[off] & 0x7F == MOTION_NOTIFY:
                    on_move(*_ROOT_XY.unpack_from(data, off + 20))
                else:
                    event = self._parse(data, off)
                    self._handle_message(self._display_stop, event, event.send_event)

    return Listener(on_move=on_move, on_click=on_click, on_scroll=on_scroll)
