"""Scripted workloads: xdotool commands paired with the action each must produce."""

from __future__ import annotations

import time
from typing import Any

from tests.capture.desktop import Desktop

Step = tuple[list[list[str]], dict[str, Any]]


def xterm_session(ox: int = 0, oy: int = 0) -> list[Step]:
    """≥ 20 actions covering every action type, inside an xterm at (ox, oy)."""

    def p(x: int, y: int) -> tuple[str, str]:
        return str(ox + x), str(oy + y)

    def click(x: int, y: int, button: str = "1", *mods: str) -> list[list[str]]:
        cmds = [["mousemove", *p(x, y)]]
        cmds += [["keydown", m] for m in mods]
        cmds.append(["click", button])
        cmds += [["keyup", m] for m in mods]
        return cmds

    def drag(x0: int, y0: int, x1: int, y1: int) -> list[list[str]]:
        mid = ((x0 + x1) // 2, (y0 + y1) // 2)
        return [
            ["mousemove", *p(x0, y0)],
            ["mousedown", "1"],
            ["mousemove", *p(*mid)],
            ["mousemove", *p(x1, y1)],
            ["mouseup", "1"],
        ]

    def at(x: int, y: int) -> dict[str, int]:
        return {"x": ox + x, "y": oy + y}

    return [
        (click(100, 100), {"type": "click", **at(100, 100), "button": "left"}),
        ([["type", "--delay", "30", "hello world"]], {"type": "type", "text": "hello world"}),
        ([["key", "Return"]], {"type": "key", "key": "enter"}),
        (
            [["mousemove", *p(150, 120)], ["click", "--repeat", "2", "--delay", "80", "1"]],
            {"type": "double_click", **at(150, 120)},
        ),
        (
            [["mousemove", *p(200, 140)], ["click", "--repeat", "3", "--delay", "80", "1"]],
            {"type": "triple_click", **at(200, 140)},
        ),
        (click(220, 160, "3"), {"type": "right_click", **at(220, 160)}),
        (click(240, 170, "2"), {"type": "middle_click", **at(240, 170)}),
        (click(260, 180, "1", "shift"), {"type": "click", **at(260, 180), "modifiers": ["shift"]}),
        (drag(100, 200, 300, 260), {"type": "drag", **at(100, 200), "to_x": ox + 300, "to_y": oy + 260}),
        (
            [["mousemove", *p(200, 200)], ["click", "--repeat", "3", "--delay", "40", "5"]],
            {"type": "scroll", **at(200, 200), "dx": 0, "dy": 3},
        ),
        (
            [["mousemove", *p(210, 210)], ["click", "--repeat", "2", "--delay", "40", "4"]],
            {"type": "scroll", **at(210, 210), "dx": 0, "dy": -2},
        ),
        (
            [["mousemove", *p(220, 220)], ["click", "--repeat", "2", "--delay", "40", "7"]],
            {"type": "scroll", **at(220, 220), "dx": 2, "dy": 0},
        ),
        ([["key", "ctrl+a"]], {"type": "hotkey", "keys": ["ctrl", "a"]}),
        ([["key", "Tab"]], {"type": "key", "key": "tab"}),
        ([["type", "--delay", "30", "abcd"], ["key", "BackSpace"]], {"type": "type", "text": "abc"}),
        ([["key", "Escape"]], {"type": "key", "key": "escape"}),
        ([["key", "ctrl+shift+t"]], {"type": "hotkey", "keys": ["ctrl", "shift", "t"]}),
        (click(120, 220), {"type": "click", **at(120, 220), "button": "left"}),
        ([["type", "--delay", "30", "Mixed CASE 42!"]], {"type": "type", "text": "Mixed CASE 42!"}),
        ([["key", "Up"]], {"type": "key", "key": "up"}),
        (drag(320, 100, 150, 80), {"type": "drag", **at(320, 100), "to_x": ox + 150, "to_y": oy + 80}),
        ([["key", "F5"]], {"type": "key", "key": "f5"}),
        (click(330, 240), {"type": "click", **at(330, 240), "button": "left"}),
    ]


def play(d: Desktop, steps: list[Step], gap: float = 0.75) -> None:
    for cmds, _ in steps:
        for c in cmds:
            d.xdo(*c)
        time.sleep(gap)


def matches(expected: dict[str, Any], got: dict[str, Any], tol: int = 3) -> bool:
    for k, v in expected.items():
        g = got.get(k)
        if k in ("x", "y", "to_x", "to_y"):
            if g is None or abs(int(g) - int(v)) > tol:
                return False
        elif k == "modifiers":
            if sorted(g or []) != sorted(v):
                return False
        elif g != v:
            return False
    return "modifiers" in expected or not got.get("modifiers")
