"""Properties: any valid action, on any monitor and frame scale, survives each text format's
conversion and the readers' way back (±1 screen px)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.pipeline.export.agentnet import pyautogui_code
from demotrace.pipeline.export.anthropic import tool_inputs
from demotrace.pipeline.export.osworld import computer13
from demotrace.schema import Monitor, Observation, SessionMeta, Step

from .readers import agentnet_action, canonical, osworld_action, to_screen

MONITORS = [Monitor(0, 0, 1280, 800), Monitor(1280, 0, 1920, 1080, 1.25)]
META = SessionMeta(id="P", monitors=MONITORS, os="Linux")
KEYS = ["enter", "tab", "escape", "backspace", "pageup", "f5", "a", "z", "1", "space", "up", "delete"]
MODS = ["ctrl", "shift", "alt", "cmd"]
KINDS = ["click", "double_click", "triple_click", "right_click", "middle_click", "drag", "scroll"]
KINDS += ["type", "key", "hotkey", "move"]


@st.composite
def steps(draw: st.DrawFn) -> Step:
    m = draw(st.sampled_from(MONITORS))
    scale = draw(st.sampled_from([0.5, 1.0, 1.25, 2.0]))
    pt = st.tuples(st.integers(m.x, m.x + m.width - 1), st.integers(m.y, m.y + m.height - 1))
    (x, y), (tx, ty) = draw(pt), draw(pt)
    mods = draw(st.lists(st.sampled_from(MODS), unique=True, max_size=2))
    kind = draw(st.sampled_from(KINDS))
    a: dict[str, Any] = {"type": kind}
    if kind in ("click", "double_click", "triple_click", "right_click", "middle_click", "move"):
        a.update(x=x, y=y)
        if kind == "click":
            a["button"] = "left"
            if mods:
                a["modifiers"] = mods
    elif kind == "drag":
        a.update(x=x, y=y, to_x=tx, to_y=ty, button="left")
    elif kind == "scroll":
        dx, dy = draw(st.integers(-20, 20)), draw(st.integers(-20, 20))
        a.update(x=x, y=y, dx=dx, dy=dy if dx or dy else 1)
    elif kind == "type":
        a["text"] = draw(st.text(min_size=1, max_size=30))
    elif kind == "key":
        a["key"] = draw(st.sampled_from(KEYS))
        if mods:
            a["modifiers"] = mods
    else:
        a["keys"] = [*mods, draw(st.sampled_from(KEYS))] if mods else ["ctrl", draw(st.sampled_from(KEYS))]
    obs = Observation(
        before="frames/x.webp",
        width=round(m.width * scale),
        height=round(m.height * scale),
        origin=(m.x, m.y),
        scale=scale,
    )
    return Step(0, 1.0, a, obs)


def _close(got: dict[str, Any] | None, want: dict[str, Any]) -> None:
    assert got is not None
    got, want = canonical(got), canonical(want)
    assert set(got) == set(want), (got, want)
    for k, v in want.items():
        if k in ("x", "y", "to_x", "to_y"):
            assert abs(got[k] - v) <= 1, (k, got, want)
        else:
            assert got[k] == v, (k, got, want)


@settings(max_examples=300, deadline=None)
@given(steps())
def test_agentnet_code_round_trips(s: Step) -> None:
    _close(agentnet_action(pyautogui_code(s, META), s.observation.to_dict()), s.action)


@settings(max_examples=300, deadline=None)
@given(steps())
def test_osworld_actions_round_trip(s: Step) -> None:
    entries = [{"index": 0, "action": a} for a in computer13(s, META)]
    _close(osworld_action(entries, s.observation.to_dict()), s.action)


@settings(max_examples=300, deadline=None)
@given(steps())
def test_anthropic_coordinates_stay_inside_the_screenshot(s: Step) -> None:
    o = s.observation
    for inp in tool_inputs(s):
        for k in ("coordinate", "start_coordinate"):
            if k in inp:
                x, y = inp[k]
                assert 0 <= x < o.width and 0 <= y < o.height
                sx, sy = to_screen(o.to_dict(), x, y)
                src = (
                    (s.action["x"], s.action["y"])
                    if k == "start_coordinate" or s.action["type"] != "drag"
                    else (
                        s.action["to_x"],
                        s.action["to_y"],
                    )
                )
                assert abs(sx - src[0]) <= 1 and abs(sy - src[1]) <= 1
