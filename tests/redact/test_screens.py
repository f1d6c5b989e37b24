"""Held-out screenshots (tests/redact/screens.py): generated pages rendered by Chromium, redacted by
the frame pass (Tesseract + text engine + masks), scored per image. The full set and its figures:
`bench/bench_screens.py` (docs/BENCHMARKS.md); here one image per layout, in five languages."""

from __future__ import annotations

import numpy as np
import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.image import PAD, redact_image

from .screens import LAYOUTS, Shot, mask_array, plan, render, score


@pytest.fixture(scope="module")
def shots() -> list[Shot]:
    return render(plan(len(LAYOUTS), seed=1))


def test_the_set_has_ground_truth_boxes_for_every_span(shots: list[Shot]) -> None:
    assert {s.layout for s in shots} == set(LAYOUTS) and len({s.lang for s in shots}) == 5
    for shot in shots:
        assert shot.image is not None and shot.image.size == (1280, 800)
        assert len(shot.spans) >= 3, shot.name
        for t in shot.spans:
            assert t.rects and all(x1 > x0 and y1 > y0 for x0, y0, x1, y1 in t.rects), (shot.name, t)


def test_the_scorer_counts_masked_ink_and_other_pixels(shots: list[Shot]) -> None:
    shot = shots[0]
    assert shot.image is not None
    nothing = score(shot, np.zeros((800, 1280), dtype=bool))
    assert nothing.caught == 0 and nothing.other_masked == 0.0
    exact = score(shot, mask_array(shot.image.size, [r for t in shot.spans for r in t.rects]))
    assert exact.all_caught and exact.other_masked == 0.0
    half = score(shot, mask_array(shot.image.size, [r for t in shot.spans[1:] for r in t.rects]))
    assert not half.all_caught and half.missed[0].startswith(shot.spans[0].kind)
    everything = score(shot, np.ones((800, 1280), dtype=bool))
    assert everything.all_caught and everything.other_masked == 1.0


def test_frame_pass_catches_the_must_catch_spans(shots: list[Shot]) -> None:
    """Goal (issue 11): every span caught in ≥ 90 % of images, ≤ 5 % of other pixels masked. Measured
    on 40 images in docs/BENCHMARKS.md; on these five the floor is what the pass reaches (4 of 5:
    the English form's "1032 Michael Course" keeps its house number)."""
    red = TextRedactor()
    scores = []
    for shot in shots:
        assert shot.image is not None
        _, found = redact_image(shot.image, red)
        scores.append(score(shot, mask_array(shot.image.size, [f.bbox for f in found if f.bbox], pad=PAD)))
    recall = sum(s.caught for s in scores) / sum(s.spans for s in scores)
    assert recall >= 0.9, [s.missed for s in scores]
    assert sum(s.all_caught for s in scores) >= 4, [s.missed for s in scores]
    assert max(s.other_masked for s in scores) <= 0.05
