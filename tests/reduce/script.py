"""A small builder for raw event streams in table tests: times and seq numbers advance by
themselves, so each test reads as the gesture it describes."""

from __future__ import annotations

from typing import Any

from demotrace.reduce import ReduceConfig, reduce_events
from demotrace.schema import (
    Action,
    ButtonEvent,
    FocusEvent,
    KeyEvent,
    MoveEvent,
    RawEvent,
    ScrollEvent,
    WindowContext,
)


class Script:
    def __init__(self, step: float = 0.05) -> None:
        self.t = 0.0
        self.step = step
        self.events: list[RawEvent] = []

    def _tick(self, dt: float | None) -> float:
        self.t = round(self.t + (self.step if dt is None else dt), 6)
        return self.t

    # pointer
    def move(self, x: int, y: int, dt: float | None = None) -> Script:
        self.events.append(MoveEvent(self._tick(dt), x, y, seq=len(self.events)))
        return self

    def down(self, x: int, y: int, button: str = "left", dt: float | None = None) -> Script:
        self.events.append(ButtonEvent(self._tick(dt), x, y, button, True, seq=len(self.events)))  # type: ignore[arg-type]
        return self

    def up(self, x: int, y: int, button: str = "left", dt: float | None = None) -> Script:
        self.events.append(ButtonEvent(self._tick(dt), x, y, button, False, seq=len(self.events)))  # type: ignore[arg-type]
        return self

    def click(self, x: int, y: int, button: str = "left", hold: float | None = None) -> Script:
        return self.down(x, y, button).up(x, y, button, dt=hold)

    def scroll(self, x: int, y: int, dx: int = 0, dy: int = 1, dt: float | None = None) -> Script:
        self.events.append(ScrollEvent(self._tick(dt), x, y, dx, dy, seq=len(self.events)))
        return self

    # keyboard
    def kdown(self, key: str, char: str | None = None, dt: float | None = None) -> Script:
        self.events.append(KeyEvent(self._tick(dt), True, key, char, seq=len(self.events)))
        return self

    def kup(self, key: str, dt: float | None = None) -> Script:
        self.events.append(KeyEvent(self._tick(dt), False, key, None, seq=len(self.events)))
        return self

    def key(self, key: str, char: str | None = None) -> Script:
        return self.kdown(key, char).kup(key)

    def keys(self, *names: str) -> Script:
        for k in names:
            self.key(k)
        return self

    def text(self, s: str) -> Script:
        for c in s:
            self.key("space" if c == " " else c)
        return self

    def chord(self, *names: str) -> Script:
        for k in names:
            self.kdown(k)
        for k in reversed(names):
            self.kup(k)
        return self

    def focus(self, window_id: int, title: str = "") -> Script:
        w = WindowContext(window_id=window_id, wm_class="App", title=title)
        self.events.append(FocusEvent(self._tick(None), w, seq=len(self.events)))
        return self

    def wait(self, dt: float) -> Script:
        self.t = round(self.t + dt, 6)
        return self

    def reduce(self, **cfg: Any) -> list[Action]:
        return reduce_events(self.events, ReduceConfig(**cfg))

    def dicts(self, **cfg: Any) -> list[dict[str, Any]]:
        return [a.to_dict() for a in self.reduce(**cfg)]
