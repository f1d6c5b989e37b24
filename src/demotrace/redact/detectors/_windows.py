"""A regex searched only in the words around a literal that each of its matches holds.

On one long text (a whole page), a regex that can start at most positions (a class of letters, a
look-behind) is entered at each of them, ~20-50 ns a character, even where the literal that every
match needs ("@" of an address, "://" of a URL) occurs once in the page. When no match holds a
whitespace character, each lies within the whitespace-free stretch (the "window") around one
occurrence of its literal: `matches_around` searches only those, each once, and finds what
`finditer` on the whole text finds, in order (tests/redact/test_windows.py compares each use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPACE = re.compile(r"\s")
SHORT = 256
"""Texts shorter than this are searched whole: for a line, the finds and the window cost more
than the regex saves."""


def matches_around(rx: re.Pattern[str], text: str, anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a regex of which every match holds one of `anchors` (its first
    character at least), no `\\s` and at least one character, and whose look-arounds at a
    window's end read the whitespace there as the end of the text (`(?!\\w)`, `\\b`, `(?=\\s|$)`):
    each window is searched with `endpos` at that whitespace. A look-behind still reads the
    text before a window (`pos` does not cut the text as `endpos` does)."""
    return rx.finditer(text) if len(text) < SHORT else _windowed(rx, text, anchors)


def _windowed(rx: re.Pattern[str], text: str, anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    pos = 0  # where the next match may start; every window before it has been searched
    n = len(text)
    found = {lit: text.find(lit) for lit in anchors}  # each literal's next occurrence (-1: none)
    while True:
        for lit, p in found.items():
            if 0 <= p < pos:
                found[lit] = text.find(lit, pos)
        a = min((p for p in found.values() if p >= 0), default=-1)
        if a < 0:
            return
        # the window: after the last whitespace before `a`, up to the first one after it; a
        # start before the last " " or newline only costs time (no match lies wholly before
        # `a`: the first anchor after `pos`), so the rarer whitespace is searched for after them
        lo = max(pos, text.rfind(" ", pos, a) + 1, text.rfind("\n", pos, a) + 1)
        while (space := _SPACE.search(text, lo, a)) is not None:
            lo = space.end()
        space = _SPACE.search(text, a)
        hi = space.start() if space is not None else n
        while (m := rx.search(text, lo, hi)) is not None:
            yield m
            lo = m.end()
        pos = hi
