"""Regexes rewritten to start with one plain character class, the same matches in the same order.

Python's `re` skips in C to a position where a pattern can start only when the pattern starts with
a literal or a character class (the "charset prefix" of `sre_compile`): one that starts with a
look-behind, `\\b`, a lookahead (`_base.guarded`), a repeat (`\\d{3}`), a case-insensitive class
or a branch of case-insensitive words is entered at every position of the text, ~20-50 ns each
(most of a small detector's time on one long text). Here the first character is consumed by a
case-sensitive class instead, and what stood before it is checked behind it: `\\b` as `(?<!\\w.)`
(the character before the one consumed is not a word character), each word's first letter as a
one-character look-behind. At any position the words whose first letter fails are the ones the
original fails on at once, so the first word that matches, and the whole match, are the same
(tests/redact/test_lead.py compares each rewrite against the regex as written).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

FOLDS = "\u0130\u0131\u017f\u212a"
"""Characters that `re.IGNORECASE` matches to an ASCII letter besides the ASCII letters: İ and ı
(i), ſ (s), the Kelvin sign (k); tests/redact/test_lead.py checks every code point."""

WORD_START = r"(?<!\w[\s\S])"
"""Behind the first character (a word character) of a match: `\\b` before it."""


def folded_class(letters: str) -> str:
    """A case-sensitive class of every character that `(?i:[letters])` matches, `letters` being
    ASCII letters or ranges of them (`a-z`)."""
    fold = re.compile(f"(?i:[{letters}])")
    chars = [c for c in string.ascii_letters + FOLDS if fold.fullmatch(c)]
    return "[" + "".join(chars) + "]"


def led(alternatives: Sequence[str], *, word_start: bool = False, ignore_case: bool = False) -> str:
    """`(?:a|b|…)` (`\\b(?:…)` if `word_start`, `(?i:…)` if `ignore_case`) led by a class of the
    alternatives' first characters: each must start with an ASCII letter that no quantifier
    follows (after a `\\b` of its own); its rest is any regex (a group of its own)."""
    bounded = [a.startswith("\\b") for a in alternatives]
    alternatives = [a[2:] if b else a for a, b in zip(alternatives, bounded, strict=True)]
    firsts = "".join(dict.fromkeys(a[0].lower() if ignore_case else a[0] for a in alternatives))
    if not all(a[:1] in string.ascii_letters and a[1:2] not in ("?", "*", "+", "{") for a in alternatives):
        raise ValueError(f"an alternative does not start with a plain letter: {alternatives}")
    lead = folded_class(firsts) if ignore_case else f"[{firsts}]"
    rests = []
    for a, b in zip(alternatives, bounded, strict=True):
        first = f"(?i:{a[0]})" if ignore_case else a[0]
        first += WORD_START if b else ""
        rest = f"(?i:{a[1:]})" if ignore_case else f"(?:{a[1:]})"
        rests.append(f"(?<={first}){rest}")
    return lead + (WORD_START if word_start else "") + "(?:" + "|".join(rests) + ")"


def written(alternatives: Sequence[str], *, word_start: bool = False, ignore_case: bool = False) -> str:
    """What `led` stands for, as one would write it: `\\b(?i:a|b|…)`; the form whose words
    tests/redact/test_triggers.py expands."""
    body = "|".join(alternatives)
    return (r"\b" if word_start else "") + (f"(?i:{body})" if ignore_case else f"(?:{body})")
