"""What makes a name-like run no person by what stands around it, for the person rule
(`person.py`): a saint's place ("St Mary's Hall"), a place's noun after a word ("Market Street"),
a run after a lower-case "the" ("the River Eden"), a date's month ("Mon 6 Jan"), a measure's letters
glued to a digit ("SatO2")."""

from __future__ import annotations

import re

from ._dates import MONTH_WORDS
from ._person_words import _Toks
from ._places import place_noun_after, saints_place_after

DAY_BEFORE = re.compile(r"(?<![\d.,/:])\d{1,2}(?:st|nd|rd|th|\.)?[ \t]+$")
_DAY_OR_YEAR_AFTER = re.compile(r"[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?|'?\d{2}|\d{4})(?![\d:.,/]\d)\b")


def saints_place_at(text: str, toks: _Toks, i: int) -> bool:
    """Word i is "St" (or "Saint") before a saint's name that names a place (`saints_place_after`)."""
    return (
        toks[i].text in ("St", "Saint", "Ste", "Sainte", "ST", "SAINT")
        and i + 1 < len(toks)
        and toks[i + 1].cap
        and text[toks[i].end : toks[i + 1].start] in (" ", ". ")
        and saints_place_after(text, toks[i + 1].end)
    )


def place_noun_of(text: str, toks: _Toks, i: int) -> bool:
    """Word i is the noun of a place named by the capitalised word before it ("Market Street")."""
    return i > 0 and toks[i - 1].cap and place_noun_after(text, toks[i - 1].end)


# what names people after "the" and a surname: "the Novak family", "the Lindqvist–Mensah wedding"
_FAMILY_AFTER = re.compile(
    r"(?:[ \t]*[-–—&/][ \t]*[A-Z][\w'’-]*)*[ \t]+(?i:family|families|household|wedding|kids|children|"
    r"twins|brothers|sisters|couple|estate|case|trial|residence|home|house|clan|boys|girls|parents|"
    r"depo|deposition|hearing|matter|file|interview|appointment|party|funeral|memorial|account|claim)\b"
)


def after_the(text: str, toks: _Toks, i: int, end: int) -> bool:
    """A run right after a lower-case "the" names a place, a thing or an organisation ("the River
    Eden", "the Leela Palace", "the Hudson's Bay Company"), not a person, unless a family's or an
    event's word follows it ("the Novak family")."""
    if i == 0 or toks[i - 1].text != "the" or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    return _FAMILY_AFTER.match(text, end) is None


def month_of_a_date(text: str, start: int, end: int) -> bool:
    """The word is a month's name or its abbreviation with a day before it or a day or a year after
    it: "Mon 6 Jan", "June 5th", "Aug '24" ("Jan", "June", "April" and "August" are names too)."""
    if text[start:end].lower().rstrip(".") not in MONTH_WORDS:
        return False
    return bool(DAY_BEFORE.search(text, max(0, start - 8), start) or _DAY_OR_YEAR_AFTER.match(text, end))


def glued_to_digit(text: str, start: int, end: int) -> bool:
    """A digit touches a run with a capital inside its word: a measure's or a code's letters
    ("SatO2", "HbA1c", "pCO2"), no name ("joshua54", "Anna1990" stay: a name in a handle)."""
    glued = (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
    return glued and not text[start + 1 : end].islower()
