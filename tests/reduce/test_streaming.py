"""The streaming API the recorder uses: what feed returns at once, what poll releases later."""

from __future__ import annotations

import pytest

import demotrace.reduce
from demotrace.reduce import ReduceConfig, Reducer
from demotrace.schema import ButtonEvent, KeyEvent, ScrollEvent

from .script import Script


def test_public_names() -> None:
    assert demotrace.reduce.__all__ == sorted(demotrace.reduce.__all__)
    assert set(demotrace.reduce.__all__) == {"ReduceConfig", "Reducer", "normalize_key", "reduce_events"}


def test_click_waits_for_the_interval() -> None:
    r = Reducer(ReduceConfig(double_click_interval=0.5))
    assert r.feed(ButtonEvent(1.0, 5, 5, "left", True)) == []
    assert r.feed(ButtonEvent(1.1, 5, 5, "left", False, seq=1)) == []
    assert r.poll(1.5) == []  # a second press at 1.5 would still make a double click
    (a,) = r.poll(1.51)
    assert a.type == "click" and (a.t, a.t_end) == (1.0, 1.1)
    assert r.finish() == []


def test_triple_click_is_final_at_once() -> None:
    r = Reducer()
    out = []
    for i, (pressed, t) in enumerate(
        [(True, 0.0), (False, 0.1), (True, 0.2), (False, 0.3), (True, 0.4), (False, 0.5)]
    ):
        out += r.feed(ButtonEvent(t, 5, 5, "left", pressed, seq=i))
    assert [a.type for a in out] == ["triple_click"]


def test_right_click_is_final_at_release() -> None:
    r = Reducer()
    assert r.feed(ButtonEvent(0.0, 5, 5, "right", True)) == []
    assert [a.type for a in r.feed(ButtonEvent(0.1, 5, 5, "right", False, seq=1))] == ["right_click"]


def test_key_is_final_at_once_but_waits_behind_an_open_drag() -> None:
    r = Reducer()
    assert [a.key for a in r.feed(KeyEvent(0.0, True, "enter"))] == ["enter"]
    r.feed(ButtonEvent(1.0, 0, 0, "left", True, seq=1))
    assert r.feed(KeyEvent(1.2, True, "escape", seq=2)) == []
    out = r.feed(ButtonEvent(1.5, 50, 0, "left", False, seq=3))
    assert [a.type for a in out] == ["drag", "key"]


def test_scroll_burst_final_after_the_gap() -> None:
    r = Reducer(ReduceConfig(scroll_gap=0.4))
    r.feed(ScrollEvent(0.0, 5, 5, 0, 1))
    r.feed(ScrollEvent(0.1, 5, 5, 0, 1, seq=1))
    assert r.poll(0.5) == []
    (a,) = r.poll(0.51)
    assert (a.dy, a.t, a.t_end) == (2, 0.0, 0.1)


def test_typing_run_final_at_a_key_or_after_idle() -> None:
    r = Reducer(ReduceConfig(type_idle_flush=1.0))
    for i, c in enumerate("ab"):
        assert r.feed(KeyEvent(i * 0.1, True, c, c, seq=i)) == []
    assert r.poll(1.05) == []
    (a,) = r.poll(1.2)
    assert a.text == "ab"
    r.feed(KeyEvent(2.0, True, "c", "c", seq=5))
    out = r.feed(KeyEvent(2.1, True, "enter", seq=6))
    assert [x.to_dict() for x in out] == [{"type": "type", "text": "c"}, {"type": "key", "key": "enter"}]


def test_typing_run_without_idle_flush_waits_for_finish() -> None:
    r = Reducer()
    r.feed(KeyEvent(0.0, True, "a", "a"))
    assert r.poll(100.0) == []
    assert [a.text for a in r.finish()] == ["a"]


def test_hover_after_dwell() -> None:
    s = Script().move(10, 10).move(60, 60)
    r = Reducer(ReduceConfig(hover_dwell=0.5))
    for ev in s.events:
        assert r.feed(ev) == []
    assert r.poll(s.t + 0.4) == []
    (a,) = r.poll(s.t + 0.5)
    assert a.to_dict() == {"type": "move", "x": 60, "y": 60}


@pytest.mark.parametrize(
    "field, value",
    [
        ("double_click_interval", -1),
        ("drag_threshold", float("nan")),
        ("scroll_gap", "0.4"),
        ("type_idle_flush", True),
    ],
)
def test_bad_config(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field):
        ReduceConfig(**{field: value})  # type: ignore[arg-type]


def test_not_an_event() -> None:
    with pytest.raises(TypeError, match="not a raw event"):
        Reducer().feed("click")  # type: ignore[arg-type]
