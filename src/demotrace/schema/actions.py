"""Actions: the reduced vocabulary of DESIGN.md ("Action vocabulary").

An `Action` carries the timing the recorder and the aligner need (`t` = first raw event,
`t_end` = last raw event, both seconds since session start) plus the fields of its type.
`to_dict()` gives exactly the `action` object of a trajectory step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

ActionType = Literal[
    "click",
    "double_click",
    "triple_click",
    "right_click",
    "middle_click",
    "drag",
    "scroll",
    "type",
    "key",
    "hotkey",
    "move",
    "secure_input",
]
ACTION_TYPES: tuple[str, ...] = get_args(ActionType)
MODIFIER_KEYS: frozenset[str] = frozenset({"shift", "ctrl", "alt", "cmd", "altgr"})

CLICK_TYPES = frozenset({"click", "double_click", "triple_click", "right_click", "middle_click"})
POINTER_TYPES = CLICK_TYPES | {"drag", "scroll", "move"}
"""Actions that happen at a screen point (and so in the window under it)."""

# Which fields each type carries in its serialised form, in order.
_FIELDS: dict[str, tuple[str, ...]] = {
    **{c: ("x", "y", "button", "modifiers") for c in CLICK_TYPES},
    "drag": ("x", "y", "to_x", "to_y", "button", "modifiers"),
    "scroll": ("x", "y", "dx", "dy", "modifiers"),
    "type": ("text",),
    "key": ("key", "modifiers"),
    "hotkey": ("keys",),
    "move": ("x", "y"),
    "secure_input": ("field",),
}


@dataclass(slots=True)
class Action:
    type: ActionType
    t: float
    t_end: float | None = None
    x: int | None = None
    y: int | None = None
    button: str | None = None
    modifiers: tuple[str, ...] = ()
    to_x: int | None = None
    to_y: int | None = None
    dx: int | None = None
    dy: int | None = None
    text: str | None = None
    key: str | None = None
    keys: tuple[str, ...] | None = None
    field: str | None = None
    """`secure_input` only: what kind of secure field took the (dropped) keys: `terminal`, …"""

    def __post_init__(self) -> None:
        if self.type not in ACTION_TYPES:
            raise ValueError(f"unknown action type {self.type!r}")
        if self.t_end is None:
            self.t_end = self.t

    @property
    def point(self) -> tuple[int, int] | None:
        if self.x is None or self.y is None:
            return None
        return (self.x, self.y)

    def to_dict(self) -> dict[str, Any]:
        """The `action` object of a trajectory step (DESIGN.md)."""
        d: dict[str, Any] = {"type": self.type}
        for f in _FIELDS[self.type]:
            v = getattr(self, f)
            if f == "modifiers":
                if v:
                    d[f] = list(v)
                continue
            if f == "button" and self.type in CLICK_TYPES and self.type != "click":
                continue
            if v is None:
                continue
            d[f] = list(v) if isinstance(v, tuple) else v
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], t: float = 0.0, t_end: float | None = None) -> Action:
        kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__ and k not in ("t", "t_end")}
        for f in ("modifiers", "keys"):
            if kw.get(f) is not None:
                kw[f] = tuple(kw[f])
        return cls(t=d.get("t", t), t_end=d.get("t_end", t_end), **kw)
