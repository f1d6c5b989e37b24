"""Table tests for clicks, multi-clicks, modifier-clicks, drags, scroll bursts and hovers."""

from __future__ import annotations

from typing import Any

import pytest

from demotrace.schema import Action

from .script import Script


def _click(x: int, y: int, kind: str = "click", **kw: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"type": kind, "x": x, "y": y}
    if kind == "click":
        d["button"] = kw.pop("button", "left")
    d.update(kw)
    return d


CASES: list[tuple[str, Script, list[dict[str, Any]]]] = [
    ("single click", Script().click(10, 20), [_click(10, 20)]),
    ("double click", Script().click(10, 20).click(11, 21), [_click(10, 20, "double_click")]),
    ("triple click", Script().click(10, 20).click(10, 20).click(10, 20), [_click(10, 20, "triple_click")]),
    (
        "four clicks: a triple, then a new click",
        Script().click(10, 20).click(10, 20).click(10, 20).click(10, 20),
        [_click(10, 20, "triple_click"), _click(10, 20)],
    ),
    (
        "second click after the interval",
        Script().click(10, 20).wait(0.6).click(10, 20),
        [_click(10, 20), _click(10, 20)],
    ),
    (
        "second click too far (6 px > 5 px)",
        Script().click(10, 20).click(16, 20),
        [_click(10, 20), _click(16, 20)],
    ),
    (
        "second click at exactly the distance",
        Script().click(10, 20).click(13, 24),
        [_click(10, 20, "double_click")],
    ),
    (
        "third click measured from the first press",
        Script().click(10, 20).click(14, 20).click(18, 20),
        [_click(10, 20, "double_click"), _click(18, 20)],
    ),
    ("ctrl+click", Script().kdown("ctrl").click(5, 5).kup("ctrl"), [_click(5, 5, modifiers=["ctrl"])]),
    (
        "shift+alt+click, canonical order",
        Script().kdown("shift_r").kdown("Key.alt_l").click(5, 5).kup("shift_r").kup("Key.alt_l"),
        [_click(5, 5, modifiers=["alt", "shift"])],
    ),
    (
        "click then ctrl+click: modifiers differ, no double click",
        Script().click(5, 5).kdown("ctrl").click(5, 5).kup("ctrl"),
        [_click(5, 5), _click(5, 5, modifiers=["ctrl"])],
    ),
    (
        "ctrl+double click",
        Script().kdown("ctrl").click(5, 5).click(5, 5).kup("ctrl"),
        [_click(5, 5, "double_click", modifiers=["ctrl"])],
    ),
    ("right click", Script().click(7, 8, "right"), [_click(7, 8, "right_click")]),
    ("middle click", Script().click(7, 8, "middle"), [_click(7, 8, "middle_click")]),
    (
        "right double press is two right clicks",
        Script().click(7, 8, "right").click(7, 8, "right"),
        [_click(7, 8, "right_click"), _click(7, 8, "right_click")],
    ),
    ("back button", Script().click(7, 8, "x1"), [_click(7, 8, button="x1")]),
    (
        "left click then right click",
        Script().click(7, 8).click(7, 8, "right"),
        [_click(7, 8), _click(7, 8, "right_click")],
    ),
    (
        "drag",
        Script().down(100, 100).move(120, 110).move(150, 130).up(150, 130),
        [{"type": "drag", "x": 100, "y": 100, "to_x": 150, "to_y": 130, "button": "left"}],
    ),
    (
        "sloppy click (7 px of travel) stays a click at the press point",
        Script().down(100, 100).move(104, 103).move(107, 100).up(106, 100),
        [_click(100, 100)],
    ),
    (
        "drag at exactly the threshold",
        Script().down(100, 100).up(108, 100),
        [{"type": "drag", "x": 100, "y": 100, "to_x": 108, "to_y": 100, "button": "left"}],
    ),
    (
        "drag that comes back to its start is still a drag",
        Script().down(100, 100).move(200, 100).move(101, 100).up(101, 100),
        [{"type": "drag", "x": 100, "y": 100, "to_x": 101, "to_y": 100, "button": "left"}],
    ),
    (
        "shift+right drag",
        Script().kdown("shift").down(0, 0, "right").move(30, 40).up(30, 40, "right").kup("shift"),
        [{"type": "drag", "x": 0, "y": 0, "to_x": 30, "to_y": 40, "button": "right", "modifiers": ["shift"]}],
    ),
    (
        "click then press-drag (double-click-drag) is a click and a drag",
        Script().click(50, 50).down(50, 50).move(90, 50).up(90, 50),
        [_click(50, 50), {"type": "drag", "x": 50, "y": 50, "to_x": 90, "to_y": 50, "button": "left"}],
    ),
    (
        "drag then click at its end is not a double click",
        Script().down(0, 0).up(40, 0).click(40, 0),
        [{"type": "drag", "x": 0, "y": 0, "to_x": 40, "to_y": 0, "button": "left"}, _click(40, 0)],
    ),
    ("release without its press", Script().up(3, 3), []),
    ("press without release, then the end", Script().down(3, 3), [_click(3, 3)]),
    (
        "press without release, moved far, then the end",
        Script().down(3, 3).move(60, 3),
        [{"type": "drag", "x": 3, "y": 3, "to_x": 60, "to_y": 3, "button": "left"}],
    ),
    (
        "scroll burst summed at the first tick's position",
        Script().scroll(10, 10).scroll(12, 11).scroll(13, 12, dy=2),
        [{"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 4}],
    ),
    (
        "scroll gap splits bursts",
        Script().scroll(10, 10).scroll(10, 10).wait(0.5).scroll(10, 10),
        [
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 2},
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1},
        ],
    ),
    (
        "horizontal scroll",
        Script().scroll(10, 10, dx=1, dy=0).scroll(10, 10, dx=1, dy=0),
        [{"type": "scroll", "x": 10, "y": 10, "dx": 2, "dy": 0}],
    ),
    (
        "reversing direction starts a new burst",
        Script().scroll(10, 10, dy=1).scroll(10, 10, dy=-1).scroll(10, 10, dy=-1),
        [
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1},
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": -2},
        ],
    ),
    (
        "a tick far from the first starts a new burst",
        Script().scroll(10, 10).scroll(100, 10),
        [
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1},
            {"type": "scroll", "x": 100, "y": 10, "dx": 0, "dy": 1},
        ],
    ),
    ("zero ticks are ignored", Script().scroll(10, 10, dx=0, dy=0), []),
    (
        "a click ends a scroll burst",
        Script().scroll(10, 10).click(10, 10).scroll(10, 10),
        [
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1},
            _click(10, 10),
            {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1},
        ],
    ),
    (
        "a scroll ends a click sequence",
        Script().click(10, 10).scroll(10, 10).click(10, 10),
        [_click(10, 10), {"type": "scroll", "x": 10, "y": 10, "dx": 0, "dy": 1}, _click(10, 10)],
    ),
    ("moves alone give nothing", Script().move(1, 1).move(500, 500).move(3, 3), []),
]


@pytest.mark.parametrize("script, expected", [(s, e) for _, s, e in CASES], ids=[n for n, _, _ in CASES])
def test_pointer_rules(script: Script, expected: list[dict[str, Any]]) -> None:
    assert script.dicts() == expected


def test_modifiers_on_scroll_action() -> None:
    (a,) = Script().kdown("ctrl").scroll(5, 5, dy=-1).scroll(5, 5, dy=-1).kup("ctrl").reduce()
    assert a.type == "scroll" and a.modifiers == ("ctrl",) and a.dy == -2


def test_click_times_are_first_press_and_last_release() -> None:
    s = Script().move(5, 5).down(10, 10).up(10, 10, dt=0.07).down(10, 10, dt=0.2).up(10, 10, dt=0.08)
    (a,) = s.reduce()
    assert a.type == "double_click"
    assert (a.t, a.t_end) == (s.events[1].t, s.events[4].t)


def test_long_press_is_a_click_spanning_the_hold() -> None:
    s = Script().down(10, 10).up(10, 10, dt=3.0)
    (a,) = s.reduce()
    assert a.type == "click" and (a.t, a.t_end) == (s.events[0].t, s.events[1].t)


def test_os_interval_from_config() -> None:
    s = Script().click(10, 20).wait(0.6).click(10, 20)
    assert [a.type for a in s.reduce(double_click_interval=0.8)] == ["double_click"]
    assert [a.type for a in s.reduce(double_click_interval=0.4)] == ["click", "click"]


def test_drag_threshold_from_config() -> None:
    s = Script().down(0, 0).up(12, 0)
    assert [a.type for a in s.reduce(drag_threshold=20)] == ["click"]
    assert [a.type for a in s.reduce(drag_threshold=10)] == ["drag"]


def test_hover_only_when_asked() -> None:
    s = Script().move(10, 10).move(50, 50).move(100, 100).wait(1.0).click(100, 100)
    assert [a.type for a in s.reduce()] == ["click"]
    acts: list[Action] = s.reduce(hover_dwell=0.5)
    assert [a.to_dict() for a in acts] == [{"type": "move", "x": 100, "y": 100}, _click(100, 100)]
    assert (acts[0].t, acts[0].t_end) == (s.events[0].t, s.events[2].t)


def test_hover_needs_a_rest() -> None:
    s = Script().move(10, 10).move(100, 100).click(100, 100)  # no pause before the click
    assert [a.type for a in s.reduce(hover_dwell=0.5)] == ["click"]


def test_keys_during_a_drag_come_after_it() -> None:
    s = Script().down(0, 0).move(50, 0).key("escape").up(60, 0)
    assert [a.type for a in s.reduce()] == ["drag", "key"]
