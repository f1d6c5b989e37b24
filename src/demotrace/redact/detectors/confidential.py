"""CONFIDENTIAL: the policy's confidential terms (codenames), case- and spacing-insensitive.

"Project Nightingale" matches "project nightingale", "PROJECT-NIGHTINGALE", "ProjectNightingale"
and "project_nightingale": the term's words may be joined by any run of spaces, `-`, `_`, `.` or
nothing. Word boundaries keep "nightingales" from matching "Nightingale" as a term on its own only
at the term's two ends.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from ...schema import Finding
from ._base import text_starts

_SEP = r"[\s_.\-]*"


def term_regex(term: str) -> str:
    words = re.findall(r"\w+", term)
    chars = [_SEP.join(re.escape(c) for c in w) if len(w) > 1 else re.escape(w) for w in words]
    # within a word any spacing is allowed too ("Night ingale"), between words as well; the term
    # starts at a word start, checked behind its first character (`X(?<!\wX)` is `(?<!\w)X`):
    # a regex that starts with a look-behind is entered at every position, one that starts with
    # a character only where it occurs (2x faster on page text)
    first: str = re.escape(words[0][0])
    return first + rf"(?<!\w{first})" + _SEP.join(chars)[len(first) :] + r"(?!\w)"


class ConfidentialTerms:
    name = "confidential"

    def __init__(self, terms: Iterable[str]) -> None:
        pats = [term_regex(t) for t in terms if re.search(r"\w", t)]
        self._rx = re.compile("|".join(pats), re.IGNORECASE) if pats else None

    def find(self, text: str) -> list[Finding]:
        if self._rx is None:
            return []
        return [Finding("CONFIDENTIAL", m.start(), m.end(), self.name) for m in self._rx.finditer(text)]

    def find_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """`[find(t) for t in texts]` in one pass over the texts joined by NUL, which no term's
        spacing matches and which ends a word as the end of a text does."""
        out: list[list[Finding]] = [[] for _ in texts]
        if self._rx is None:
            return out
        starts = text_starts(texts)
        for m in self._rx.finditer("\x00".join(texts)):
            k = bisect.bisect_right(starts, m.start()) - 1
            off = starts[k]
            out[k].append(Finding("CONFIDENTIAL", m.start() - off, m.end() - off, self.name))
        return out
