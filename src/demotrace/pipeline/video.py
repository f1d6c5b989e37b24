"""Video segments (`video/NNNNNN.mp4` + `video/NNNNNN.json` frame-time index) decoded with PyAV.

A segment is decoded twice at most: once for small grey thumbnails (to tell frames apart and to
find settled ones), once to encode just the frames that alignment picked as WebP.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import av
import numpy as np
from PIL import Image

from ..errors import BundleError

THUMB = 32


@dataclass(slots=True)
class VideoFrame:
    ref: str
    """`video/NNNNNN.mp4#<n>`: the n-th decoded frame (0-based) of the segment."""
    t: float
    thumb: np.ndarray[Any, np.dtype[np.uint8]]
    width: int
    height: int


def frame_ref(segment: str, n: int) -> str:
    return f"{segment}#{n}"


def split_ref(ref: str) -> tuple[str, int]:
    seg, _, n = ref.partition("#")
    return seg, int(n)


def scan_segment(segment: str, data: bytes, index: list[dict[str, Any]]) -> list[VideoFrame]:
    """Every frame of a segment with its session time: by `pts` when the index names it, else by
    position (the n-th index entry is the n-th frame)."""
    by_pts = {int(e["pts"]): float(e["t"]) for e in index if "pts" in e and "t" in e}
    out: list[VideoFrame] = []
    try:
        with av.open(io.BytesIO(data), mode="r") as c:
            for n, frame in enumerate(c.decode(video=0)):
                if frame.pts is not None and int(frame.pts) in by_pts:
                    t = by_pts[int(frame.pts)]
                elif n < len(index) and "t" in index[n]:
                    t = float(index[n]["t"])
                else:
                    continue
                img = frame.to_image()  # type: ignore[no-untyped-call]
                thumb = np.asarray(img.convert("L").resize((THUMB, THUMB), Image.Resampling.BILINEAR))
                out.append(VideoFrame(frame_ref(segment, n), t, thumb, img.width, img.height))
    except av.error.FFmpegError as e:
        raise BundleError(f"{segment}: video does not decode ({e})") from None
    return out


def encode_frames(data: bytes, wanted: set[int], quality: int = 90) -> dict[int, bytes]:
    """The wanted frames (by decode position) of a segment as WebP bytes."""
    out: dict[int, bytes] = {}
    if not wanted:
        return out
    last = max(wanted)
    try:
        with av.open(io.BytesIO(data), mode="r") as c:
            for n, frame in enumerate(c.decode(video=0)):
                if n in wanted:
                    buf = io.BytesIO()
                    frame.to_image().save(  # type: ignore[no-untyped-call]
                        buf, format="WEBP", quality=quality, method=4
                    )
                    out[n] = buf.getvalue()
                if n >= last:
                    break
    except av.error.FFmpegError as e:
        raise BundleError(f"video does not decode ({e})") from None
    return out


def differ(a: VideoFrame, b: VideoFrame, threshold: float) -> bool:
    """Visually distinct: mean absolute difference of the grey thumbnails above `threshold`."""
    diff = np.abs(a.thumb.astype(np.int16) - b.thumb.astype(np.int16))
    return float(diff.mean()) > threshold
