"""What the report says about each episode: per-step places, target coverage, redactions by kind,
no-ops, frame alignment, and a strip of small before/after thumbnails with the action's geometry.

Computed by the worker (it has the frames) and stored with the session's statistics, so a resumed
export reports the same without reading any frame again. Thumbnails are small JPEGs (base64),
for the first `STRIP_STEPS` steps of the first `STRIP_EPISODES` episodes of a session.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from typing import Any

from PIL import Image

from ..schema import CLICK_TYPES, Step
from .frames import FrameSource
from .model import Episode, step_place

THUMB_W = 200
STRIP_STEPS = 8
STRIP_EPISODES = 6
POINTER = CLICK_TYPES | {"drag", "scroll"}


def episode_quality(ep: Episode) -> dict[str, Any]:
    """Counts for one episode (JSON-able)."""
    places: Counter[str] = Counter(step_place(s) or "(unknown)" for s in ep.steps)
    pointer = [s for s in ep.steps if s.action.get("type") in POINTER]
    red: Counter[str] = Counter()
    red_kinds: Counter[str] = Counter()
    for s in ep.steps:
        for r in s.redactions:
            field = str(r.get("field", ""))
            red["pixels" if field.startswith(("observation", "frame")) else "text"] += 1
            red_kinds[str(r.get("kind", "?"))] += 1
        if s.action.get("type") == "secure_input":
            red["dropped_keys"] += 1
    no_ops = [
        s.index
        for s in ep.steps
        if s.action.get("type") not in ("secure_input", "wait", "move", "scroll")
        and s.observation.before
        and s.observation.before == s.observation.after
    ]
    repeats = [
        b.index
        for a, b in zip(ep.steps, ep.steps[1:], strict=False)
        if a.action == b.action and b.t - a.t < 1.0
    ]
    return {
        "places": dict(places),
        "pointer_steps": len(pointer),
        "with_target": sum(1 for s in pointer if s.target),
        "redactions": dict(red),
        "redaction_kinds": dict(red_kinds),
        "no_ops": no_ops,
        "repeats": repeats,
        "with_before": sum(1 for s in ep.steps if s.observation.before),
        "after_missing": sum(1 for s in ep.steps if s.observation.before and not s.observation.after),
        "place_seconds": _place_seconds(ep),
    }


def _place_seconds(ep: Episode) -> dict[str, float]:
    """Time between an action and the next, attributed to where the action happened."""
    out: dict[str, float] = {}
    for a, b in zip(ep.steps, ep.steps[1:], strict=False):
        p = step_place(a) or "(unknown)"
        out[p] = round(out.get(p, 0.0) + max(0.0, b.t - a.t), 3)
    return out


def strip(
    ep: Episode, frames: FrameSource, made: dict[str, tuple[str | None, float]] | None = None
) -> list[dict[str, Any]]:
    """Up to STRIP_STEPS steps: thumbnails and the action in thumbnail px. `made` caches
    thumbnails by reference (a step's after frame is usually the next step's before frame)."""
    made = {} if made is None else made

    def thumb(ref: str | None) -> tuple[str | None, float]:
        if ref is None:
            return None, 0.0
        if ref not in made:
            made[ref] = _thumb(frames, ref)
        return made[ref]

    out = []
    for s in ep.steps[:STRIP_STEPS]:
        before, scale = thumb(s.observation.before)
        after, _ = thumb(s.observation.after)
        out.append(
            {
                "index": s.index,
                "before": before,
                "after": after,
                "size": [THUMB_W, round(s.observation.height * scale) if scale else 0],
                "action": _drawn(s, scale),
            }
        )
    return out


def _thumb(frames: FrameSource, ref: str | None) -> tuple[str | None, float]:
    blob = frames.try_read(ref)
    if blob is None:
        return None, 0.0
    with Image.open(io.BytesIO(blob)) as im:
        scale = THUMB_W / im.width if im.width else 0.0
        small = im.convert("RGB").resize(
            (THUMB_W, max(1, round(im.height * scale))), Image.Resampling.BILINEAR
        )
    buf = io.BytesIO()
    small.save(buf, format="JPEG", quality=70)
    return base64.b64encode(buf.getvalue()).decode(), scale


def _drawn(s: Step, scale: float) -> dict[str, Any]:
    """The action with its points in thumbnail px (frame px × scale)."""
    a = s.action
    d: dict[str, Any] = {"type": a.get("type")}
    o = s.observation
    for fx, fy in (("x", "y"), ("to_x", "to_y")):
        if isinstance(a.get(fx), int | float) and isinstance(a.get(fy), int | float):
            d[fx] = round((float(a[fx]) - o.origin[0]) * o.scale * scale, 1)
            d[fy] = round((float(a[fy]) - o.origin[1]) * o.scale * scale, 1)
    if a.get("type") == "type":
        d["text"] = str(a.get("text", ""))[:60]
    elif a.get("type") == "key":
        d["keys"] = [*a.get("modifiers", []), a.get("key")]
    elif a.get("type") == "hotkey":
        d["keys"] = list(a.get("keys") or [])
    elif a.get("type") == "scroll":
        d["dy"], d["dx"] = a.get("dy") or 0, a.get("dx") or 0
    elif a.get("type") == "secure_input":
        d["field"] = a.get("field")
    return d


def with_strips(episodes: list[Episode], frames: FrameSource) -> list[list[dict[str, Any]]]:
    made: dict[str, tuple[str | None, float]] = {}
    return [strip(ep, frames, made) if i < STRIP_EPISODES else [] for i, ep in enumerate(episodes)]
