"""The still frames' OCR masks, carried to the video frames between them (`server/still_masks.py`):
placed in time and on screen, and mapped to the video's pixels."""

from __future__ import annotations

from typing import Any

from demotrace.server.still_masks import StillMasks, still_masks, to_video


def _step(before: str, bt: float, after: str | None, at: float | None, **obs: Any) -> dict[str, Any]:
    o: dict[str, Any] = {"before": before, "before_t": bt, "after": after, "after_t": at, **obs}
    return {"kind": "step", "observation": o, "context": {"monitor": obs.pop("monitor", 0)}}


def test_each_video_frame_gets_the_masks_of_the_stills_around_it() -> None:
    masks = {
        "frames/a.webp": [{"kind": "USERNAME", "box": [120, 280, 220, 300]}],
        "frames/b.webp": [{"kind": "USERNAME", "box": [120, 280, 240, 300]}],
        "frames/c.webp": [],
    }
    steps = [
        _step("frames/a.webp", 10.0, "frames/b.webp", 12.0),
        _step("frames/b.webp", 12.0, "frames/c.webp", 20.0),
    ]
    sm = still_masks(steps, masks)
    assert sm.times[0] == [10.0, 12.0, 20.0]  # b listed once
    assert sm.around(0, 11.0) == [(120, 280, 220, 300), (120, 280, 240, 300)]
    assert sm.around(0, 12.0) == [(120, 280, 240, 300)]  # a still at that moment: itself
    assert sm.around(0, 15.0) == [(120, 280, 240, 300)]  # b before, c (nothing) after
    assert sm.around(0, 5.0) == [(120, 280, 220, 300)]  # before the first still: the first
    assert sm.around(0, 99.0) == []  # after the last, which masked nothing
    assert sm.around(1, 11.0) == []  # another monitor


def test_frame_pixels_map_to_screen_then_to_the_video() -> None:
    # a window frame at half scale whose top-left is at (100, 50) on the second monitor
    steps = [_step("frames/w.webp", 3.0, None, None, origin=[1380, 50], scale=0.5, monitor=1)]
    sm = still_masks(steps, {"frames/w.webp": [{"kind": "PERSON", "box": [10, 20, 30, 40]}]})
    [box] = sm.around(1, 3.5)
    assert box == (1400.0, 90.0, 1440.0, 130.0)
    # the video shows monitor 1 (x 1280, 1920 x 1080) at half scale, 960 x 540 frames
    assert to_video([box], (1280, 0, 1920, 1080), (960, 540)) == [(60, 45, 80, 65)]
    assert to_video([(1.2, 1.2, 2.2, 2.2)], (0, 0, 4, 4), (2, 2)) == [(0, 0, 2, 2)]  # outwards


def test_bad_records_are_skipped_not_fatal() -> None:
    steps: list[dict[str, Any]] = [
        {"kind": "step"},
        {"kind": "step", "observation": {"before": "f.png", "before_t": "soon"}},
        {"kind": "step", "observation": {"before": "f.png", "before_t": 1.0, "origin": "x"}},
    ]
    sm = still_masks(steps, {"f.png": [{"box": [1, 2, 3]}, {"box": [1, 2, 3, 4]}]})
    assert sm.around(0, 1.0) == [(1.0, 2.0, 3.0, 4.0)]
    assert StillMasks().around(0, 1.0) == []
