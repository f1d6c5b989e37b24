"""The topic classifier's memo of words: each word's summed feature weights, kept across calls.

A page's words repeat from one frame (and one page) to the next, and finding a word's features
(hashing its pieces) and summing their weights was half of `NgramTopics.topics_many` on page
text. `WordMemo` keeps, per word, the row of a table that holds its per-topic sums and its
feature count (float64, the very numbers `NgramTopics._word_sums` gives: a word's sum does not
depend on the batch it came in), so a later batch looks each token up once and sums rows.

Thread safety: a `WordRows` is append-only — a row is written before its word enters the index,
and a row once indexed never changes — so a reader needs no lock; writers take `WordMemo`'s
lock. A full `WordRows` is replaced as one object, never cleared, since another thread may be
reading the old one (the person rule's memos do the same).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import compress, repeat

import numpy as np
import numpy.typing as npt

MEMO_WORDS = 1 << 16  # words a memo holds before it is replaced (~2 MB of table at 3 topics)
BREAK = "\x00"  # the token between the windows of a batch (`topic_ngrams._BREAK`)
EMPTY_ROW, BREAK_ROW = 0, 1

Sums = tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]
SumWords = Callable[[list[str]], Sums]  # `NgramTopics._word_sums`: row 0, then one per word


class WordRows:
    """`table[:, index[word]]`: a word's per-topic sums of its features' weights, then its number
    of features. Row `EMPTY_ROW` is the feature [0] of a window without words; row `BREAK_ROW`
    (zeros: no weight, no feature) is what `BREAK` maps to when `breaks`, so a batch's tokens,
    breaks included, are summed per window as they come."""

    def __init__(
        self, empty: npt.NDArray[np.float64], empty_count: float, capacity: int, breaks: bool
    ) -> None:
        self.table = np.zeros((len(empty) + 1, capacity), dtype=np.float64)
        self.table[:-1, EMPTY_ROW], self.table[-1, EMPTY_ROW] = empty, empty_count
        self.index: dict[str, int] = {BREAK: BREAK_ROW} if breaks else {}
        self.size = 2

    def add(self, words: list[str], sums: Sums) -> None:
        """Appends `words` (none of them indexed yet) with `sums` as `SumWords` gives them."""
        rows, counts = sums
        end = self.size + len(words)
        self.table[:-1, self.size : end] = rows[1:].T
        self.table[-1, self.size : end] = counts[1:]
        self.index.update(zip(words, range(self.size, end), strict=True))  # after the rows: readers see them
        self.size = end


class WordMemo:
    """The rows of the words of a batch's tokens, from one `WordRows` kept across calls."""

    def __init__(self, sum_words: SumWords, capacity: int = MEMO_WORDS) -> None:
        self._sum_words, self._capacity = sum_words, capacity
        self._lock = threading.Lock()
        self._rows = self._fresh(capacity, True)

    def _fresh(self, capacity: int, breaks: bool) -> WordRows:
        return WordRows(*_first(self._sum_words), capacity, breaks)

    def forget(self) -> None:
        """Starts an empty memo (a benchmark of words not seen before)."""
        self._rows = self._fresh(self._capacity, True)

    def rows(self, tokens: list[str]) -> tuple[npt.NDArray[np.intp], WordRows]:
        """(the row of each token, the `WordRows` they index); `BREAK` tokens get `BREAK_ROW`.
        Words not seen before are summed (`SumWords`) and added first."""
        memo = self._rows
        ids = np.fromiter(map(memo.index.get, tokens, repeat(-1)), dtype=np.intp, count=len(tokens))
        missing = ids < 0
        if not missing.any():
            return ids, memo
        lost = list(compress(tokens, missing.tolist()))
        got = self._learn(memo, list(dict.fromkeys(lost)), tokens)
        if got is memo:
            ids[missing] = np.fromiter(map(memo.index.__getitem__, lost), dtype=np.intp, count=len(lost))
            return ids, memo
        return np.fromiter(map(got.index.__getitem__, tokens), dtype=np.intp, count=len(tokens)), got

    def _learn(self, seen: WordRows, lost: list[str], tokens: list[str]) -> WordRows:
        """The memo, `lost` (missing from `seen`) added to it; when another thread replaced `seen`,
        or `lost` does not fit, a new memo with all the words of `tokens` (published when it
        fits in the capacity; a batch of more distinct words gets a memo of its own)."""
        with self._lock:
            memo = self._rows
            new = [w for w in (lost if memo is seen else dict.fromkeys(tokens)) if w not in memo.index]
            if memo.size + len(new) > memo.table.shape[1]:
                new = [w for w in dict.fromkeys(tokens) if w != BREAK]
                memo = self._fresh(max(self._capacity, len(new) + 2), True)
                if len(new) + 2 <= self._capacity:
                    self._rows = memo
            if new:
                memo.add(new, self._sum_words(new))
            return memo


def local_rows(sum_words: SumWords, tokens: list[str]) -> tuple[npt.NDArray[np.intp], WordRows]:
    """`WordMemo.rows` for tokens without breaks that may hold the word `BREAK` itself (a text
    with a NUL of its own): rows of their own, not kept."""
    words = list(dict.fromkeys(tokens))
    memo = WordRows(*_first(sum_words), len(words) + 2, False)
    memo.add(words, sum_words(words))
    return np.fromiter(map(memo.index.__getitem__, tokens), dtype=np.intp, count=len(tokens)), memo


def _first(sum_words: SumWords) -> tuple[npt.NDArray[np.float64], float]:
    empty, count = sum_words([])
    return empty[0], float(count[0])
