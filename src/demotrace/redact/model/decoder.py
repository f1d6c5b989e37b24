"""Private spans from per-character label probabilities: `decode`, shared by `CharModel` and the
threshold tuning (`train/fit.py`).

Characters whose private probability passes their kind's threshold are grouped into runs; names,
addresses and ids are widened to whole words (all runs at once, with array operations), secrets
and usernames to whole tokens (one by one: they are few). Spans and scores are those of the
per-run Python decoder this replaced (tests/redact/test_model_decode.py checks the array steps
against their definitions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

WIDEN = 0.3  # a neighbour joins a span when its private probability is ≥ 0.3 x the threshold
HALF = 0.5  # a name/address/id word is kept whole when half its characters pass, else dropped
# a word character of `_whole_words`: str.isalnum() below U+2E80 (ideographs are words of their own)
_WORD_CHAR = re.compile(r"[^\W_\u2e80-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class ModelSpan:
    kind: str
    start: int
    end: int
    score: float


_WORD_KINDS = frozenset({"PERSON", "STREET_ADDRESS", "ACCOUNT_ID"})
_TOKEN_STOP = frozenset(" \t\n\r\"'`<>()[]{},;|")
_VALUE_STOP = frozenset("=:@/?&.")
_STOPS = _TOKEN_STOP | _VALUE_STOP
_STOP_CHARS = np.array([chr(c) in _TOKEN_STOP for c in range(128)], dtype=np.bool_)


def decode(
    text: str,
    probs: npt.NDArray[np.float32],
    labels: Sequence[str],
    thresholds: dict[str, float],
    default: float,
    table: npt.NDArray[np.float32] | None = None,
) -> list[ModelSpan]:
    """Characters whose private probability passes their kind's threshold, grouped into spans,
    widened to whole words (names, addresses, ids) or whole tokens (secrets, usernames).
    `table`: the threshold of each label, by label id (computed from `thresholds` if not given).

    Runs of names, addresses and ids (nearly all of them) are widened and checked with array
    operations over all runs at once; tokens one by one (`_widen`, `_token`)."""
    if table is None:
        table = np.array([thresholds.get(lab, default) for lab in labels], dtype=np.float32)
    private = 1.0 - probs[:, 0]
    best = _argmax_rows(probs[:, 1:]) + 1
    limit = table[best]
    flagged = private >= limit
    out: list[ModelSpan] = []
    if not flagged.any():
        return out
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    marked = np.flatnonzero(flagged)  # positions of the flagged characters
    i, j = _runs(cps, flagged, marked)
    if not len(i):
        return out
    # each run's private probability summed per label (np.bincount(weights=…) per run, in one call),
    # on the runs' characters alone, packed: the same sums of the same numbers in the same order
    lengths = j - i
    at = np.repeat(i - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
    p64, b_ = private[at].astype(np.float64), best[at]
    offsets = np.cumsum(lengths) - lengths
    per_label = [np.add.reduceat(np.where(b_ == k, p64, 0.0), offsets) for k in range(len(labels))]
    kinds = np.stack(per_label, axis=1).argmax(axis=1)  # ties: the lowest label, as before
    sums = np.concatenate(([0.0], np.cumsum(private, dtype=np.float64)))  # span means
    scores = (sums[j] - sums[i]) / (j - i)  # private[i:j].mean(), in float64
    word = np.isin(kinds, [k for k, lab in enumerate(labels) if lab in _WORD_KINDS])
    s, e = _whole_words(cps, i, j)
    flagged_in = np.searchsorted(marked, e) - np.searchsorted(marked, s)
    keep = ~word | (flagged_in >= HALF * (e - s))  # half the word's characters flagged
    tokens = np.flatnonzero(~word)
    if len(tokens):  # tokens: widened one by one, each over its own stretch between token stops
        stops = np.flatnonzero(_lookup(_STOP_CHARS, cps))
        lows = np.concatenate(([-1], stops))[np.searchsorted(stops, i[tokens])] + 1
        highs = np.append(stops, len(cps))[np.searchsorted(stops, j[tokens])]
        for k, lo, hi in zip(tokens.tolist(), lows.tolist(), highs.tolist(), strict=True):
            a, b = int(i[k]), int(j[k])
            cut = float(np.float32(limit[a:b].min() * WIDEN))
            ts, te = _widen(text, a, b, private[lo:hi].tolist(), lo, cut)
            s[k], e[k] = ts, te
            ts, te = _token(text, ts, te)
            keep[k] = int(np.searchsorted(marked, te) - np.searchsorted(marked, ts)) >= HALF * (te - ts)
    rows = np.flatnonzero(keep)
    for k, a, b, score in zip(
        kinds[rows].tolist(), s[rows].tolist(), e[rows].tolist(), scores[rows].tolist(), strict=False
    ):
        kind = labels[k]
        if out and out[-1].kind == kind and a <= out[-1].end + 2:
            last = out.pop()
            a, score = last.start, max(score, last.score)
        elif out and a == out[-1].end + 1 and _bridged(text, a - 1, private, limit, out[-1].kind, kind):
            last = out.pop()  # "Marieke van der Sluis" read as a name, then an address: no gap
            out.append(ModelSpan(last.kind, last.start, a, last.score))
        out.append(ModelSpan(kind, a, b, score))
    return [sp for sp in out if sp.end - sp.start >= 2]


def _bridged(
    text: str,
    at: int,
    private: npt.NDArray[np.float32],
    limit: npt.NDArray[np.float32],
    left: str,
    right: str,
) -> bool:
    """The one space or hyphen at `at` between a name, address or id span and one of another of
    those kinds belongs to them when the model finds it at least somewhat private (`WIDEN` x its
    threshold, as `_widen` grows tokens): the model can change its mind about the kind inside one
    stretch ("Marieke" a name, "van der Sluis, Postbus 12345" an address), and a space left
    between the two would split a name that was caught whole."""
    return (
        left in _WORD_KINDS
        and right in _WORD_KINDS
        and text[at] in " -"
        and float(private[at]) >= float(limit[at]) * WIDEN
    )


def _runs(
    cps: npt.NDArray[np.uint32], flagged: npt.NDArray[np.bool_], marked: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], ...]:
    """([i …], [j …]): [i, j) of each run of flagged characters (`cps`: the text's code points,
    `marked`: where `flagged` is true), joined across one space, hyphen or apostrophe before a
    flagged one, starting at its first flagged character that is not whitespace."""
    after = np.zeros_like(flagged)
    after[:-1] = flagged[1:]
    joined = flagged | (((cps == 32) | (cps == 45) | (cps == 39)) & after)
    edges = np.flatnonzero(np.diff(joined.view(np.int8), prepend=np.int8(0), append=np.int8(0)))
    a, b = edges[0::2], edges[1::2]
    good = marked[~_lookup(_SPACE, cps[marked])]  # flagged and not whitespace
    first = np.searchsorted(good, a)  # the first good position at or after each run's start
    i = np.append(good, len(cps))[first]
    ok = i < b
    return i[ok], b[ok]


def _lookup(table: npt.NDArray[np.bool_], cps: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    """`table[cp]` for each code point, False past the table."""
    inside = cps < len(table)
    return table[np.where(inside, cps, 0)] & inside


def _class_table(pattern: str, size: int) -> npt.NDArray[np.bool_]:
    test = re.compile(pattern)
    return np.array([bool(test.match(chr(c))) for c in range(size)], dtype=np.bool_)


# whitespace (str.isspace: none past U+3000) and `_WORD_CHAR` (none from U+2E80), by code point
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)], dtype=np.bool_)
_WORDS = _class_table(_WORD_CHAR.pattern, 0x2E80)


def _argmax_rows(p: npt.NDArray[np.float32]) -> npt.NDArray[np.intp]:
    """`p.argmax(axis=1)` (the first column of the largest value), column by column: numpy's
    argmax along short rows of a strided array costs ~10x more on page-sized text."""
    best = np.zeros(len(p), dtype=np.intp)
    top = p[:, 0].copy()
    for j in range(1, p.shape[1]):
        col = p[:, j]
        best[col > top] = j
        np.maximum(top, col, out=top)
    return best


def _whole_words(
    cps: npt.NDArray[np.uint32], i: npt.NDArray[np.intp], j: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Each [i, j) grown to whole words (letters and digits; an ideograph is a word of its own):
    `i` back to the start of the word it is in, `j` on to the end of the word of `j - 1`."""
    word = _lookup(_WORDS, cps)
    # where each stretch of word / non-word characters starts (0 included)
    changes = np.flatnonzero(np.diff(word.view(np.int8), prepend=np.int8(not word[0])))
    stretch = np.append(changes, len(cps))
    start = stretch[np.searchsorted(changes, i, side="right") - 1]
    end = stretch[np.searchsorted(changes, j - 1, side="right")]
    return np.where(word[i], start, i), np.where(word[j - 1], end, j)


def _token(text: str, s: int, e: int) -> tuple[int, int]:
    """The piece of the token around [s, e), between separators that split keys from values."""
    stops = _STOPS
    while s > 0 and text[s - 1] not in stops:
        s -= 1
    while e < len(text) and text[e] not in stops:
        e += 1
    return s, e


def _widen(text: str, s: int, e: int, private: Sequence[float], lo: int, cut: float) -> tuple[int, int]:
    """Grow a token span over neighbours whose private probability is at least `cut` (the model
    finds them at least somewhat likely), then trim separators off the ends. `private[p - lo]`:
    the probability at p, for p from `lo` (after the last token stop before s) to the first token
    stop from e (it never grows across one)."""
    stop = _TOKEN_STOP
    while s > 0 and text[s - 1] not in stop and text[s] not in stop and private[s - 1 - lo] >= cut:
        s -= 1
    while e < len(text) and text[e] not in stop and text[e - 1] not in stop and private[e - lo] >= cut:
        e += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in "!#$%&*+=?@^_~/":
        e -= 1
    while s < e and text[s] in " \t\n\r,;:'\"(":
        s += 1
    return s, e
