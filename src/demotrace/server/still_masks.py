"""What the still frames' OCR masked, carried over to the video frames between them.

Video is stored at half scale and H.264 quality: Tesseract misreads it ("Usemame alice.demo" for
"Username alice.demo", measured on `make demo`, 2026-12-03), so a value the pass masks in every
full-size still frame could stay readable in the video frames of the same seconds. Each video
frame therefore also gets the OCR masks of the nearest still frame before it and the nearest
after it (same monitor), mapped from frame pixels to screen pixels to the video's pixels. Masking
more than the frame shows is the failure mode chosen: a box over content that moved meanwhile.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class StillMasks:
    """Per monitor: the still frames' times and their OCR boxes in screen pixels, sorted by time."""

    times: dict[int, list[float]] = field(default_factory=dict)
    boxes: dict[int, list[list[Box]]] = field(default_factory=dict)

    def add(self, monitor: int, t: float, screen_boxes: list[Box]) -> None:
        times = self.times.setdefault(monitor, [])
        at = bisect.bisect_right(times, t)
        times.insert(at, t)
        self.boxes.setdefault(monitor, []).insert(at, screen_boxes)

    def around(self, monitor: int, t: float) -> list[Box]:
        """The boxes of the nearest still at or before `t` and the nearest at or after it."""
        times = self.times.get(monitor)
        if not times:
            return []
        boxes = self.boxes[monitor]
        hi = bisect.bisect_left(times, t)
        lo = bisect.bisect_right(times, t) - 1
        out: list[Box] = []
        for i in {max(lo, 0), min(hi, len(times) - 1)}:
            out.extend(boxes[i])
        return out


def _num(v: Any, default: float) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else default


def still_masks(steps: list[dict[str, Any]], masks: dict[str, list[dict[str, Any]]]) -> StillMasks:
    """The OCR `masks` (frame path → [{"kind", "box"}], `frame-masks.json`) of the frames `steps`
    show, placed in time (`before_t`/`after_t`) and on screen (`origin`, `scale`)."""
    out = StillMasks()
    seen: set[tuple[str, float]] = set()
    for st in steps:
        obs = st.get("observation") or {}
        ctx = st.get("context") or {}
        origin = obs.get("origin")
        ox, oy = (
            (_num(origin[0], 0.0), _num(origin[1], 0.0))
            if isinstance(origin, list) and len(origin) == 2
            else (0, 0)
        )
        scale = _num(obs.get("scale"), 1.0) or 1.0
        monitor = int(_num(ctx.get("monitor"), 0.0))
        for name in ("before", "after"):
            rel, t = obs.get(name), obs.get(f"{name}_t")
            if not isinstance(rel, str) or not isinstance(t, (int, float)) or (rel, float(t)) in seen:
                continue
            seen.add((rel, float(t)))
            boxes = [m.get("box") for m in masks.get(rel, [])]
            screen = [
                (ox + b[0] / scale, oy + b[1] / scale, ox + b[2] / scale, oy + b[3] / scale)
                for b in boxes
                if isinstance(b, list) and len(b) == 4
            ]
            out.add(monitor, float(t), screen)
    return out


def to_video(boxes: list[Box], rect: tuple[int, ...], size: tuple[int, int]) -> list[Box]:
    """Screen boxes in the pixels of a video frame of `size` showing `rect` (x, y, width, height),
    widened outwards to whole pixels."""
    x0, y0 = rect[0], rect[1]
    sx, sy = size[0] / max(1, rect[2]), size[1] / max(1, rect[3])
    out: list[Box] = []
    for a, b, c, d in boxes:
        out.append(
            (
                math.floor((a - x0) * sx),
                math.floor((b - y0) * sy),
                math.ceil((c - x0) * sx),
                math.ceil((d - y0) * sy),
            )
        )
    return out
