"""Batch reduction of the DuckTrack fixture, checked by hand against the raw events.jsonl."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from demotrace.reduce import ReduceConfig, reduce_events
from demotrace.schema import Action

from .ducktrack import load


@pytest.fixture(scope="module")
def actions(shared_dir: Path) -> list[Action]:
    return reduce_events(load(shared_dir / "fixtures" / "ducktrack" / "events.jsonl"), ReduceConfig())


def test_counts(actions: list[Action]) -> None:
    # events.jsonl: 22 left presses; 3 of them form a triple click, 3 are press-move-release
    # drags, the other 16 single clicks. 27 key presses: 9 + 17 characters in two typing runs
    # and one enter between them. 140 wheel ticks.
    kinds = Counter(a.type for a in actions)
    assert kinds["click"] == 16
    assert kinds["triple_click"] == 1
    assert kinds["drag"] == 3
    assert kinds["type"] == 2
    assert kinds["key"] == 1
    assert sum(a.dy or 0 for a in actions if a.type == "scroll") == 140  # every wheel tick kept


def test_typed_text(actions: list[Action]) -> None:
    typed = [(a.text, round(a.t, 3), round(a.t_end or 0, 3)) for a in actions if a.type == "type"]
    # "w" pressed at 150162.266221958, "a" at 150163.128957458 (t0 = 150160.965463208)
    assert typed == [("wikipedia", 1.301, 2.163), ("transformer model", 4.336, 5.704)]
    enter = next(a for a in actions if a.type == "key")
    assert enter.key == "enter"
    assert round(enter.t, 3) == 2.264


def test_first_click_and_drag(actions: list[Action]) -> None:
    assert actions[0].to_dict() == {"type": "click", "x": 1319, "y": 65, "button": "left"}
    # press at (363.3, 359.8), release 0.8 s later at (564.0, 403.2): a text selection
    drag = next(a for a in actions if a.type == "drag")
    assert (drag.x, drag.y, drag.to_x, drag.to_y) == (363, 360, 564, 403)


def test_triple_click_and_near_miss(actions: list[Action]) -> None:
    triple = next(a for a in actions if a.type == "triple_click")
    assert (triple.x, triple.y) == (457, 398)
    # two clicks 0.38 s apart but 8 px apart (> 5 px): two single clicks, not a double click
    pair = [a for a in actions if a.type == "click" and a.x == 808]
    assert [(a.x, a.y) for a in pair] == [(808, 310), (808, 318)]


def test_time_order(actions: list[Action]) -> None:
    ts = [a.t for a in actions]
    assert ts == sorted(ts)
    assert all(a.t <= (a.t_end or a.t) for a in actions)
