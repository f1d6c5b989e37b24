"""The decoder's array steps (`decoder._runs`, `decoder._whole_words`, run over all runs at once) against
plain per-run Python written from their definitions, on random texts and flags: spaces, hyphens,
apostrophes, digits, accented letters, ideographs, newlines and underscores at every position."""

from __future__ import annotations

import re

import numpy as np
import pytest

from demotrace.redact.model import decoder

ALPHABET = list("ab c-'d1 \n_é東\t")
WORD = re.compile(r"[^\W_\u2e80-\U0010ffff]")


def _runs_reference(text: str, flagged: list[bool]) -> list[tuple[int, int]]:
    out = []
    n, p = len(text), 0
    while p < n:
        joins = not flagged[p] and text[p] in " -'" and p + 1 < n and flagged[p + 1]
        if not (flagged[p] or joins):
            p += 1
            continue
        a = p
        while p < n and (flagged[p] or (text[p] in " -'" and p + 1 < n and flagged[p + 1])):
            p += 1
        i = a
        while i < p and (not flagged[i] or text[i].isspace()):
            i += 1
        if i < p:
            out.append((i, p))
    return out


def _whole_words_reference(text: str, i: int, j: int) -> tuple[int, int]:
    if WORD.match(text[i]):
        while i > 0 and WORD.match(text[i - 1]):
            i -= 1
    if WORD.match(text[j - 1]):
        while j < len(text) and WORD.match(text[j]):
            j += 1
    return i, j


@pytest.mark.parametrize("seed", range(20))
def test_runs_and_whole_words_match_their_definitions(seed: int) -> None:
    rng = np.random.default_rng(seed)
    text = "".join(rng.choice(ALPHABET, int(rng.integers(1, 400))))
    flagged = rng.random(len(text)) < rng.uniform(0.05, 0.9)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    i, j = decoder._runs(cps, flagged, np.flatnonzero(flagged))
    want = _runs_reference(text, flagged.tolist())
    assert list(zip(i.tolist(), j.tolist(), strict=True)) == want
    if want:
        s, e = decoder._whole_words(cps, i, j)
        got = list(zip(s.tolist(), e.tolist(), strict=True))
        assert got == [_whole_words_reference(text, a, b) for a, b in want]
