"""The shipped topic classifier: hashed character n-grams of each word, one linear layer.

Each word of the lower-cased text (CJK punctuation splits words too) gives its 3-, 4- and
5-character pieces with word boundaries (`<gastritis>` → `<ga`, `gas`, … `is>`) and itself,
hashed (CRC-32) into 2^18 buckets; P(topic) is the sigmoid of the mean of their weights plus a
bias, per topic. Word pieces generalise across spellings and languages ("cardi", "-itis",
"-ectom", "pijn"), and a mean over the text reads a topic from its words, not from its shape
(the character model's topic head, trained on the same data, learnt the templates:
docs/MODEL_CARD.md). Long texts are read in windows of `WINDOW` characters and the most likely
window counts. Weights: `topicgrams.npz`, written by `train/fit_ngram.py` (`make model`);
nothing downloads, a missing file raises `ModelError`.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .tagger import ModelError
from .topic_hash import BUCKETS, STRIP, piece_buckets
from .topic_memo import BREAK, BREAK_ROW, EMPTY_ROW, WordMemo, local_rows

HERE = Path(__file__).resolve().parent
FILE = "topicgrams.npz"
NGRAMS = (3, 4, 5)
WINDOW = 320
VECTOR_WORDS = 256  # new words from which a batch's words are hashed in numpy (`piece_buckets`)
FEW_WINDOWS = 4  # windows up to which a call computes each window's mean directly
# CJK punctuation separates words as a space does (Japanese and Chinese write no spaces)
_CJK_PUNCT_CHARS = "、。，：；！？（）「」『』【】・"
_CJK_PUNCT = str.maketrans({c: " " for c in _CJK_PUNCT_CHARS})
_HAS_CJK_PUNCT = re.compile(f"[{_CJK_PUNCT_CHARS}]")


def _words(text: str) -> list[str]:
    low = text.lower()
    if _HAS_CJK_PUNCT.search(low):  # str.translate walks every character in Python's loop
        low = low.translate(_CJK_PUNCT)
    return low.split()


_BREAK = f" {BREAK} "  # between the windows of a batch: "\x00" is a token of its own


def _window_tokens(windows: list[str]) -> tuple[list[str], npt.NDArray[np.intp] | None]:
    """(the words of all `windows`, as `_words(window)` gives them, the window of each): one
    lower-casing and one split of the windows joined by `_BREAK`, whose `BREAK` tokens stay in
    (None: a token's window is the number of breaks before it). A break is no cased letter, so
    lower-casing across it is lower-casing each window (final sigma included). Windows that hold
    a NUL of their own are split one by one, their windows given."""
    if any(BREAK in w for w in windows):
        per = [_words(w) for w in windows]
        at = np.repeat(np.arange(len(per), dtype=np.intp), [len(ws) for ws in per])
        return list(chain.from_iterable(per)), at
    return _words(_BREAK.join(windows)), None


def features(text: str) -> list[int]:
    """Bucket ids of the word pieces and words of `text` (lower-cased); [0] for a text without."""
    out: list[int] = []
    for word in _words(text):
        out.extend(_word_features(word))
    return out or [0]


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[int, ...]:
    """A word's buckets (cached: the words of a page repeat, and hashing is most of the cost).
    An ASCII word's pieces are sliced from its bytes, encoded once (the same bytes)."""
    padded = f"<{word}>"
    crc = zlib.crc32
    if padded.isascii():
        raw = padded.encode()
        ids = [crc(raw[i : i + n]) % BUCKETS for n in NGRAMS for i in range(len(raw) - n + 1)]
    else:
        ids = [crc(padded[i : i + n].encode()) % BUCKETS for n in NGRAMS for i in range(len(padded) - n + 1)]
    ids.append(crc(("W" + word.strip(STRIP)).encode()) % BUCKETS)
    return tuple(ids)


class NgramTopics:
    _shared: NgramTopics | None = None
    _lock = threading.Lock()

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        names: list[str],
        threshold: float,
        thresholds: dict[str, float] | None = None,
    ) -> None:
        if weights.shape != (BUCKETS, len(names)) or bias.shape != (len(names),):
            raise ModelError(f"topic weights of shape {weights.shape}, expected ({BUCKETS}, {len(names)})")
        self.weights, self.bias, self.names, self.threshold = weights, bias, names, threshold
        # each topic's own threshold (health's is `threshold`); one for all in an older file
        self.thresholds = thresholds if thresholds is not None else dict.fromkeys(names, threshold)
        self._columns = np.ascontiguousarray(weights.T)  # [topics, buckets]: a column gathered at once
        self._memo = WordMemo(self._word_sums)

    def forget_words(self) -> None:
        """Empties the memo of words seen (a benchmark of a page of new words)."""
        self._memo.forget()

    @classmethod
    def load(cls, folder: Path = HERE) -> NgramTopics:
        """The classifier in `folder` (this package's, shared by the process, by default)."""
        if folder == HERE and cls._shared is not None:
            return cls._shared
        with cls._lock:
            try:
                with np.load(folder / FILE) as z:
                    names = [str(n) for n in z["topics"]]
                    each = (
                        dict(zip(names, map(float, z["thresholds"]), strict=True))
                        if "thresholds" in z.files
                        else None
                    )
                    model = cls(
                        np.asarray(z["weights"], dtype=np.float32),
                        np.asarray(z["bias"], dtype=np.float32),
                        names,
                        float(z["threshold"]),
                        each,
                    )
            except (OSError, KeyError, ValueError) as e:
                raise ModelError(f"cannot load the topic classifier {folder / FILE}: {e}") from e
            if folder == HERE:
                cls._shared = model
            return model

    def topics(self, text: str) -> dict[str, float]:
        """P(topic) for each topic: the highest over windows of `WINDOW` characters."""
        if not text.strip():
            return {}
        probs = self.topics_many([text])[0]
        return {name: float(p) for name, p in zip(self.names, probs, strict=True)}

    def topics_many(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """[texts, topics]: each text's P(topic), the highest over its windows (0 for a blank
        text). The batch's windows are lower-cased and split in one call (`_window_tokens`), and
        the mean over a window's features is summed per distinct word first (in float64, kept
        across calls: `topic_memo.WordMemo`), so a page pays Python and numpy once, not once per
        window, and a word seen before costs a dictionary look-up."""
        windows: list[str] = []
        owner: list[int] = []
        one_each = True  # no text of more than one window: each row of `out` is one window's
        for k, t in enumerate(texts):
            if len(t) <= WINDOW:  # most texts of a page: one window, the text itself
                if t and not t.isspace():
                    windows.append(t)
                    owner.append(k)
                continue
            one_each = False
            for i in range(0, len(t), WINDOW):
                piece = t[i : i + WINDOW]
                if not piece.isspace():
                    windows.append(piece)
                    owner.append(k)
        out = np.zeros((len(texts), len(self.names)), dtype=np.float32)
        if not windows:
            return out
        if len(windows) <= FEW_WINDOWS:  # a typed segment, a title: no batch machinery
            for k, w in zip(owner, windows, strict=True):
                z = self.weights[features(w)].mean(axis=0, dtype=np.float64) + self.bias
                np.maximum(out[k], (1.0 / (1.0 + np.exp(-z))).astype(np.float32), out=out[k])
            return out
        tokens, window_of = _window_tokens(windows)
        if window_of is None:
            ids, memo = self._memo.rows(tokens)
            window_of = np.cumsum(ids == BREAK_ROW, dtype=np.intp)
        else:
            ids, memo = local_rows(self._word_sums, tokens)
        n = len(windows)
        sums = np.stack([np.bincount(window_of, weights=col[ids], minlength=n) for col in memo.table[:-1]], 1)
        count = np.bincount(window_of, weights=memo.table[-1][ids], minlength=n)
        empty = count == 0  # a window of CJK punctuation alone: the feature [0], as `features` gives
        sums[empty], count[empty] = memo.table[:-1, EMPTY_ROW], memo.table[-1, EMPTY_ROW]
        z = sums / count[:, None]
        probs = (1.0 / (1.0 + np.exp(-(z + self.bias)))).astype(np.float32)
        if one_each:  # the maximum of 0 and a probability (never -0.0 nor NaN) is the probability
            out[owner] = probs
        else:
            np.maximum.at(out, np.asarray(owner, dtype=np.intp), probs)
        return out

    def _word_sums(self, words: list[str]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """([1 + words, topics] summed weights of each word's features, [1 + words] their count);
        row 0 is the feature [0] of a window without words. The words are hashed together
        (`topic_hash.piece_buckets`) when there are at least `VECTOR_WORDS` of them, else one by
        one (`_word_features`, cached: a typed segment's few words are cheaper so). A word's
        features are summed in the same order either way, so its sums do not depend on the
        batch (`topic_memo` keeps them)."""
        word_of: list[npt.NDArray[np.intp]] = [np.zeros(1, dtype=np.intp)]
        buckets: list[npt.NDArray[np.int64]] = [np.zeros(1, dtype=np.int64)]
        if len(words) >= VECTOR_WORDS:
            of, b = piece_buckets(words)
            word_of.append(of + 1)
            buckets.append(b)
        elif words:
            each = [_word_features(w) for w in words]
            word_of.append(np.repeat(np.arange(1, len(words) + 1, dtype=np.intp), [len(f) for f in each]))
            buckets.append(np.fromiter(chain.from_iterable(each), dtype=np.int64))
        at, ids = np.concatenate(word_of), np.concatenate(buckets)
        n = len(words) + 1  # a topic's column of weights at a time: read from `_columns`, faster
        sums = [np.bincount(at, weights=column[ids], minlength=n) for column in self._columns]
        return np.stack(sums, axis=1).astype(np.float64), np.bincount(at, minlength=n).astype(np.float64)


__all__ = ["BUCKETS", "FILE", "NgramTopics", "features"]
