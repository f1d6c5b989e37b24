"""ReduceConfig: the thresholds of reduction, with the defaults of common desktops."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any


@dataclass(slots=True, frozen=True)
class ReduceConfig:
    double_click_interval: float = 0.5
    """Seconds between the presses of a double/triple click (the OS setting where readable)."""
    double_click_distance: int = 5
    """Pixels: a later press of a multi-click lies within this distance of the first press."""
    drag_threshold: int = 8
    """Pixels: a press whose pointer travels this far before release is a drag, else a click."""
    scroll_gap: float = 0.4
    """Seconds: wheel ticks closer than this belong to one scroll burst."""
    scroll_distance: int = 50
    """Pixels: a tick further than this from the burst's first tick starts a new burst."""
    type_idle_flush: float | None = None
    """Seconds without a key press after which a typing run ends (None: only other input ends it)."""
    hover_dwell: float | None = None
    """Seconds the pointer must rest after moving to give a `move` action (None: no moves)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            v: Any = getattr(self, f.name)
            if v is None and f.name in ("type_idle_flush", "hover_dwell"):
                continue
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0:
                raise ValueError(f"ReduceConfig.{f.name} must be a finite number >= 0, got {v!r}")
