"""Key-name dialects → the schema's names (pynput str(key), pynput names, X keysyms, pyautogui)."""

from __future__ import annotations

import pytest

from demotrace.reduce import normalize_key

NAMES = [
    ("a", "a"),
    ("A", "A"),
    ("'a'", "a"),
    ("'A'", "A"),
    ('"\'"', "'"),
    ("Key.space", "space"),
    ("Key.shift", "shift"),
    ("Key.shift_r", "shift"),
    ("shift_l", "shift"),
    ("Shift_R", "shift"),
    ("Key.ctrl_l", "ctrl"),
    ("Control_R", "ctrl"),
    ("Key.alt", "alt"),
    ("Key.alt_gr", "altgr"),
    ("ISO_Level3_Shift", "altgr"),
    ("Key.cmd", "cmd"),
    ("Super_L", "cmd"),
    ("win", "cmd"),
    ("Key.enter", "enter"),
    ("Return", "enter"),
    ("KP_Enter", "enter"),
    ("Key.esc", "escape"),
    ("BackSpace", "backspace"),
    ("Key.page_up", "pageup"),
    ("Next", "pagedown"),
    ("Key.caps_lock", "capslock"),
    ("Caps_Lock", "capslock"),
    ("ISO_Left_Tab", "tab"),
    ("Key.f12", "f12"),
    ("KP_7", "7"),
    ("dead_acute", "dead_acute"),
    ("Key.dead_grave", "dead_grave"),
    ("[´]", "dead_acute"),
    ("Key.print_screen", "printscreen"),
    ("Key.media_play_pause", "media_play_pause"),
    ("<65027>", "<65027>"),
]


@pytest.mark.parametrize("raw, name", NAMES)
def test_normalize_key(raw: str, name: str) -> None:
    assert normalize_key(raw) == name
