"""The recording's metadata that every export format carries (DESIGN, "Export formats").

One dict per episode, the same in every format: where a format has a metadata slot it goes there
(`metadata` in the JSON-lines formats and in each WebDataset sample, a `metadata` column plus the
schema metadata in Parquet, the `system` prompt of an Anthropic transcript). Fields the recording
does not know are null, never guessed.
"""

from __future__ import annotations

from typing import Any

from ..schema import SessionMeta
from .model import Episode, place_of


def recording_metadata(meta: SessionMeta, ep: Episode | None = None) -> dict[str, Any]:
    extra = meta.extra if isinstance(meta.extra, dict) else {}
    d: dict[str, Any] = {
        "os": meta.os or None,
        "screens": [
            {"x": m.x, "y": m.y, "width": m.width, "height": m.height, "scale": m.scale}
            for m in meta.monitors
        ],
        "frame_scale": _frame_scale(ep),
        "recorder": meta.source,
        "recorder_version": meta.recorder_version or None,
        "locale": _str(extra.get("locale")),
        "double_click": {"interval_s": meta.double_click_interval, "distance_px": meta.double_click_distance},
        "policy_version": meta.policy_version,
        "redaction_engine": _str(extra.get("redaction_engine")),
    }
    if ep is not None:
        d["apps"] = _apps(ep)
    return d


def _frame_scale(ep: Episode | None) -> float | None:
    """The scale from screen px to the stored frame's px (the first step's)."""
    if ep is None or not ep.steps:
        return None
    return float(ep.steps[0].observation.scale)


def _apps(ep: Episode) -> list[dict[str, Any]]:
    """Apps/sites the episode touches, with the app's name and version where the platform gave
    them (`context.app`, `context.app_version`)."""
    seen: dict[str, dict[str, Any]] = {}
    for s in ep.steps:
        place = place_of(s.context)
        if not place or place in seen:
            continue
        seen[place] = {
            "place": place,
            "app": _str(s.context.get("app")),
            "version": _str(s.context.get("app_version")),
        }
    return list(seen.values())


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None
