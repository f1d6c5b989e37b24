"""pynput's X keyboard listener with each (keycode, modifier state) converted once.

pynput turns every recorded key event into a python-xlib event object, looks its keysym up in
the display's table, builds a `KeyCode` (a `unicodedata` call for dead keys) and calls the
callback through two wrappers: about 0.3 ms per event, most of the keyboard thread's time while
typing (docs/BENCHMARKS.md, "Recorder cost, fourth pass"). The conversion depends only on the
event's keycode and modifier state (pynput reads the keyboard mapping once, when the listener
starts), so here the first event with a given (keycode, state) goes through pynput's own
conversion and `to_name`, and every later one reads KeyPress/KeyRelease from XRecord's bytes
(detail at offset 1, state at 28) and takes the cached result. A reply that is not a whole
number of 32-byte events goes entirely through pynput's path.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from ._xrecord import EVENT_SIZE, FastPath

KEY_PRESS, KEY_RELEASE = 2, 3
_STATE = struct.Struct("=H")  # KEYBUTMASK at offset 28 of a core KeyPress/KeyRelease event
MAX_CACHED = 4096

KeyName = tuple[str, "str | None"]


def key_listener(
    on_key: Callable[[bool, str, str | None], None],
    to_name: Callable[[Any], KeyName],
) -> Any:
    """A started-on-demand pynput keyboard Listener calling `on_key(pressed, name, char)`, where
    (name, char) = `to_name(pynput_key)` computed once per (keycode, state)."""
    from pynput import keyboard

    cache: dict[tuple[int, int], KeyName] = {}

    def slow(listener: Any, event: Any) -> KeyName:
        try:
            key = listener._event_to_key(listener._display_stop, event)
        except IndexError:
            key = None
        return to_name(key)

    class Listener(FastPath, keyboard.Listener):  # type: ignore[misc]
        def _events(self, data: bytes) -> None:
            for off in range(0, len(data), EVENT_SIZE):
                kind = data[off] & 0x7F
                if kind != KEY_PRESS and kind != KEY_RELEASE:
                    continue  # the context records key events only
                code = (data[off + 1], _STATE.unpack_from(data, off + 28)[0])
                name = cache.get(code)
                if name is None:
                    name = slow(self, self._parse(data, off))
                    if len(cache) >= MAX_CACHED:
                        cache.clear()
                    cache[code] = name
                on_key(kind == KEY_PRESS, name[0], name[1])

    # pynput's own path (a reply that is not whole events) calls these
    return Listener(
        on_press=lambda key: on_key(True, *to_name(key)),
        on_release=lambda key: on_key(False, *to_name(key)),
    )
