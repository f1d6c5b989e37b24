"""The topic classifier's batch machinery: word-piece buckets hashed in numpy
(`model/topic_hash.py`) and the memo of each word's summed weights kept across calls
(`model/topic_memo.py`). Neither may change a probability: the buckets are those of
`_word_features`, and a batch's probabilities are bit for bit those of a classifier that has
seen nothing before, whatever it saw, however small its memo, from however many threads."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import numpy as np
import pytest

from demotrace.redact.evaluate import load_samples
from demotrace.redact.model.topic_hash import piece_buckets
from demotrace.redact.model.topic_memo import MEMO_WORDS, WordMemo
from demotrace.redact.model.topic_ngrams import WINDOW, NgramTopics, _word_features, features

HELD = Path(__file__).parent / "data" / "heldout"


def _texts() -> list[str]:
    return [s.text for k in ("letters", "chat", "forms") for s in load_samples(HELD / f"{k}.json")]


def _fresh(model: NgramTopics, capacity: int = MEMO_WORDS) -> NgramTopics:
    other = NgramTopics(model.weights, model.bias, model.names, model.threshold)
    other._memo = WordMemo(other._word_sums, capacity)
    return other


def _by_word(of: np.ndarray, buckets: np.ndarray, n: int) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in range(n)]
    for w, b in zip(of.tolist(), buckets.tolist(), strict=True):
        out[w].append(b)
    return out


def test_piece_buckets_are_word_features_in_their_order() -> None:
    """Every character width of UTF-8 (1-4 bytes), combining marks, NUL, the stripped
    punctuation (ASCII and not), words of one character and long ones: each word's buckets in
    `_word_features`' order (pieces of 3, 4, 5 characters, then the word)."""
    rnd = random.Random(7)
    alphabet = "ab.,«»“”()é\u0301中文😀\x00İıſßΣσςЖ'"
    words = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))) for _ in range(3000)]
    words += ["a", "é", "😀", "😀😀😀😀😀", "«»", "x" * 200, "\x00", "中" * 7]
    words += list(dict.fromkeys(" ".join(_texts()).lower().split()))
    of, buckets = piece_buckets(words)
    assert _by_word(of, buckets, len(words)) == [list(_word_features(w)) for w in words]


def test_one_word_and_ascii_words() -> None:
    for word in ("gastritis", "ab", "x", "naïve", "🙂ok"):
        of, buckets = piece_buckets([word])
        assert buckets.tolist() == list(_word_features(word)) and not of.any()


def _batches() -> list[list[str]]:
    texts = _texts()
    rnd = random.Random(11)
    batches = [texts, texts[: len(texts) // 2], texts[::-1]]
    batches += [rnd.sample(texts, rnd.randint(5, 120)) for _ in range(25)]
    odd = ["a \x00 b", "x\x00y hospital", "\x00", "， 。", "、、、", "Σίσυφος ΟΔΟΣ", "İstanbul hastane"]
    batches += [odd * 2, odd + texts[:40], ["\n".join(texts[i : i + 9]) for i in range(0, 300, 9)]]
    batches += [["word " * (2 * WINDOW), "x" * (3 * WINDOW + 1), "。" * (WINDOW + 3), "ok fine", "a b"]]
    return batches


@pytest.mark.parametrize("capacity", [MEMO_WORDS, 40, 400])
def test_memo_never_changes_a_probability(capacity: int) -> None:
    """One classifier through many batches (its memo full and replaced often at the small
    capacities; batches of more distinct words than it holds) gives each batch exactly what a
    classifier that has seen nothing gives it."""
    model = NgramTopics.load()
    kept = _fresh(model, capacity)
    for batch in _batches() * 2:
        assert np.array_equal(kept.topics_many(batch), _fresh(model).topics_many(batch))


def test_nul_words_are_words_not_breaks() -> None:
    """A text with a NUL of its own is split window by window, and the word "\\x00" gets its own
    features, not the empty row the breaks between windows get: the definition, window by
    window."""
    model = NgramTopics.load()
    texts = ["\x00 \x00 hospital", "a \x00 b", "x\x00y", "\x00", "clinic visit today", "ok"]
    got = model.topics_many(texts)
    for t, row in zip(texts, got, strict=True):
        z = model.weights[features(t)].mean(axis=0, dtype=np.float64) + model.bias
        np.testing.assert_allclose(row, 1 / (1 + np.exp(-z)), atol=1e-6)
    assert not np.array_equal(got[0], model.topics_many(["hospital"] * 5)[0])


def test_threads_share_one_memo() -> None:
    """Six threads on one classifier with a memo of 60 words (replaced again and again while the
    others read it): every result as a fresh classifier's."""
    model = NgramTopics.load()
    shared = _fresh(model, 60)
    batches = _batches()
    want = [_fresh(model).topics_many(b) for b in batches]
    errors: list[str] = []

    def work(seed: int) -> None:
        order = list(range(len(batches))) * 2
        random.Random(seed).shuffle(order)
        for k in order:
            if not np.array_equal(shared.topics_many(batches[k]), want[k]):
                errors.append(f"batch {k}")

    threads = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
