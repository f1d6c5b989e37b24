"""A big town that the person rule took for a surname, with nothing around it that makes it one.

"Salary bands (London, FY25)", "Preston and Blackburn areas", "Symphony Hall, Birmingham", "geo=Lagos",
"Talleres Hnos. Cánovas (Murcia)": GeoNames' big towns that Faker's locales also list as surnames
(and a few as first names) are found alone as a person. On the 132 open sets such a finding, a big
town that is no listed first name, was outside any private span 111 times and inside one 18 times,
and each of those 18 had a cue of a person beside it: a title or a form of address before ("Mrs
Pickering", "Nurse Adler", "Sig.ra Colombo"), a name's label ("Cognome: Colombo"), another part of
the name ("Joanne "Jo" Pickering") or a chat speaker's colon after ("Miri: ich war …").

`lone_town` tells such a finding: one title-case word, a big town that is no first name (or one of
the metropolises few are named after: "London" was found alone 22 times on the open sets, inside a
private span never), with no such cue around it.
"""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors._gazetteer import big_town
from .detectors._person_words import ADDRESS_FORMS, NAME_LABEL_WORDS
from .detectors._places import INSTITUTION_WORD
from .detectors.lexicon import FIRST, lexicon, word_set

# big towns that the name lists hold as first names but that few people are called
_METROPOLISES = word_set("london berlin manila melbourne bristol boston atlanta geneva")
# the words before a name that make it one: forms of address, roles said before a surname, greetings
_CUE_WORDS = (
    ADDRESS_FORMS
    | NAME_LABEL_WORDS
    | word_set(
        """
        nurse doctor sister brother uncle aunt auntie coach officer sgt capt det insp cllr councillor
        sig sig.ra sig.na dott.ssa prof.ssa señor señora senhor senhora don doña sr. sra. srta
        hi hey hiya hello dear thanks cheers love called named ask tell call text ring cc
        surname name patient sn cn under
        """
    )
)
_WORD_BEFORE = re.compile(r"(\S+)[ \t]*\n?[ \t]*$")
# the run is part of a longer name: a capitalised word, an initial or a quote right before it
_NAME_PART_BEFORE = re.compile(r"(?:[A-Z][^\W\d_]*(?:\.[^\W\d_]*)?|['’\"”)])[ \t]*$")
# a postcode or a house number before it, on its line: the town of an address ("41004 Sevilla")
_NUMBER_BEFORE = re.compile(r"\d[^\W_]*[ \t,]*$")
# what joins two items of a list ("Cllrs Balogun, Greenwood"; "Sevilla" after an address's ", ")
_JOINER = re.compile(r"[ \t]*(?:[,&/·•–—-]|and)?[ \t]*\Z")


def lone_town(text: str, f: Finding, merged: list[Finding]) -> bool:
    """`f` is one big town's name found as a person, with no title, label, greeting, other part
    of a name, number or speaker's colon beside it, nor another finding of `merged` (a name of a
    list, the address the town ends) right before or after it."""
    word = text[f.start : f.end]
    low = word.lower()
    if not (word.isalpha() and word.istitle() and big_town(low)):
        return False
    if lexicon().tags.get(low) & FIRST and low not in _METROPOLISES:
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    if text[f.end : f.end + 1] == ":" and not text[line_start : f.start].strip():
        return False  # a chat's speaker
    before = text[max(0, f.start - 30) : f.start]
    part = _NAME_PART_BEFORE.search(text, line_start, f.start)
    if part is not None and INSTITUTION_WORD.fullmatch(part.group().strip()) is not None:
        part = None  # "Imperial College London", "Royal Free Hospital London": the institution's town
    if (
        part is not None
        or _NUMBER_BEFORE.search(text, line_start, f.start) is not None
        or any(_beside(text, g, f) or _beside(text, f, g) for g in merged if g is not f)
    ):
        return False
    m = _WORD_BEFORE.search(before)
    return m is None or m.group(1).lower().rstrip(":,") not in _CUE_WORDS


def _beside(text: str, first: Finding, then: Finding) -> bool:
    """`then` follows `first` on its line with at most a list's joiner between."""
    return 0 <= then.start - first.end <= 6 and _JOINER.match(text[first.end : then.start]) is not None
