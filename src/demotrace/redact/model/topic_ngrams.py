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

import threading
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .tagger import ModelError

HERE = Path(__file__).resolve().parent
FILE = "topicgrams.npz"
BUCKETS = 1 << 18
NGRAMS = (3, 4, 5)
WINDOW = 320
_STRIP = ".,:;!?()[]\"'«»“”"
# CJK punctuation separates words as a space does (Japanese and Chinese write no spaces)
_CJK_PUNCT = str.maketrans({c: " " for c in "、。，：；！？（）「」『』【】・"})


def features(text: str) -> list[int]:
    """Bucket ids of the word pieces and words of `text` (lower-cased); [0] for a text without."""
    out: list[int] = []
    for word in text.lower().translate(_CJK_PUNCT).split():
        out.extend(_word_features(word))
    return out or [0]


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[int, ...]:
    """A word's buckets (cached: the words of a page repeat, and hashing is most of the cost)."""
    padded = f"<{word}>"
    pieces = [padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1)]
    ids = [zlib.crc32(p.encode()) % BUCKETS for p in pieces]
    ids.append(zlib.crc32(("W" + word.strip(_STRIP)).encode()) % BUCKETS)
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

    def _probs(self, text: str) -> npt.NDArray[np.float32]:
        z = self.weights[features(text)].mean(axis=0) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)

    def topics(self, text: str) -> dict[str, float]:
        """P(topic) for each topic: the highest over windows of `WINDOW` characters."""
        if not text.strip():
            return {}
        pieces = [text[i : i + WINDOW] for i in range(0, len(text), WINDOW)]
        probs = np.max([self._probs(p) for p in pieces if p.strip()], axis=0)
        return {name: float(p) for name, p in zip(self.names, probs, strict=True)}


__all__ = ["BUCKETS", "FILE", "NgramTopics", "features"]
