"""The pipeline's public surface is a list under test, and alignment's frame choice in detail."""

from __future__ import annotations

import types

import numpy as np

import demotrace.pipeline as pipeline
from demotrace.pipeline import PipelineConfig
from demotrace.pipeline.align import _after, _canonical
from demotrace.pipeline.video import VideoFrame


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
