"""Quality filters, run once before any exporter. Each dropped step is counted under its reason:

- `malformed`: an unknown action type, or one without the fields its type needs;
- `empty`: an action that does nothing (no text, no keys, a scroll of 0 ticks, a drag of 0 px);
- `near_duplicate`: the same action as the step before, within `duplicate_window` seconds;
- `off_screen`: a point outside every monitor of the session (DESIGN, "Export formats");
- `missing_observation`: the session has images but this step's before frame is absent or gone;

`idle` (seconds cut at idle gaps) and `short_episode` are counted by the episode splitter.
"""

from __future__ import annotations

from typing import Any

from ..schema import ACTION_TYPES, SessionMeta, Step
from .config import PipelineConfig
from .frames import FrameSource
from .model import Drops

POINT_FIELDS = (("x", "y"), ("to_x", "to_y"))
MARKER_TYPES = ("secure_input", "wait")
"""DESIGN's marker steps: keys went to a secure field (`field`, never the content), or the screen
changed with no input. Every exporter writes them (its closest equivalent)."""
KNOWN_TYPES = (*ACTION_TYPES, *MARKER_TYPES)
_NUM = (int, float)
_NEEDS: dict[str, tuple[tuple[str, type | tuple[type, ...]], ...]] = {
    **{c: (("x", _NUM), ("y", _NUM)) for c in ("click", "double_click", "triple_click", "right_click")},
    "middle_click": (("x", _NUM), ("y", _NUM)),
    "move": (("x", _NUM), ("y", _NUM)),
    "scroll": (("x", _NUM), ("y", _NUM)),
    "drag": (("x", _NUM), ("y", _NUM), ("to_x", _NUM), ("to_y", _NUM)),
    "type": (("text", str),),
    "key": (("key", str),),
    "hotkey": (("keys", list),),
    "secure_input": (("field", str),),
}


def is_malformed(action: Any) -> bool:
    if not isinstance(action, dict) or action.get("type") not in KNOWN_TYPES:
        return True
    for name, kind in _NEEDS.get(str(action["type"]), ()):
        v = action.get(name)
        if v is None and name in ("text", "keys", "field"):
            continue  # empty, not malformed
        if not isinstance(v, kind) or isinstance(v, bool):
            return True
    for name in ("dx", "dy"):
        if action.get(name) is not None and not isinstance(action.get(name), int):
            return True
    mods = action.get("modifiers", [])
    keys = action.get("keys") or []
    return not isinstance(mods, list) or not all(isinstance(k, str) for k in [*mods, *keys])


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
    if is_malformed(s.action):
        return "malformed"
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
