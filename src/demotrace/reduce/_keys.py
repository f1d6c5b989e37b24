"""Key names: normalisation to the schema's vocabulary, shift/caps maps and dead-key composition.

Captures and importers name keys in several dialects: pynput's `str(key)` (`Key.shift`,
`Key.space`, `'a'`, `<65027>`), pynput's `key.name` (`shift_r`, `ctrl_l`, `page_up`), X keysym
names (`Return`, `BackSpace`, `Prior`, `ISO_Level3_Shift`, `dead_acute`) and the schema's own
pyautogui names (`enter`, `pageup`). `normalize_key` folds all of them into the schema's names.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MODIFIERS: frozenset[str] = frozenset({"shift", "ctrl", "alt", "cmd", "altgr"})
"""Keys that are state while held, never an action by themselves."""

LOCKS: frozenset[str] = frozenset({"capslock", "numlock", "scrolllock"})
"""Lock keys: toggle state, never an action (their effect is already in the typed characters)."""

MODIFIER_ORDER: tuple[str, ...] = ("ctrl", "cmd", "alt", "altgr", "shift")
"""Canonical order of modifiers in `modifiers` and at the front of a hotkey's `keys`."""

# Names that differ from the schema's, in lower case (lookups lower-case the name first).
_ALIASES: dict[str, str] = {
    "shift_l": "shift",
    "shift_r": "shift",
    "lshift": "shift",
    "rshift": "shift",
    "control": "ctrl",
    "control_l": "ctrl",
    "control_r": "ctrl",
    "ctrl_l": "ctrl",
    "ctrl_r": "ctrl",
    "lctrl": "ctrl",
    "rctrl": "ctrl",
    "alt_l": "alt",
    "alt_r": "alt",
    "lalt": "alt",
    "ralt": "alt",
    "option": "alt",
    "option_l": "alt",
    "option_r": "alt",
    "meta_l": "alt",
    "meta_r": "alt",
    "alt_gr": "altgr",
    "iso_level3_shift": "altgr",
    "mode_switch": "altgr",
    "cmd_l": "cmd",
    "cmd_r": "cmd",
    "command": "cmd",
    "super": "cmd",
    "super_l": "cmd",
    "super_r": "cmd",
    "win": "cmd",
    "winleft": "cmd",
    "winright": "cmd",
    "hyper_l": "cmd",
    "hyper_r": "cmd",
    "return": "enter",
    "kp_enter": "enter",
    "esc": "escape",
    "iso_left_tab": "tab",
    "del": "delete",
    "kp_delete": "delete",
    "page_up": "pageup",
    "prior": "pageup",
    "pgup": "pageup",
    "page_down": "pagedown",
    "next": "pagedown",
    "pgdn": "pagedown",
    "caps_lock": "capslock",
    "num_lock": "numlock",
    "scroll_lock": "scrolllock",
    "print_screen": "printscreen",
    "print": "printscreen",
    "prtsc": "printscreen",
    "kp_left": "left",
    "kp_right": "right",
    "kp_up": "up",
    "kp_down": "down",
    "kp_home": "home",
    "kp_end": "end",
    "kp_prior": "pageup",
    "kp_next": "pagedown",
    "kp_insert": "insert",
    "ins": "insert",
}

# Spacing form of each dead key (what it types when it cannot combine) and its combining mark.
DEAD_KEYS: dict[str, tuple[str, str]] = {
    "dead_acute": ("´", "\u0301"),
    "dead_grave": ("`", "\u0300"),
    "dead_circumflex": ("^", "\u0302"),
    "dead_tilde": ("~", "\u0303"),
    "dead_diaeresis": ("¨", "\u0308"),
    "dead_cedilla": ("¸", "\u0327"),
    "dead_abovering": ("˚", "\u030a"),
    "dead_caron": ("ˇ", "\u030c"),
    "dead_macron": ("¯", "\u0304"),
    "dead_breve": ("˘", "\u0306"),
    "dead_abovedot": ("˙", "\u0307"),
    "dead_doubleacute": ("˝", "\u030b"),
    "dead_ogonek": ("˛", "\u0328"),
}
_COMBINING_TO_DEAD: dict[str, str] = {comb: name for name, (_, comb) in DEAD_KEYS.items()}
# pynput names the spacing/combining character of a dead key in its KeyCode (`[´]`, `'\u0301'`).
_SPACING_TO_DEAD: dict[str, str] = {sp: name for name, (sp, _) in DEAD_KEYS.items()}
_SPACING_TO_DEAD["'"] = "dead_acute"
_SPACING_TO_DEAD['"'] = "dead_diaeresis"

# US layout: what shift does to an unshifted printable key, and back (for hotkey names).
_SHIFTED = dict(zip("`1234567890-=[]\\;',./", '~!@#$%^&*()_+{}|:"<>?', strict=True))
_UNSHIFTED = {v: k for k, v in _SHIFTED.items()}

_CONTROL_CHARS = {chr(i): chr(i + 96) for i in range(1, 27)}
"""ctrl+letter as some captures report it (`'\\x03'` for ctrl+c) → the letter."""


@lru_cache(maxsize=4096)
def normalize_key(name: str) -> str:
    """The schema's name for a key name in any supported dialect.

    A single character is returned as is (case kept: it is the character the key produced).
    """
    if len(name) == 1:
        return name
    n = name
    if n.startswith("Key."):
        n = n[4:]
    elif len(n) == 3 and n[0] == n[2] and n[0] in "'\"":
        return n[1]  # pynput str(KeyCode): "'a'"
    elif len(n) == 3 and n[0] == "[" and n[2] == "]":
        n = _SPACING_TO_DEAD.get(n[1], n[1])  # pynput dead KeyCode: "[´]"
    low = n.lower()
    if low.startswith("kp_") and len(low) == 4 and low[3].isdigit():
        return low[3]
    return _ALIASES.get(low, low)


def is_modifier(key: str) -> bool:
    return key in MODIFIERS


def dead_key_of(key: str, char: str | None) -> str | None:
    """The dead-key name if this key press is a dead key, else None."""
    if key.startswith("dead_"):
        return key if key in DEAD_KEYS else None
    if char is not None and len(char) == 1 and unicodedata.combining(char):
        return _COMBINING_TO_DEAD.get(char)
    return None


def compose(dead: str, base: str) -> str:
    """What a dead key followed by `base` types: the composed character, or both characters.

    Space after a dead key types the spacing accent alone, as X11 and Windows do.
    """
    spacing, combining = DEAD_KEYS.get(dead, ("", ""))
    if base == " ":
        return spacing
    composed = unicodedata.normalize("NFC", base + combining)
    if len(composed) == 1:
        return composed
    return spacing + base


def spacing_of(dead: str) -> str:
    return DEAD_KEYS.get(dead, ("", ""))[0]


def derive_char(key: str, shift: bool, caps: bool) -> str | None:
    """The character a key produced when the capture did not say (imported recordings).

    An upper-case letter is taken as already produced (pynput applies shift and caps lock);
    a lower-case letter is upper-cased when shift XOR caps lock; other characters get the US
    shift map when shift is held. `space` types a space. Named keys produce no character.
    """
    if len(key) != 1:
        return " " if key == "space" else None
    if key.isalpha():
        if key.islower() and (shift != caps):
            return key.upper()
        return key
    if shift:
        return _SHIFTED.get(key, key)
    return key


def is_text(char: str | None) -> bool:
    """A character that belongs in a `type` action's text."""
    return char is not None and len(char) >= 1 and (char == " " or char.isprintable())


def hotkey_name(key: str, char: str | None, shifted: bool) -> str:
    """The key's name inside a hotkey's `keys`: letters lower-case, shifted symbols unshifted."""
    if len(key) == 1:
        k = _CONTROL_CHARS.get(key, key)
        if k.isalpha():
            return k.lower()
        if shifted:
            return _UNSHIFTED.get(k, k)
        return k
    if key == "space":
        return "space"
    return key


def sort_modifiers(mods: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(m for m in MODIFIER_ORDER if m in mods)
