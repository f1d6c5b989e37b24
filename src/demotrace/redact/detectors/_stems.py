"""A regex of credential or login words tried only where one of its words starts.

`_KEYWORD_VALUE`, `_KEYWORD_IS` (secrets) and the login cues (username) start with `\\b` and a
case-insensitive word list: on one long text `re` enters them at every position (or every
candidate first letter). Each word, lower-cased, starts with one of a few stems ("pass", "api",
"user"); on a text of `_windows.SHORT` characters or more the stems are found with `str.find` in
the lower-cased text, and the regex is matched only there (`rx.match` at each start, in order,
after the end of the last match: what `finditer` finds; tests/redact/test_stems.py compares).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._base import _UNFOLDED
from ._windows import SHORT

_WORD = re.compile(r"\w")
ALNUM = re.compile(r"[^\W_]")
"""A letter or a digit: the character that may not stand before a word that may follow "_" or "-"
(the "TOKEN" of "HF_TOKEN")."""


def camel_start(text: str, p: int) -> bool:
    """`text[p]` opens a camelCase part: an ASCII capital after an ASCII lower-case letter
    ("ServerPassword")."""
    return p > 0 and "A" <= text[p] <= "Z" and "a" <= text[p - 1] <= "z"


def stem_starts(
    text: str, stems: tuple[str, ...], *, word_start: bool, word: re.Pattern[str] = _WORD, camel: bool = False
) -> list[int] | None:
    """Where a stem starts in `text` lower-cased (not after a character of `word` if
    `word_start`, unless `camel` and it opens a camelCase part: an ASCII capital after an ASCII
    lower-case letter, "ServerPassword"), in order; None where the text is short or holds a
    character `str.lower` does not fold as IGNORECASE does (`_base._UNFOLDED`: İ lowers to two
    characters, ı and ſ to themselves)."""
    if len(text) < SHORT or _UNFOLDED.search(text) is not None:
        return None
    lower = text.lower()
    found: set[int] = set()
    for stem in stems:
        p = lower.find(stem)
        while p >= 0:
            if not (word_start and p and word.match(text, p - 1)) or (camel and camel_start(text, p)):
                found.add(p)
            p = lower.find(stem, p + 1)
    return sorted(found)


def matches_at(rx: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a regex of which every match starts at one of `starts` (all of
    them where None)."""
    if starts is None:
        yield from rx.finditer(text)
        return
    pos = 0
    for s in starts:
        if s >= pos and (m := rx.match(text, s)) is not None:
            yield m
            pos = m.end()
