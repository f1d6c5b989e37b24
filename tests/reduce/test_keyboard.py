"""Table tests for typing runs, edits, shift/caps lock, repeat, dead keys, keys and hotkeys."""

from __future__ import annotations

from typing import Any

import pytest

from .script import Script


def typed(text: str) -> dict[str, Any]:
    return {"type": "type", "text": text}


def key(name: str) -> dict[str, Any]:
    return {"type": "key", "key": name}


def hot(*keys: str) -> dict[str, Any]:
    return {"type": "hotkey", "keys": list(keys)}


CASES: list[tuple[str, Script, list[dict[str, Any]]]] = [
    ("plain text", Script().text("hello world"), [typed("hello world")]),
    ("capture's char wins over the key name", Script().key("a", "ä").key("b", "b"), [typed("äb")]),
    ("backspace inside the run", Script().text("helo").keys("backspace").text("lo"), [typed("hello")]),
    (
        "backspace past the run's start deletes earlier text",
        Script().text("ab").keys("backspace", "backspace", "backspace").text("c"),
        [typed("a"), key("backspace"), key("backspace"), typed("c")],
    ),
    (
        "run erased entirely: kept as pressed (it may have replaced a selection)",
        Script().text("ab").keys("backspace", "backspace"),
        [typed("a"), key("backspace")],
    ),
    (
        "folding restarts after a backspace before the run",
        Script().text("a").keys("backspace", "backspace").text("bc").key("backspace"),
        [typed("a"), key("backspace"), key("backspace"), typed("b")],
    ),
    ("backspace alone", Script().key("backspace"), [key("backspace")]),
    (
        "delete at the end of the run acts after it",
        Script().text("ab").key("delete"),
        [typed("ab"), key("delete")],
    ),
    (
        "delete inside the run",
        Script().text("abc").keys("left", "left", "delete").key("right"),
        [typed("ac")],
    ),
    (
        "insert inside the run, back to its end",
        Script().text("abc").keys("left", "left").text("X").keys("right", "right"),
        [typed("aXbc")],
    ),
    (
        "cursor left inside the run at its end",
        Script().text("abc").keys("left").text("X"),
        [typed("abc"), key("left"), typed("X")],
    ),
    (
        "cursor leaves the run",
        Script().text("ab").keys("left", "left", "left").text("X"),
        [typed("ab"), key("left"), key("left"), key("left"), typed("X")],
    ),
    (
        "selection inside the run replaced",
        Script().text("hello").chord("shift", "left").chord("shift", "left").text("p"),
        [typed("help")],
    ),
    (
        "selection inside the run deleted",
        Script().text("hello").kdown("shift").keys("left", "left").kup("shift").key("backspace"),
        [typed("hel")],
    ),
    ("shift gives capitals", Script().kdown("Key.shift").key("a").kup("Key.shift").key("b"), [typed("Ab")]),
    ("shift on digits (US)", Script().kdown("shift_r").keys("1", "/").kup("shift_r"), [typed("!?")]),
    ("pynput already shifted", Script().kdown("shift").key("A").key("!").kup("shift"), [typed("A!")]),
    ("caps lock", Script().key("caps_lock").text("abc").key("Key.caps_lock").text("d"), [typed("ABCd")]),
    ("caps lock with shift", Script().key("capslock").kdown("shift").key("a").kup("shift"), [typed("a")]),
    (
        "caps lock held (autorepeat) toggles once",
        Script().kdown("capslock").kdown("capslock").kup("capslock").text("a"),
        [typed("A")],
    ),
    ("autorepeat of a printable key", Script().kdown("a").kdown("a").kdown("a").kup("a"), [typed("aaa")]),
    (
        "autorepeat of backspace",
        Script().text("abcd").kdown("backspace").kdown("backspace").kup("backspace"),
        [typed("ab")],
    ),
    (
        "autorepeat of a named key",
        Script().kdown("down").kdown("down").kup("down"),
        [key("down"), key("down")],
    ),
    ("pynput dialect", Script().keys("'h'", "'i'", "Key.space", "'x'"), [typed("hi x")]),
    ("dead key composes", Script().key("dead_acute").key("e").key("t"), [typed("ét")]),
    ("pynput dead key name", Script().key("Key.dead_grave").key("a"), [typed("à")]),
    ("combining char as dead key", Script().key("x", "\u0302").key("o"), [typed("ô")]),
    ("dead key then space", Script().key("dead_circumflex").key("space"), [typed("^")]),
    ("dead key that cannot combine", Script().key("dead_acute").key("x"), [typed("´x")]),
    ("dead key twice", Script().key("dead_tilde").key("dead_tilde"), [typed("~")]),
    ("capture composed it already", Script().key("dead_acute").key("e", "é"), [typed("é")]),
    ("dead key then enter types nothing", Script().key("dead_acute").key("enter"), [key("enter")]),
    ("altgr character is text", Script().kdown("altgr").key("e", "€").kup("altgr"), [typed("€")]),
    ("ctrl+c", Script().chord("ctrl", "c"), [hot("ctrl", "c")]),
    (
        "ctrl+v with a control char",
        Script().kdown("ctrl_l").key("v", "\x16").kup("ctrl_l"),
        [hot("ctrl", "v")],
    ),
    ("ctrl+x, ctrl+a", Script().chord("ctrl", "x").chord("ctrl", "a"), [hot("ctrl", "x"), hot("ctrl", "a")]),
    (
        "ctrl+shift+T",
        Script().kdown("ctrl").kdown("shift").key("T").kup("shift").kup("ctrl"),
        [hot("ctrl", "shift", "t")],
    ),
    (
        "ctrl+shift+1 named by its symbol",
        Script().kdown("ctrl").kdown("shift").key("!"),
        [hot("ctrl", "shift", "1")],
    ),
    ("alt+f4", Script().chord("alt", "f4"), [hot("alt", "f4")]),
    ("cmd+space", Script().chord("cmd", "space"), [hot("cmd", "space")]),
    ("shift+tab", Script().chord("shift", "tab"), [hot("shift", "tab")]),
    (
        "ctrl held over two keys",
        Script().kdown("ctrl").keys("c", "v").kup("ctrl"),
        [hot("ctrl", "c"), hot("ctrl", "v")],
    ),
    ("lone modifier", Script().chord("ctrl").chord("shift").chord("alt").chord("cmd"), []),
    ("modifier autorepeat", Script().kdown("shift").kdown("shift").kdown("shift").kup("shift"), []),
    ("lock keys", Script().keys("num_lock", "scroll_lock"), []),
    ("lone shift inside a run", Script().text("ab").chord("shift").text("c"), [typed("abc")]),
    (
        "named keys",
        Script().keys("enter", "tab", "esc", "up", "Key.page_down", "f5", "Return", "BackSpace"),
        [key(k) for k in ("enter", "tab", "escape", "up", "pagedown", "f5", "enter", "backspace")],
    ),
    (
        "enter ends the run",
        Script().text("ab").key("enter").text("c"),
        [typed("ab"), key("enter"), typed("c")],
    ),
    ("tab ends the run", Script().text("ab").key("tab").text("c"), [typed("ab"), key("tab"), typed("c")]),
    ("hotkey ends the run", Script().text("ab").chord("ctrl", "s"), [typed("ab"), hot("ctrl", "s")]),
    (
        "a click ends the run",
        Script().text("ab").click(5, 5).text("c"),
        [typed("ab"), {"type": "click", "x": 5, "y": 5, "button": "left"}, typed("c")],
    ),
    (
        "a scroll ends the run",
        Script().text("ab").scroll(5, 5).text("c"),
        [typed("ab"), {"type": "scroll", "x": 5, "y": 5, "dx": 0, "dy": 1}, typed("c")],
    ),
    (
        "a focus change ends the run",
        Script().focus(1).text("ab").focus(2).text("c"),
        [typed("ab"), typed("c")],
    ),
    ("a title change does not", Script().focus(1, "a").text("ab").focus(1, "*a").text("c"), [typed("abc")]),
    ("moves do not", Script().text("ab").move(3, 3).text("c"), [typed("abc")]),
    (
        "typing ends a click sequence",
        Script().click(5, 5).text("x").click(5, 5),
        [
            {"type": "click", "x": 5, "y": 5, "button": "left"},
            typed("x"),
            {"type": "click", "x": 5, "y": 5, "button": "left"},
        ],
    ),
    (
        "shift held through a click",
        Script().kdown("shift").key("a").click(5, 5).key("b").kup("shift"),
        [typed("A"), {"type": "click", "x": 5, "y": 5, "button": "left", "modifiers": ["shift"]}, typed("B")],
    ),
    ("release without press", Script().kup("a").kup("ctrl"), []),
]


@pytest.mark.parametrize("script, expected", [(s, e) for _, s, e in CASES], ids=[n for n, _, _ in CASES])
def test_keyboard_rules(script: Script, expected: list[dict[str, Any]]) -> None:
    assert script.dicts() == expected


def test_type_times() -> None:
    s = Script().kdown("shift").text("ab").kup("shift").key("enter")
    t, enter = s.reduce()
    assert (t.t, t.t_end) == (s.events[1].t, s.events[3].t)  # first and last key press of the run
    assert enter.t == enter.t_end == s.events[6].t


def test_hotkey_time_is_its_key_press() -> None:
    s = Script().kdown("ctrl").wait(2.0).kdown("c").kup("c").kup("ctrl")
    (a,) = s.reduce()
    assert a.t == a.t_end == s.events[1].t


def test_idle_flush_splits_runs() -> None:
    s = Script().text("ab").wait(2.0).text("cd")
    assert s.dicts() == [typed("abcd")]
    assert s.dicts(type_idle_flush=1.0) == [typed("ab"), typed("cd")]


def test_finish_forgets_held_modifiers() -> None:
    from demotrace.reduce import Reducer

    s = Script().kdown("ctrl")
    r = Reducer()
    for ev in s.events:
        r.feed(ev)
    assert r.finish() == []
    s2 = Script()
    s2.t = 1.0
    s2.text("a")
    out = [a for ev in s2.events for a in r.feed(ev)] + r.finish()
    assert [a.to_dict() for a in out] == [typed("a")]


def test_long_run_is_split_but_replays_the_same() -> None:
    from demotrace.reduce._keyboard import MAX_RUN_OPS

    s = Script(step=0.01).text("x" * (MAX_RUN_OPS + 10))
    acts = s.dicts()
    assert acts == [typed("x" * MAX_RUN_OPS), typed("x" * 10)]


def test_empty_and_unknown_key_names() -> None:
    assert Script().key("").dicts() == []
    assert Script().key("<65027>").dicts() == [key("<65027>")]


def test_idle_flush_keeps_a_pending_dead_key() -> None:
    s = Script().text("ab").wait(0.8).key("dead_acute").wait(0.8).key("e")
    assert s.dicts(type_idle_flush=1.0) == [typed("abé")]
    s = Script().text("ab").wait(1.5).key("dead_acute").key("e")
    assert s.dicts(type_idle_flush=1.0) == [typed("ab"), typed("é")]
