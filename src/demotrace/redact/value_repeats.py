"""A private value found once is private wherever the same text repeats it.

"authentication failed for 'cbonnet' ... account 'cbonnet' unlocked": a detector reads each place
in its context, and only some places have a cue ("Dear Harriet Vance," then "Harriet Vance –
Orders"; "u/throwaway_kettle88" then "throwaway_kettle88 (u/…) - Reddit"). `with_repeats` masks
every other occurrence of a found handle, id, secret or name, as a whole token (not inside a longer
word, path or address), with the finding's kind.

Only values that cannot be ordinary words or code's names are spread (a wrong finding spread is
several): a person's full name of words no list holds (one word: `_person_repeats`), a handle in
lower case with a digit, `_` or `.`, an id with five digits or more, an e-mail address. Spreading
one-word names, any handle and secrets masked "Parkinson", "Hudson", "adminUsername",
"ADMIN_API_PUBLIC" and "DTPa-hepB-IPV-Hib" again wherever they stood (held-out sets: precision
fell on most sets by more than recall rose). A repeat already covered by a finding is left as it
is.
"""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors.lexicon import lexicon
from .operators import merge

SPREAD = frozenset({"PERSON", "USERNAME", "ACCOUNT_ID", "EMAIL_ADDRESS"})
_MIN_LEN = 4
_ID_DIGITS = 5
_WORD = re.compile(r"[^\W\d_]+")
_HANDLE_MARK = re.compile(r"[\d_]|\w\.\w")


def _spreadable(kind: str, value: str) -> bool:
    if len(value) < _MIN_LEN or "\n" in value or value != value.strip():
        return False
    words = _WORD.findall(value)
    if kind == "PERSON":  # a full name: two to four capitalised words, none a word of any list
        lex = lexicon()
        return 2 <= len(words) <= 4 and all(w[0].isupper() and not lex.is_word(w.lower()) for w in words)
    if kind == "USERNAME":  # a handle: lower case with a digit, "_" or "." inside ("jl.arrabal")
        return value.islower() and _HANDLE_MARK.search(value) is not None and value[0] not in "$@"
    if kind == "ACCOUNT_ID":
        return sum(c.isdigit() for c in value) >= _ID_DIGITS
    return True  # e-mail addresses


def with_repeats(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` (`operators.merge`'s output) with every other occurrence of a spreadable value."""
    values: dict[str, Finding] = {}
    for f in merged:
        if f.kind in SPREAD:
            value = text[f.start : f.end]
            if value not in values and _spreadable(f.kind, value):
                values[value] = f
    if not values:
        return merged
    covered = [(f.start, f.end) for f in merged]
    added: list[Finding] = []
    for value, f in values.items():
        start = text.find(value)
        if text.find(value, start + 1) < 0:
            continue  # said once: nothing to spread
        pattern = re.compile(r"(?<![\w@./\\-])" + re.escape(value) + r"(?![\w@/\\-]|\.\w)")
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in covered):
                added.append(Finding(f.kind, m.start(), m.end(), f.detector, f.score))
    return merge([*merged, *added]) if added else merged
