"""What the bridge knows: page state per browser window and DOM events, in session seconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BBox = tuple[int, int, int, int]
"""x0, y0, x1, y1 in physical screen px of the virtual desktop."""


@dataclass(frozen=True, slots=True)
class PageState:
    """The active tab of one browser window, as the extension last reported it."""

    url: str
    title: str
    allowed: bool
    reason: str
    secure_focus: bool = False
    incognito: bool = False
    blocked_boxes: list[BBox] = field(default_factory=list)
    last_seen_t: float = 0.0
    tab_id: int | None = None
    window_id: int | None = None


@dataclass(frozen=True, slots=True)
class DomEvent:
    """One DOM event from an allowlisted page. `target` is DESIGN's target object (source="dom",
    role, name, tag, selector, bbox in screen px, …); `screen_bbox` is that bbox as a tuple."""

    kind: str
    t: float
    url: str
    title: str
    target: dict[str, Any] | None
    screen_bbox: BBox | None
    point: tuple[int, int] | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    tab_id: int | None = None
    frame_id: int | None = None
    window_id: int | None = None
    wall_ms: float = 0.0
    """The extension's stamp: epoch ms (the browser's Date.now() when the event was handled)."""
    recv_wall: float = 0.0
    """time.time() when the bridge received it (for latency figures)."""


def as_bbox(v: Any) -> BBox | None:
    if not isinstance(v, list | tuple) or len(v) != 4:
        return None
    try:
        x0, y0, x1, y1 = (round(float(c)) for c in v)
    except (TypeError, ValueError):
        return None
    return (x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None


def as_point(v: Any) -> tuple[int, int] | None:
    if not isinstance(v, list | tuple) or len(v) != 2:
        return None
    try:
        return int(v[0]), int(v[1])
    except (TypeError, ValueError):
        return None
