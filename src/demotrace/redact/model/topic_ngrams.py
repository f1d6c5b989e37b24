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
from itertools import chain, compress
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .tagger import ModelError

HERE = Path(__file__).resolve().parent
FILE = "topicgrams.npz"
BUCKETS = 1 << 18
NGRAMS = (3, 4, 5)
WINDOW = 320
VECTOR_WORDS = 256  # distinct words from which ASCII words are hashed in numpy
FEW_WINDOWS = 4  # windows up to which a call computes each window's mean directly
_STRIP = ".,:;!?()[]\"'«»“”"
# CJK punctuation separates words as a space does (Japanese and Chinese write no spaces)
_CJK_PUNCT_CHARS = "、。，：；！？（）「」『』【】・"
_CJK_PUNCT = str.maketrans({c: " " for c in _CJK_PUNCT_CHARS})
_HAS_CJK_PUNCT = re.compile(f"[{_CJK_PUNCT_CHARS}]")


def _words(text: str) -> list[str]:
    low = text.lower()
    if _HAS_CJK_PUNCT.search(low):  # str.translate walks every character in Python's loop
        low = low.translate(_CJK_PUNCT)
    return low.split()


_BREAK = " \x00 "  # between the windows of a batch: "\x00" is a token of its own


def _window_words(windows: list[str]) -> tuple[list[str], npt.NDArray[np.intp]]:
    """(the words of all `windows`, the window of each), as `_words(window)` gives them, from one
    lower-casing and one split of the windows joined by `_BREAK`. A break is no cased letter,
    so lower-casing across it is lower-casing each window (final sigma included)."""
    if any("\x00" in w for w in windows):  # a NUL of their own: window by window
        per = [_words(w) for w in windows]
        at = np.repeat(np.arange(len(per), dtype=np.intp), [len(ws) for ws in per])
        return list(chain.from_iterable(per)), at
    tokens = _words(_BREAK.join(windows))
    is_break = np.fromiter(map("\x00".__eq__, tokens), dtype=bool, count=len(tokens))
    at = np.cumsum(is_break, dtype=np.intp)
    keep = ~is_break
    return list(compress(tokens, keep.tolist())), at[keep]


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
    ids.append(crc(("W" + word.strip(_STRIP)).encode()) % BUCKETS)
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
    ) -> None:
        if weights.shape != (BUCKETS, len(names)) or bias.shape != (len(names),):
            raise ModelError(f"topic weights of shape {weights.shape}, expected ({BUCKETS}, {len(names)})")
        self.weights, self.bias, self.names, self.threshold = weights, bias, names, threshold

    @classmethod
    def load(cls, folder: Path = HERE) -> NgramTopics:
        """The classifier in `folder` (this package's, shared by the process, by default)."""
        if folder == HERE and cls._shared is not None:
            return cls._shared
        with cls._lock:
            try:
                with np.load(folder / FILE) as z:
                    model = cls(
                        np.asarray(z["weights"], dtype=np.float32),
                        np.asarray(z["bias"], dtype=np.float32),
                        [str(n) for n in z["topics"]],
                        float(z["threshold"]),
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
        text). The batch's windows are lower-cased and split in one call (`_window_words`), and
        the mean over a window's features is summed per distinct word of the batch first (in
        float64), so a page pays Python and numpy once, not once per window."""
        windows: list[str] = []
        owner: list[int] = []
        for k, t in enumerate(texts):
            if len(t) <= WINDOW:  # most texts of a page: one window, the text itself
                if t and not t.isspace():
                    windows.append(t)
                    owner.append(k)
                continue
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
        tokens, window_of = _window_words(windows)
        row = {w: r for r, w in enumerate(dict.fromkeys(tokens), 1)}
        word_sums, counts = self._word_sums(list(row))  # row 0: a window without words
        flat = np.fromiter(map(row.__getitem__, tokens), dtype=np.intp, count=len(tokens))
        n = len(windows)
        sums = np.stack(
            [np.bincount(window_of, weights=word_sums[flat, j], minlength=n) for j in range(len(self.names))],
            1,
        )
        count = np.bincount(window_of, weights=counts[flat], minlength=n)
        empty = count == 0  # a window of CJK punctuation alone: the feature [0], as `features` gives
        sums[empty], count[empty] = word_sums[0], counts[0]
        z = sums / count[:, None]
        probs = (1.0 / (1.0 + np.exp(-(z + self.bias)))).astype(np.float32)
        np.maximum.at(out, np.asarray(owner, dtype=np.intp), probs)
        return out

    def _word_sums(self, words: list[str]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """([1 + words, topics] summed weights of each word's features, [1 + words] their count);
        row 0 is the feature [0] of a window without words. ASCII words are hashed together
        (`_ascii_buckets`) when there are at least `VECTOR_WORDS` words, others one by one
        (`_word_features`, cached: a typed segment's few words are cheaper so)."""
        word_of: list[npt.NDArray[np.intp]] = [np.zeros(1, dtype=np.intp)]
        buckets: list[npt.NDArray[np.int64]] = [np.zeros(1, dtype=np.int64)]
        many = len(words) >= VECTOR_WORDS
        ascii_rows = [r for r, w in enumerate(words, 1) if many and w.isascii()]
        if ascii_rows:
            of, b = _ascii_buckets([words[r - 1] for r in ascii_rows])
            word_of.append(np.asarray(ascii_rows, dtype=np.intp)[of])
            buckets.append(b)
        others = [(r, _word_features(w)) for r, w in enumerate(words, 1) if not (many and w.isascii())]
        if others:
            sizes = [len(f) for _, f in others]
            word_of.append(np.repeat(np.array([r for r, _ in others], dtype=np.intp), sizes))
            buckets.append(np.fromiter(chain.from_iterable(f for _, f in others), dtype=np.int64))
        at, ids = np.concatenate(word_of), np.concatenate(buckets)
        wts = self.weights[ids].astype(np.float64)
        n = len(words) + 1
        sums = [np.bincount(at, weights=wts[:, j], minlength=n) for j in range(wts.shape[1])]
        return np.stack(sums, axis=1).astype(np.float64), np.bincount(at, minlength=n).astype(np.float64)


def _crc_table() -> npt.NDArray[np.uint32]:
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_CRC = _crc_table()


def _crc32_rows(rows: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint32]:
    """zlib.crc32 of each row of bytes, all rows at once (the table-driven CRC-32, a column a step)."""
    crc = np.full(len(rows), 0xFFFFFFFF, dtype=np.uint32)
    for j in range(rows.shape[1]):
        crc = _CRC[(crc ^ rows[:, j]) & 0xFF] ^ (crc >> 8)
    return crc ^ np.uint32(0xFFFFFFFF)


def _ascii_buckets(words: list[str]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """(index of the word, bucket) of every feature of these ASCII words: `_word_features` without
    a Python call per piece (a page of new words spent most of its topic time hashing them)."""
    raw = [f"<{w}>".encode() for w in words]
    lens = np.array([len(b) for b in raw], dtype=np.intp)
    buf = np.frombuffer(b"".join(raw), dtype=np.uint8)
    offs = np.cumsum(lens) - lens
    of: list[npt.NDArray[np.intp]] = []
    out: list[npt.NDArray[np.int64]] = []
    for n in NGRAMS:
        k = np.maximum(lens - n + 1, 0)  # pieces of n characters per word
        word = np.repeat(np.arange(len(raw), dtype=np.intp), k)
        first = np.repeat(offs - (np.cumsum(k) - k), k) + np.arange(int(k.sum()), dtype=np.intp)
        of.append(word)
        out.append((_crc32_rows(buf[first[:, None] + np.arange(n)]) % BUCKETS).astype(np.int64))
    whole = [zlib.crc32(("W" + w.strip(_STRIP)).encode()) % BUCKETS for w in words]
    of.append(np.arange(len(words), dtype=np.intp))
    out.append(np.asarray(whole, dtype=np.int64))
    return np.concatenate(of), np.concatenate(out)


__all__ = ["BUCKETS", "FILE", "NgramTopics", "features"]
