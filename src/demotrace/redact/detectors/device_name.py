"""PERSON and USERNAME in a device's name as macOS, iOS and Android make it from its owner's: the
host name "Sarahs-MacBook-Pro" (of "Sarah's MacBook Pro", the apostrophe dropped), "Priyas-iPhone",
"Aisling-iPhone" in a prompt, a router's or DHCP's lease list and a terminal's title, and the login
before such a host in macOS Terminal's title ("jenniferw — Jennifers-MacBook-Air — ~/Documents").
The person rule reads names between blanks; here the name is glued to the device by a hyphen. The
possessive with blanks ("Mateo's MacBook Pro") is the person rule's already."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span
from .lexicon import lexicon

_DEVICES = r"(?:MacBook|MBP|iMac|iPhone|iPad|Mac-mini|Mac-Studio|Galaxy|Pixel|Laptop|PC|Desktop)"
_HOST = re.compile(rf"(?<![\w.'’-])([A-Z][a-z]{{2,}})-{_DEVICES}(?![a-z])")
# macOS Terminal's title: login — host — path
_TERMINAL_TITLE = re.compile(rf"(?m)^([a-z][a-z0-9._-]{{1,31}})[ ]—[ ][A-Z][a-z]+-{_DEVICES}")


def _owner(word: str) -> str:
    """The owner's name in the host's first part: "Sarahs" is Sarah's, "Aisling" Aisling's; "" when
    it is a word ("Work-iMac", "Office-PC") or no listed given name."""
    lex = lexicon()
    for name in (word[:-1], word) if word.endswith("s") else (word,):
        low = name.lower()
        if low in lex.first and not lex.is_word(low):
            return name
    return ""


class DeviceNameDetector(Detector):
    name = "device_name"
    kinds = ("PERSON", "USERNAME")
    trigger = re.compile(rf"-{_DEVICES}")

    def detect(self, text: str) -> Iterable[Span]:
        out: list[Span] = []
        for m in _HOST.finditer(text):
            owner = _owner(m.group(1))
            if owner:
                out.append(Span("PERSON", m.start(1), m.start(1) + len(owner), 0.85))
        out += [Span("USERNAME", m.start(1), m.end(1), 0.85) for m in _TERMINAL_TITLE.finditer(text)]
        return out
