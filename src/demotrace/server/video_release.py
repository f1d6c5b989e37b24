"""Releasing video: every frame of every segment (`video/NNNNNN.mp4` + its `.json` index) goes
through the same frame (OCR) pass as the still frames, then the redacted frames are encoded again
the way the recorder encodes them. A segment that does not decode, or a frame without its
redacted copy, fails the session closed (FramePassError): no video is released unredacted."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path
from typing import Any

import av
import numpy as np
from PIL import Image

from ..capture.screen.video import VideoSegmenter
from ..policy import Policy
from ..redact.image import mask_boxes
from .frames import FramePassError, redact_frames
from .still_masks import StillMasks, to_video


def _segments(bundle: Path) -> list[tuple[Path, dict[str, Any]]]:
    d = bundle / "video"
    out = []
    for idx in sorted(d.glob("*.json")) if d.is_dir() else []:
        if idx.with_suffix(".mp4").is_file():
            try:
                out.append((idx, json.loads(idx.read_bytes())))
            except ValueError as e:
                raise FramePassError(f"video/{idx.name}: unreadable index ({e})") from None
    return out


def _decode(mp4: Path, meta: dict[str, Any], into: Path, stem: str) -> list[tuple[str, float]]:
    """Each frame as a PNG under `into`, with its session time: [(file name, t)]."""
    by_pts = {int(e["pts"]): float(e["t"]) for e in meta.get("frames", []) if "pts" in e and "t" in e}
    times = [float(e["t"]) for e in meta.get("frames", []) if "t" in e]
    got: list[tuple[str, float]] = []
    try:
        with av.open(str(mp4), mode="r") as c:
            for n, frame in enumerate(c.decode(video=0)):
                t = by_pts.get(int(frame.pts)) if frame.pts is not None else None
                t = t if t is not None else (times[n] if n < len(times) else None)
                if t is None:
                    continue  # a frame the index does not place is never released
                name = f"{stem}-{n:06d}.png"
                frame.to_image().save(into / name)  # type: ignore[no-untyped-call]
                got.append((name, t))
    except av.error.FFmpegError as e:
        raise FramePassError(f"video/{mp4.name}: does not decode ({e})") from None
    return got


def _collect(into: dict[str, bytes], rel: str, data: bytes) -> None:
    into[rel.rsplit(".", 1)[-1]] = data  # "mp4" / "json"


def release_video(
    bundle: Path,
    work: Path,
    policy: Policy,
    cmd: list[str] | None,
    frame_timeout: float,
    stills: StillMasks | None = None,
) -> dict[str, bytes]:
    """The bundle's video, redacted frame by frame: {path in the bundle: bytes}. Each frame also
    gets the OCR masks of the still frames around it (`stills`: `still_masks.py` says why)."""
    segs = _segments(bundle)
    if not segs:
        return {}
    frames_in, frames_out = work / "video-in", work / "video-out"
    frames_in.mkdir(parents=True, exist_ok=True)
    decoded = {idx.stem: _decode(idx.with_suffix(".mp4"), meta, frames_in, idx.stem) for idx, meta in segs}
    names = [n for got in decoded.values() for n, _ in got]
    done = redact_frames(
        frames_in,
        frames_out,
        names,
        policy,
        cmd=cmd,
        timeout=60.0 + frame_timeout * len(names),
        per_frame=frame_timeout,
    )
    files: dict[str, bytes] = {}
    for idx, meta in segs:
        written: dict[str, bytes] = {}
        seg = VideoSegmenter(functools.partial(_collect, written))
        seg.scale, seg.segment_s = float(meta.get("scale", 0.5)), float("inf")
        rect = tuple(int(v) for v in meta.get("rect", (0, 0, 2, 2)))
        monitor = int(meta.get("monitor", 0))
        for n, (name, t) in enumerate(decoded[idx.stem]):
            img = Image.open(io.BytesIO(done[name].read_bytes())).convert("RGB")
            if stills is not None:
                img = mask_boxes(img, to_video(stills.around(monitor, t), rect, img.size))
            seg.add(t, monitor, rect, np.asarray(img), n.to_bytes(8, "big"))  # type: ignore[arg-type]
        seg.close_segment()
        if "mp4" in written:
            files[f"video/{idx.stem}.mp4"], files[f"video/{idx.stem}.json"] = written["mp4"], written["json"]
    return files
