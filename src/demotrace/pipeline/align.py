"""Observation alignment: which image shows the screen before and after each action.

The recorder picks frames as it records (`observation.before/after` already name files under
`frames/`); those are kept. A step without a before frame, in a bundle that has video, gets its
frames from the video segments (1 fps) by this rule:

- **before**: the last frame shown at least `settle` seconds before the action started (so it
  cannot show the action's effect); of a run of identical frames, the first one is named, so that
  steps share one image when the screen did not change between them;
- **after**: the first *settled* frame after the action: shown at least `settle` seconds after
  its last raw event (`t_end` where the step record carries it, else `t`) and not visually
  different from the frame after it (the screen stopped changing); if the screen never settles
  before the next action, the last frame before the next action; if no frame at all is shown
  between the action and the next one, the frame still on screen then (the recorder's video
  only gets a frame when the screen changes, so this is the unchanged screen).

"Visually different" = mean absolute difference of 32x32 grey thumbnails above
`distinct_threshold` (0–255). Frame pixels map to screen pixels with the `origin` (or `rect`,
x/y/w/h) and `scale` that the segment's index names (the recorder writes `rect` and `scale`),
else with the session's first monitor and the ratio of the video's width to that monitor's.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from typing import Any

from ..errors import BundleError
from ..schema import Observation, Step
from .config import PipelineConfig
from .source import SessionData, read_video_index
from .video import VideoFrame, differ, scan_segment


def align_from_video(data: SessionData, config: PipelineConfig) -> list[Step]:
    """Steps with video frames filled in where the recorder left none. Problems with a segment
    are reported in `data.problems`; its steps keep no observation."""
    if not data.videos or all(s.observation.before for s in data.steps):
        return data.steps
    frames: list[VideoFrame] = []
    geometry: dict[str, tuple[tuple[int, int], float]] = {}
    for seg in data.videos:
        try:
            index = read_video_index(data, seg)
            blob = data.reader.read_blob(seg)
            seg_frames = scan_segment(seg, blob, index)
        except BundleError as e:
            data.problems.append(f"{seg}: skipped ({e})")
            continue
        frames += seg_frames
        if seg_frames:
            geometry[seg] = _geometry(data, seg, seg_frames[0].width)
    frames.sort(key=lambda f: f.t)
    if not frames:
        return data.steps
    canon = _canonical(frames, config.distinct_threshold)
    times = [f.t for f in frames]
    out: list[Step] = []
    for i, s in enumerate(data.steps):
        if s.observation.before:
            out.append(s)
            continue
        nxt = data.steps[i + 1].t if i + 1 < len(data.steps) else float("inf")
        b = bisect.bisect_right(times, s.t - config.settle) - 1
        if b < 0:
            out.append(s)
            continue
        before = frames[canon[b]]
        after = _after(frames, times, data.end_of(s) + config.settle, nxt - config.settle, config)
        if after is None:  # nothing new on screen before the next action: what is still shown
            shown = bisect.bisect_right(times, nxt - config.settle) - 1
            after = shown if shown >= b else None
        seg = before.ref.split("#", 1)[0]
        origin, scale = geometry.get(seg, ((0, 0), 1.0))
        obs = Observation(
            before=before.ref,
            after=frames[canon[after]].ref if after is not None else None,
            width=before.width,
            height=before.height,
            origin=origin,
            scale=scale,
        )
        out.append(dataclasses.replace(s, observation=obs))
    return out


def _canonical(frames: list[VideoFrame], threshold: float) -> list[int]:
    """For each frame, the first frame of its run of identical frames."""
    canon = [0] * len(frames)
    for i in range(1, len(frames)):
        same = not differ(frames[i - 1], frames[i], threshold)
        canon[i] = canon[i - 1] if same else i
    return canon


def _after(
    frames: list[VideoFrame], times: list[float], lo: float, hi: float, config: PipelineConfig
) -> int | None:
    i = bisect.bisect_left(times, lo)
    last: int | None = None
    while i < len(frames) and frames[i].t <= hi:
        last = i
        if i + 1 >= len(frames) or not differ(frames[i], frames[i + 1], config.distinct_threshold):
            return i
        i += 1
    return last


def _geometry(data: SessionData, seg: str, width: int) -> tuple[tuple[int, int], float]:
    """Where the video's pixels are on the virtual desktop: the index's `origin` or `rect`
    (x, y, w, h) and `scale`, else the session's first monitor."""
    idx: dict[str, Any] = {}
    try:
        idx = json.loads(data.reader.read_blob(seg[: -len(".mp4")] + ".json"))
    except (ValueError, BundleError):
        idx = {}
    rect = idx.get("rect")
    origin = idx.get("origin") or (rect[:2] if isinstance(rect, list) and len(rect) == 4 else None)
    if isinstance(origin, list) and len(origin) == 2:
        if isinstance(idx.get("scale"), int | float):
            scale = float(idx["scale"])
        elif isinstance(rect, list) and len(rect) == 4 and rect[2]:
            scale = width / rect[2]
        else:
            scale = 1.0
        return (int(origin[0]), int(origin[1])), scale
    if data.meta.monitors:
        m = data.meta.monitors[0]
        return (m.x, m.y), (width / m.width if m.width else 1.0)
    return (0, 0), 1.0
