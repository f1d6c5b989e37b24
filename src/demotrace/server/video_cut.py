"""Cutting seconds out of a stored video segment (`video/NNNNNN.mp4` + its `.json` frame-time
index): the frames whose session time lies in the range are dropped and the rest re-encoded the
way the recorder encodes them (capture/screen/video.py), so nothing of the range survives in
the stream. A segment left without frames goes entirely."""

from __future__ import annotations

import io
from typing import Any

import av

from ..capture.screen.video import VideoSegmenter


def _frame_times(meta: dict[str, Any]) -> list[float]:
    return [float(e["t"]) for e in meta.get("frames", []) if isinstance(e, dict) and "t" in e]


def segment_overlaps(meta: dict[str, Any], start: float, end: float) -> bool:
    return any(start <= t <= end for t in _frame_times(meta))


def cut_segment(mp4: bytes, meta: dict[str, Any], start: float, end: float) -> tuple[bytes, bytes] | None:
    """The segment without the frames whose time lies in [start, end]: (mp4, index json), or None
    when no frame is left."""
    times = _frame_times(meta)
    by_pts = {int(e["pts"]): float(e["t"]) for e in meta.get("frames", []) if "pts" in e and "t" in e}
    written: dict[str, bytes] = {}
    rect = tuple(int(v) for v in meta.get("rect", (0, 0, 0, 0)))
    scale = float(meta.get("scale", 1.0))
    seg = VideoSegmenter(lambda rel, b: written.__setitem__(rel.rsplit(".", 1)[-1], b), scale=scale)
    seg.segment_s = float("inf")
    with av.open(io.BytesIO(mp4), mode="r") as c:
        for n, frame in enumerate(c.decode(video=0)):
            pts = int(frame.pts) if frame.pts is not None else None
            t = by_pts.get(pts) if pts is not None else None
            if t is None:
                t = times[n] if n < len(times) else None
            if t is None or start <= t <= end:
                continue
            rgb = frame.to_ndarray(format="rgb24")
            seg.add(t, int(meta.get("monitor", 0)), rect, rgb, n.to_bytes(8, "big"))  # type: ignore[arg-type]
    seg.close_segment()
    if "mp4" not in written:
        return None
    return written["mp4"], written["json"]
