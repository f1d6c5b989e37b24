"""Hypothesis strategies for the reducer's property tests: raw event streams.

Coordinates come from a small area and time steps from a few values around the thresholds,
so multi-clicks, drags, scroll bursts, idle gaps and equal timestamps all happen often.
"""

from __future__ import annotations

from hypothesis import strategies as st

from demotrace.reduce import ReduceConfig
from demotrace.schema import (
    ButtonEvent,
    FocusEvent,
    KeyEvent,
    MoveEvent,
    RawEvent,
    ScrollEvent,
    WindowContext,
)

DTS = (0.0, 0.01, 0.05, 0.2, 0.39, 0.45, 0.6, 1.5)
KEYS = (
    "a", "b", "A", "1", "/", "space", "'x'", "Key.space",
    "backspace", "delete", "left", "right", "enter", "tab", "escape", "f5",
    "shift", "Key.shift", "shift_r", "ctrl", "ctrl_l", "alt", "cmd", "altgr",
    "capslock", "dead_acute", "Key.dead_grave",
)  # fmt: skip
MODIFIER_KEYS = ("shift", "Key.shift", "shift_r", "ctrl", "ctrl_l", "alt", "Key.alt_r", "cmd", "altgr")
WINDOWS = (
    None,
    WindowContext(window_id=1, title="a"),
    WindowContext(window_id=1, title="b"),
    WindowContext(window_id=2),
)

coord = st.integers(0, 24)
small = st.integers(0, 6)
dt = st.sampled_from(DTS)


def _raw(kind: str, t: float, seq: int, draw: st.DrawFn) -> RawEvent:
    if kind == "move":
        return MoveEvent(t, draw(coord), draw(coord), seq=seq)
    if kind == "button":
        button = draw(st.sampled_from(("left", "left", "left", "right", "middle")))
        return ButtonEvent(t, draw(coord), draw(coord), button, draw(st.booleans()), seq=seq)
    if kind == "scroll":
        return ScrollEvent(
            t, draw(coord), draw(coord), draw(st.integers(-1, 1)), draw(st.integers(-2, 2)), seq=seq
        )
    if kind == "key":
        k = draw(st.sampled_from(KEYS))
        char = draw(st.sampled_from((None, None, None, "é", "\x03"))) if len(k) == 1 else None
        return KeyEvent(t, draw(st.booleans()), k, char, seq=seq)
    return FocusEvent(t, draw(st.sampled_from(WINDOWS)), seq=seq)


GESTURES = ("move", "move", "button", "click", "click", "scroll", "key", "key", "tap", "tap", "focus")


@st.composite
def streams(draw: st.DrawFn, max_size: int = 60) -> list[RawEvent]:
    """Any time-ordered stream: single raw events (unmatched presses and releases included)
    mixed with whole clicks and key taps, which make multi-clicks, drags and chords likely."""
    kinds = draw(st.lists(st.sampled_from(GESTURES), max_size=max_size))
    t = 0.0
    out: list[RawEvent] = []

    def tick() -> float:
        nonlocal t
        t = round(t + draw(dt), 6)
        return t

    for kind in kinds:
        if kind == "click":
            x, y, button = draw(small), draw(small), draw(st.sampled_from(("left", "left", "right")))
            out.append(ButtonEvent(tick(), x, y, button, True, seq=len(out)))
            if draw(st.booleans()):
                out.append(MoveEvent(tick(), draw(coord), draw(coord), seq=len(out)))
            out.append(ButtonEvent(tick(), draw(small), draw(small), button, False, seq=len(out)))
        elif kind == "tap":
            k = draw(st.sampled_from(KEYS))
            out.append(KeyEvent(tick(), True, k, seq=len(out)))
            out.append(KeyEvent(tick(), False, k, seq=len(out)))
        else:
            out.append(_raw(kind, tick(), len(out), draw))
    return out


@st.composite
def configs(draw: st.DrawFn) -> ReduceConfig:
    return ReduceConfig(
        double_click_interval=draw(st.sampled_from((0.3, 0.5))),
        double_click_distance=draw(st.sampled_from((3, 5))),
        drag_threshold=draw(st.sampled_from((4, 8))),
        scroll_gap=draw(st.sampled_from((0.1, 0.4))),
        scroll_distance=draw(st.sampled_from((5, 50))),
        type_idle_flush=draw(st.sampled_from((None, 0.5))),
        hover_dwell=draw(st.sampled_from((None, 0.3))),
    )


@st.composite
def modifier_streams(draw: st.DrawFn) -> list[RawEvent]:
    """Only modifier presses/releases and pointer moves."""
    n = draw(st.integers(0, 40))
    t = 0.0
    out: list[RawEvent] = []
    for seq in range(n):
        t = round(t + draw(dt), 6)
        if draw(st.booleans()):
            out.append(KeyEvent(t, draw(st.booleans()), draw(st.sampled_from(MODIFIER_KEYS)), seq=seq))
        else:
            out.append(MoveEvent(t, draw(coord), draw(coord), seq=seq))
    return out


EDIT_OPS = (
    "char",
    "char",
    "char",
    "backspace",
    "backspace",
    "delete",
    "left",
    "right",
    "sel_left",
    "sel_right",
)


@st.composite
def edit_sessions(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Keyboard editing: (op, char) pairs; char only for "char"."""
    ops = draw(st.lists(st.sampled_from(EDIT_OPS), max_size=40))
    return [(op, draw(st.sampled_from("abcxyz ")) if op == "char" else "") for op in ops]


@st.composite
def chunkings(draw: st.DrawFn, n: int) -> list[tuple[int, float | None]]:
    """For each event index: whether to poll before it, and at which fraction of the gap."""
    return [(i, draw(st.sampled_from((None, None, 0.0, 0.5, 1.0)))) for i in range(n)]
