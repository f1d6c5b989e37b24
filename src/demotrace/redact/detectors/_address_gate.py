"""The address rule's batch gate: which texts of a batch `AddressDetector.detect` may find a
street address in, found with a few regex passes over the texts joined by newlines.

`detect` takes one of two branches per text (read off `address.py`):
- a text without a digit (and so without a CJK address, which needs a digit, 号, 號 or 座) gets
  spans only from `_STREET_NO_DIGITS` matches that pass `numberless_ok`. Each such match holds a
  street word of its own as a whole run of letters: a suffix word (`Road`, `st`), the first run
  of a prefix word (`rue`, `ul` of `ul.`) or a run that ends with a glued suffix
  (`Nassaustraat`); and `numberless_ok` wants every run of more than two letters capitalised.
  So the batch is split once into words (`TextBatch.words`: the person rule's words, runs of
  letters joined by `-`, `'` or `’`, split once for both gates), each distinct word classed once
  by its runs of letters (`street_run`, the same case-insensitive regexes, memoised), the words'
  classes mapped in C, and only a text that holds a capitalised street run (or a short one) is let through;
- a text with a digit gets `_candidates`. On one line each candidate needs one of: a street run
  in any case (the suffix, prefix and glued streets, `12 Argyll Road`, `97, rue …`, and the
  Dutch numbered compounds `Catohof 7`); a house number, blanks and a capitalised word (`06 Reyes
  Católicos 17`, `1032 Michael Course`: `_NUMBER_CAPITAL`); the start of an address cue of
  `_CONTEXT_STREET` (`_CUE_STARTS`: its regex is searched in a slice, where `\b` could read a
  slice's end) or of `cue_spans` (`LEAD`); a unit (`Apt. 4`), a labelled postcode (`ZIP: …`) or
  a CJK address: the texts with a street run, and one search of the union of the others, resumed
  after each text found (`_base.triggered`). A text of several lines (postal blocks:
  `_NUMBER_LINE`, `_PC_LINE`, `_STREET_TAIL` read its other lines) is let through whenever it
  holds a digit.
The gate also says which kinds of street word each text let through holds (`SUFFIX`, `PREFIX`,
`GLUED`, `NUMBERED`: the run classes above, one bit each), so that `detect` searches only the
street patterns whose word the text has (`address.street_regex`).
None of these regexes reads a newline where a text's end would fail it, so a match in a text is one
in the joined texts. The rule is not run here: a text let through gets `detect` as before.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from ._base import TextBatch, triggered

_DIGITISH = re.compile(r"[\d号號座]")
_JOINER = re.compile("[-'’]")  # between the runs of letters of one word of `split`
# what a run of letters can be the street word of (a bit each), and whether it is capitalised
SUFFIX, PREFIX, GLUED, NUMBERED, CAPITALISED = 1, 2, 4, 8, 16
STREET = SUFFIX | PREFIX | GLUED | NUMBERED
CACHE_RUNS = 32768
_NEVER = re.compile("(?!)")


def union(patterns: Sequence[re.Pattern[str] | str]) -> str:
    """One regex source matching where any of `patterns` does (each keeps its inline flags)."""
    out = []
    for p in patterns:
        if isinstance(p, re.Pattern):
            if p.flags & (re.MULTILINE | re.DOTALL | re.VERBOSE):
                raise ValueError("a pattern with a global flag this union would change")
            p = p.pattern
        out.append(f"(?:{p})")
    return "|".join(out)


class StreetAlternatives:
    """The regex `prefix(?:alternatives)` and, per set of street kinds, the same without the
    alternatives that need a street word (`needs`: its kind bits, 0 for none) of no kind in the
    set. In a text whose runs of letters are street words of those kinds only (`AddressGate.texts`
    says which), the dropped alternatives match nowhere, so the rest find what the whole did, at
    each position the same first alternative. Each variant is compiled on first use (~5 ms) and
    kept, as `re` keeps what it compiles."""

    def __init__(self, prefix: str, alternatives: Sequence[str], needs: Sequence[int]) -> None:
        if len(alternatives) != len(needs):
            raise ValueError("one kind per alternative")
        self._prefix, self._needs = prefix, tuple(zip(alternatives, needs, strict=True))
        self._by_kinds: dict[int, re.Pattern[str]] = {}
        self.whole = self.regex(STREET)

    def regex(self, kinds: int) -> re.Pattern[str]:
        kinds &= STREET
        rx = self._by_kinds.get(kinds)
        if rx is None:
            alts = [a for a, need in self._needs if not need or need & kinds]
            rx = re.compile(self._prefix + "(?:" + "|".join(alts) + ")") if alts else _NEVER
            self._by_kinds[kinds] = rx
        return rx


class AddressGate:
    """`street_run` fullmatches a run of letters that can be the street word of a number-less
    street, where one of `kinds` (a bit, a regex of the runs of that kind: their union is
    `street_run`) does; `with_digits` is the union above without the street runs; `split` cuts a
    batch into words that are runs of letters joined by single `-`, `'` or `’` (the person rule's
    words: `TextBatch.words` splits the batch once for both gates)."""

    def __init__(
        self,
        street_run: re.Pattern[str],
        kinds: Sequence[tuple[int, re.Pattern[str]]],
        with_digits: re.Pattern[str],
        split: re.Pattern[str],
    ) -> None:
        self._street_run, self._kinds, self._with_digits = street_run, kinds, with_digits
        self._split = split
        self._codes: dict[str, int] = {}

    def _run_code(self, run: str) -> int:
        code = 0
        if self._street_run.fullmatch(run):  # rare: only then each kind is tried
            for bit, kind in self._kinds:
                if kind.fullmatch(run):
                    code |= bit
            if len(run) <= 2 or run[0].isupper():
                code |= CAPITALISED
        return code

    def _word_code(self, word: str) -> int:
        """The bits of the runs of letters of `word` together: a text holds the word's runs
        where it holds the word."""
        if word.isalpha():  # one run (most words)
            return self._run_code(word)
        code = 0
        for run in _JOINER.split(word):
            code |= self._run_code(run)
        return code

    def texts(self, texts: Sequence[str]) -> list[tuple[int, int]]:
        """The indices of `texts` that may hold an address, each with the `STREET` bits of the
        street runs it holds (0: none)."""
        batch = TextBatch.of(texts)
        words = batch.words(self._split)
        codes = self._codes
        missing = set(words.raw).difference(codes)
        if missing:
            if len(codes) + len(missing) > CACHE_RUNS:
                codes = self._codes = {}  # a new memo: another thread may be reading the old
                missing = set(words.raw)
            for r in missing:
                codes[r] = self._word_code(r)
        c = list(map(codes.__getitem__, words.raw))
        at = list(itertools.compress(range(len(c)), c))  # the words with a street run, in any case
        starts = batch.starts
        street: dict[int, int] = {}  # texts with a street run: the kinds of their runs
        capitalised: set[int] = set()  # texts with a capitalised (or short) one
        offs = words.offs
        for k in at:
            i = bisect.bisect_right(starts, offs[2 * k]) - 1
            street[i] = street.get(i, 0) | c[k]
            if c[k] & CAPITALISED:
                capitalised.add(i)
        digitish = triggered(_DIGITISH, batch)
        out = capitalised.difference(digitish)
        single = []
        for i in digitish:
            if "\n" in batch[i] or i in street:
                out.add(i)
            else:
                single.append(i)
        if single:
            out.update(single[k] for k in triggered(self._with_digits, [batch[i] for i in single]))
        return [(i, street.get(i, 0) & STREET) for i in sorted(out)]
