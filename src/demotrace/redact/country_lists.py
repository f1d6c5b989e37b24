"""Countries named one after another are a list of places, not a person: a country picker's
options as the OCR reads a form ("Country  Choose…  France  Germany  Japan  Brazil"), a picked
value beside its echo ("Germany  Picked Germany"), a line of flags' names. Several countries are
also given names or surnames ("France", "Jordan", "Brazil", "Chad", "Georgia"), and the person
rule and the model take two or three of them in a row for a name; the demo's web page had its
country list masked so in every frame that showed it.

`without_country_lists` drops a PERSON finding whose capitalised words are all countries or words
that are no one's name, when it holds two countries or one with another country right beside it
(only blanks, commas, slashes or bars between). A name with one country in it ("Jordan Peele",
"Kenya Moore", "Chad Brazil" aside) keeps its mask."""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors._gazetteer import country
from .detectors.lexicon import FIRST, LAST, lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BETWEEN = re.compile(r"[ \t\n,;/|·•]*")
_LONGEST = 3  # words of the longest country name read ("bosnia and herzegovina" aside)


def _countries(words: list[str]) -> tuple[list[bool], int]:
    """Whether each of `words` is part of a country's name (the longest reading first), and how
    many countries they name."""
    out = [False] * len(words)
    i = found = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            if country(" ".join(words[i : i + n]).lower()):
                out[i : i + n] = [True] * n
                i += n
                found += 1
                break
        else:
            i += 1
    return out, found


def _country_beside(text: str, start: int, end: int) -> bool:
    """A country's name stands right before `start` or right after `end`, separated by blanks,
    commas, slashes or bars only."""
    before = text[max(0, start - 40) : start]
    gap = len(before) - len(before.rstrip(" \t\n,;/|·•"))
    if gap:
        words = _WORD.findall(before[: len(before) - gap])[-_LONGEST:]
        if any(country(" ".join(words[i:]).lower()) for i in range(len(words))):
            return True
    gap_end = _BETWEEN.match(text, end)
    if gap_end is not None and gap_end.end() > end:
        words = _WORD.findall(text, gap_end.end(), min(len(text), gap_end.end() + 40))
        after = words[:_LONGEST] if words and text.startswith(words[0], gap_end.end()) else []
        return any(country(" ".join(after[: i + 1]).lower()) for i in range(len(after)))
    return False


def _place_list(text: str, f: Finding) -> bool:
    words = [w for w in _WORD.findall(text, f.start, f.end) if w[0].isupper()]
    if not words:
        return False
    places, named = _countries(words)
    if not named:
        return False
    tags = lexicon().tags
    if any(not p and tags.get(w.lower()) & (FIRST | LAST) for w, p in zip(words, places, strict=True)):
        return False  # a name among them: "Jordan Peele"
    return named >= 2 or _country_beside(text, f.start, f.end)


def without_country_lists(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the PERSON findings that are countries in a row (`_place_list`)."""
    dropped = [f for f in merged if f.kind == "PERSON" and _place_list(text, f)]
    return [f for f in merged if f not in dropped] if dropped else merged
