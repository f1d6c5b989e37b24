"""The pipeline's public surface is a list under test, and alignment's frame choice in detail."""

from __future__ import annotations

import json
import types
from pathlib import Path

import numpy as np

import demotrace.pipeline as pipeline
from demotrace.bundle import BundleWriter
from demotrace.pipeline import PipelineConfig, prepare_session
from demotrace.pipeline.align import _after, _canonical
from demotrace.pipeline.video import VideoFrame

from .builders import color_of, meta, write_video


def test_public_names() -> None:
    names = {
        n for n, v in vars(pipeline).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert len(pipeline.__all__) == len(names) and set(pipeline.__all__) == names


def _frames(levels: list[int]) -> list[VideoFrame]:
    return [
        VideoFrame(f"video/000001.mp4#{i}", float(i), np.full((32, 32), v, np.uint8), 32, 32)
        for i, v in enumerate(levels)
    ]


def test_identical_runs_share_their_first_frame() -> None:
    assert _canonical(_frames([10, 10, 50, 50, 50, 90]), 1.0) == [0, 0, 2, 2, 2, 5]


def test_after_waits_for_the_screen_to_settle() -> None:
    cfg = PipelineConfig()
    frames = _frames([10, 30, 50, 50, 70])
    times = [f.t for f in frames]
    assert _after(frames, times, 0.5, 10.0, cfg) == 2  # 30 still changing, 50 then 50: settled
    # the next action comes before the screen settles: the last frame before it
    assert _after(frames, times, 0.5, 1.5, cfg) == 1
    assert _after(frames, times, 4.5, 10.0, cfg) is None  # no frame after the action


def test_recorder_video_index_and_unchanged_screen(tmp_path: Path) -> None:
    """The recorder's index names `rect` and `scale`; a change-only video shows no new frame
    after an action that changed nothing, so the after frame is the one still on screen."""
    mp4 = tmp_path / "v.mp4"
    write_video(mp4, "AB")
    w = BundleWriter(tmp_path / "spool", meta("01JDEMOTRACE0000000000000V"), None)
    w.write_blob("video/000001.mp4", mp4.read_bytes())
    index = {"rect": [100, 0, 640, 400], "scale": 0.5, "frames": [{"t": 0.0, "pts": 0}, {"t": 1.0, "pts": 1}]}
    w.write_blob("video/000001.json", json.dumps(index).encode())
    w.add("step", {"index": 0, "t": 0.5, "action": {"type": "click", "x": 150, "y": 20, "button": "left"}})
    w.add("step", {"index": 1, "t": 1.5, "action": {"type": "key", "key": "tab"}})
    w.add("step", {"index": 2, "t": 3.0, "action": {"type": "key", "key": "enter"}})
    w.close()
    prep = prepare_session(w.root, None, PipelineConfig())
    (ep,) = prep.episodes
    seen = [
        [color_of(prep.frames.read(r)) if r else None for r in (s.observation.before, s.observation.after)]
        for s in ep.steps
    ]
    assert seen == [["A", "B"], ["B", "B"], ["B", "B"]]
    obs = ep.steps[0].observation
    assert (obs.origin, obs.scale, obs.width, obs.height) == ((100, 0), 0.5, 320, 200)
