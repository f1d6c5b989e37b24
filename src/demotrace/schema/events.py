"""Raw input events, as the capture sources emit them and the reducer consumes them.

`t` is seconds since the session started on the monotonic clock; `seq` is the order in which the
stamper saw the events (ties in `t` are broken by `seq`, never by float comparison).

Key names follow pyautogui's vocabulary: printable keys are the character they produce
(`char`), named keys are lower-case words: `enter`, `tab`, `escape`, `backspace`, `delete`,
`space`, `up`, `down`, `left`, `right`, `home`, `end`, `pageup`, `pagedown`, `insert`,
`f1`…`f24`, `capslock`, and modifiers `shift`, `ctrl`, `alt`, `cmd` (super/win), `altgr`.
Left/right variants are folded into one name (`shift_r` → `shift`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .window import WindowContext

Button = Literal["left", "right", "middle", "x1", "x2"]


@dataclass(slots=True, frozen=True)
class KeyEvent:
    t: float
    pressed: bool
    key: str
    """Normalised key name (see module doc). For a printable key, the character itself."""
    char: str | None = None
    """The character the key produced with the current modifiers/layout, if printable."""
    seq: int = 0
    type: Literal["key"] = "key"


@dataclass(slots=True, frozen=True)
class MoveEvent:
    t: float
    x: int
    y: int
    seq: int = 0
    type: Literal["move"] = "move"


@dataclass(slots=True, frozen=True)
class ButtonEvent:
    t: float
    x: int
    y: int
    button: Button
    pressed: bool
    seq: int = 0
    type: Literal["button"] = "button"


@dataclass(slots=True, frozen=True)
class ScrollEvent:
    t: float
    x: int
    y: int
    dx: int
    """Wheel ticks, > 0 right."""
    dy: int
    """Wheel ticks, > 0 down (towards the end of the document)."""
    seq: int = 0
    type: Literal["scroll"] = "scroll"


@dataclass(slots=True, frozen=True)
class FocusEvent:
    """The focused top-level window changed (or its title did). Ends typing runs."""

    t: float
    window: WindowContext | None
    seq: int = 0
    type: Literal["focus"] = "focus"


RawEvent = KeyEvent | MoveEvent | ButtonEvent | ScrollEvent | FocusEvent

_TYPES: dict[str, type[Any]] = {
    "key": KeyEvent,
    "move": MoveEvent,
    "button": ButtonEvent,
    "scroll": ScrollEvent,
    "focus": FocusEvent,
}


def event_to_dict(ev: RawEvent) -> dict[str, Any]:
    d: dict[str, Any] = {f: getattr(ev, f) for f in ev.__dataclass_fields__}
    if isinstance(ev, FocusEvent):
        d["window"] = ev.window.to_dict() if ev.window else None
    return d


def event_from_dict(d: dict[str, Any]) -> RawEvent:
    cls = _TYPES.get(d.get("type", ""))
    if cls is None:
        raise ValueError(f"unknown raw event type {d.get('type')!r}")
    kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
    if cls is FocusEvent and kw.get("window") is not None:
        kw["window"] = WindowContext.from_dict(kw["window"])
    ev: RawEvent = cls(**kw)
    return ev
