"""The person rule's batch gate: which texts of a batch `PersonDetector.detect` may find a name in.

`detect` finds a name only where a word can start one (the rule's loop, read off `person.py`):
- on its own (`ALONE`): a CJK word, a capitalised word that is not a dictionary word, a strong
  name in any case ("tracy");
- a lower-case weak name that is a first name (`FIRST_WEAK`: "maria") only when the next word is
  a listed surname (`IN_LAST`: "maria hiltunen");
- any word that can start a name (`LEAD`) only right after a strong cue ("Dr. ", "my name is "),
  which ends with a word whose last piece ends like one (`CUE_END`) and matches the cue regex;
- "&" joins names only to a name found.
So one split of the texts joined by newlines (`TextBatch.words`, shared with the address gate;
no word holds a newline: each text's words are its own), one code per distinct word (memoised by
the detector), the codes of the batch's words made one byte string (`map`, `bytes`), and the
words and pairs of words that matter found in it
by bytes regexes (in C): only the few pairs after a cue word cost a regex search each. A text's
index is found by bisection on where each text starts (texts may hold newlines). The rule itself
is not run here: a text let through gets the rule as before, on its words cut from the batch's
split (the same words at the same offsets), so its spans are the ones it always had.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from ._base import BatchWords, TextBatch

ALONE, CUE_END, LEAD, FIRST_WEAK, IN_LAST = 1, 2, 4, 8, 16
CHUNK, DENSE, PROBE = 512, 0.5, 8
Words = tuple[list[str], list[int], int]
"""A text's words, their running offsets and `base`, where the text starts in the joined chunk
(`_person_words._Toks`): word k starts at `offs[2k] - base` and ends at `offs[2k + 1] - base`, and
`offs[-1]` lies past the text's end (the start of the next text's first word, or the batch's end)."""


def _codes_with(bit: int) -> bytes:
    """A bytes regex class of the codes (one byte each, all bits < 32) that hold `bit`."""
    return b"[" + re.escape(bytes(v for v in range(32) if v & bit)) + b"]"


_ALONE = re.compile(_codes_with(ALONE))
# a word and the next: a lower-case weak first name, a listed surname ("maria hiltunen"); a word
# that ends like a cue, a word that can lead a name (the cue is then searched); found at the first
_FIRST_THEN_LAST = re.compile(b"(?=" + _codes_with(FIRST_WEAK) + _codes_with(IN_LAST) + b")")
_CUE_THEN_LEAD = re.compile(b"(?=" + _codes_with(CUE_END) + _codes_with(LEAD) + b")")


class NameGate:
    """The texts of a batch that may hold a name; `code` gives a word's bits (above), `strong_cue`
    says whether a strong cue ends right before an offset of a text."""

    def __init__(
        self,
        split: re.Pattern[str],
        code: Callable[[str], int],
        strong_cue: Callable[[str, int], bool],
        cache_words: int,
    ) -> None:
        self._split, self._code, self._strong_cue = split, code, strong_cue
        self._cache_words = cache_words
        self._codes: dict[str, int] = {}

    def texts(self, texts: Sequence[str]) -> list[tuple[int, Words]]:
        """Per text that may hold a name: its index and its words as the batch's split found them
        (`Words`).

        The batch is split once (`TextBatch.words`, shared with the address gate) and gated in
        chunks of `CHUNK` texts. Where a chunk had most of its texts let through (PII-dense text:
        names everywhere), the gate costs more than it saves: every text of the next chunks is
        let through as it is, and every `PROBE`th chunk is gated again. Which texts are looked
        at changes no span (a text not let through has none)."""
        batch = TextBatch.of(texts)
        words = batch.words(self._split)
        raw, offs, first, starts = words.raw, words.offs, words.first, batch.starts

        def words_of(i: int) -> tuple[int, Words]:
            a, b = first[i], first[i + 1]
            return i, (raw[a:b], offs[2 * a : 2 * b + 1], starts[i])

        out: list[tuple[int, Words]] = []
        gate = True
        for c, at in enumerate(range(0, len(batch), CHUNK)):
            end = min(at + CHUNK, len(batch))
            gate = gate or c % PROBE == 0
            if not gate:
                out.extend(map(words_of, range(at, end)))
                continue
            chosen = self._gated(batch, words, first[at], first[end])
            gate = len(chosen) <= DENSE * (end - at)
            out.extend(map(words_of, sorted(chosen)))
        return out

    def _gated(self, batch: TextBatch, words: BatchWords, a: int, b: int) -> set[int]:
        """The index of each text let through among those that hold words `a` to `b`."""
        raw = words.raw[a:b]
        codes = self._codes
        missing = set(raw).difference(codes)
        if missing:
            if len(codes) + len(missing) > self._cache_words:
                codes = self._codes = {}  # a new memo: another thread may be reading the old
                missing = set(raw)
            code = self._code
            for r in missing:
                codes[r] = code(r)
        # one byte per word: the words that matter are found by a bytes regex in C, which visits
        # only those (a few in a hundred in prose), not by a pass of Python ints over every word
        c = bytes(map(codes.__getitem__, raw))
        at = {a + m.start() for m in _ALONE.finditer(c)}
        at.update(a + m.start() for m in _FIRST_THEN_LAST.finditer(c))
        cued = [a + m.start() + 1 for m in _CUE_THEN_LEAD.finditer(c)]
        if not at and not cued:
            return set()
        offs, starts = words.offs, batch.starts

        def text_of(ks: Iterable[int]) -> Iterator[int]:  # 1 + the text of each word, in C
            at_offs = map(offs.__getitem__, map((2).__mul__, ks))
            return map(bisect.bisect_right, itertools.repeat(starts), at_offs)

        chosen = set(text_of(at))
        # the cue searched in the joined batch, only for a text not already let through: its
        # window may reach into the text before, which can only add a text (`\b` at a text's
        # start reads a newline either way)
        joined = batch.joined
        for k, i in zip(cued, text_of(cued), strict=True):
            if i not in chosen and self._strong_cue(joined, offs[2 * k]):
                chosen.add(i)
        return {i - 1 for i in chosen}
