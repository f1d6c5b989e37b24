"""Quality filters, run once before any exporter. Each dropped step is counted under its reason:

- `empty`: an action that does nothing (no text, no keys, a scroll of 0 ticks, a drag of 0 px);
- `near_duplicate`: the same action as the step before, within `duplicate_window` seconds;
- `off_screen`: a point outside every monitor of the session (DESIGN, "Export formats");
- `missing_observation`: the session has images but this step's before frame is absent or gone.

`idle` (seconds cut at idle gaps) and `short_episode` are counted by the episode splitter.
"""

from __future__ import annotations

from typing import Any

from ..schema import SessionMeta, Step
from .config import PipelineConfig
from .frames import FrameSource
from .model import Drops

POINT_FIELDS = (("x", "y"), ("to_x", "to_y"))


def is_empty(action: dict[str, Any]) -> bool:
    kind = action.get("type")
    if kind == "type":
        return not action.get("text")
    if kind == "key":
        return not action.get("key")
    if kind == "hotkey":
        return not action.get("keys")
    if kind == "scroll":
        return not (action.get("dx") or action.get("dy"))
    if kind == "drag":
        return (action.get("x"), action.get("y")) == (action.get("to_x"), action.get("to_y"))
    return kind is None


def off_screen(action: dict[str, Any], meta: SessionMeta) -> bool:
    if not meta.monitors:
        return False
    for fx, fy in POINT_FIELDS:
        x, y = action.get(fx), action.get(fy)
        numeric = isinstance(x, int | float) and isinstance(y, int | float)
        if numeric and meta.monitor_at(int(x), int(y)) is None:  # type: ignore[arg-type]
            return True
    return False


def filter_steps(
    steps: list[Step],
    meta: SessionMeta,
    frames: FrameSource,
    has_images: bool,
    config: PipelineConfig,
    drops: Drops,
) -> list[Step]:
    kept: list[Step] = []
    for s in steps:
        reason = _reason(s, kept[-1] if kept else None, meta, frames, has_images, config)
        if reason:
            drops.steps[reason] += 1
        else:
            kept.append(s)
    return kept


def _reason(
    s: Step,
    prev: Step | None,
    meta: SessionMeta,
    frames: FrameSource,
    has_images: bool,
    config: PipelineConfig,
) -> str | None:
    if is_empty(s.action):
        return "empty"
    if prev is not None and prev.action == s.action and s.t - prev.t <= config.duplicate_window:
        return "near_duplicate"
    if off_screen(s.action, meta):
        return "off_screen"
    if has_images:
        ref = s.observation.before
        if not ref or not frames.exists(ref):
            return "missing_observation"
    return None
