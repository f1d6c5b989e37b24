"""The recorder's own hotkeys (pause, task done): detected before anything is gated or reduced,
and swallowed, so they are never recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import MODIFIER_KEYS
from .input import key_from_name


def parse_hotkey(spec: str) -> tuple[frozenset[str], str]:
    """ "<ctrl>+<alt>+p" → ({"ctrl", "alt"}, "p")."""
    parts = [p.strip().lower() for p in spec.split("+") if p.strip()]
    if not parts:
        raise ValueError(f"empty hotkey {spec!r}")
    names = [key_from_name(p[1:-1]) if p.startswith("<") and p.endswith(">") else p for p in parts]
    return frozenset(names[:-1]), names[-1]


@dataclass
class HotkeyFilter:
    hotkeys: dict[str, tuple[frozenset[str], str]]
    held: set[str] = field(default_factory=set)
    swallowed: set[str] = field(default_factory=set)

    @classmethod
    def from_specs(cls, specs: dict[str, str | None]) -> HotkeyFilter:
        return cls({name: parse_hotkey(s) for name, s in specs.items() if s})

    def feed(self, pressed: bool, key: str, char: str | None) -> tuple[bool, str | None]:
        """→ (swallow this event?, name of the hotkey it completed or None)."""
        k = (char or key).lower()
        if key in MODIFIER_KEYS:
            (self.held.add if pressed else self.held.discard)(key)
            return False, None
        if not pressed:
            if k in self.swallowed:
                self.swallowed.discard(k)
                return True, None
            return False, None
        for name, (mods, final) in self.hotkeys.items():
            if k == final and mods <= self.held and mods:
                self.swallowed.add(k)
                return True, name
        if k in self.swallowed:  # autorepeat of a swallowed key
            return True, None
        return False, None
