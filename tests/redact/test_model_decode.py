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


def _widen_reference(text: str, s: int, e: int, private: list[float], cut: float) -> tuple[int, int]:
    stop = decoder._TOKEN_STOP
    while s > 0 and private[s - 1] >= cut and text[s - 1] not in stop and text[s] not in stop:
        s -= 1
    while e < len(text) and private[e] >= cut and text[e] not in stop and text[e - 1] not in stop:
        e += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in "!#$%&*+=?@^_~/":
        e -= 1
    while s < e and text[s] in " \t\n\r,;:'\"(":
        s += 1
    return s, e


@pytest.mark.parametrize("seed", range(10))
def test_tokens_widen_within_their_stretch_as_over_the_whole_text(seed: int) -> None:
    """`decode` hands `_widen` only the probabilities between the token stops around a run."""
    rng = np.random.default_rng(seed)
    text = "".join(rng.choice([*ALPHABET, "=", ":", "/", '"', "{", "}", "."], 300))
    private = rng.random(len(text)).astype(np.float32)
    stops = [p for p, c in enumerate(text) if c in decoder._TOKEN_STOP]
    for a in range(0, len(text) - 3, 7):
        b = a + int(rng.integers(1, 4))
        lo = max([p + 1 for p in stops if p < a], default=0)
        hi = min([p for p in stops if p >= b], default=len(text))
        cut = float(rng.uniform(0.1, 0.6))
        local = private[lo:hi].tolist()
        assert decoder._widen(text, a, b, local, lo, cut) == _widen_reference(
            text, a, b, private.tolist(), cut
        )


LABELS = ("O", "PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "USERNAME", "SECRET")


def _probs(text: str, parts: list[tuple[int, int, int, float]]) -> np.ndarray:
    """Probabilities for `text`: O everywhere but on [start, end) of each of `parts` (start, end,
    label id, P(label)), where the rest of the mass is on O."""
    p = np.zeros((len(text), len(LABELS)), dtype=np.float32)
    p[:, 0] = 1.0
    for a, b, label, prob in parts:
        p[a:b, label] = prob
        p[a:b, 0] = 1.0 - prob
    return p


@pytest.mark.parametrize(("space", "bridged"), [(0.75, True), (0.2, False)])
def test_a_name_read_half_as_an_address_leaves_no_gap(space: float, bridged: bool) -> None:
    """Two word spans of other kinds one space apart are joined across it when the model finds the
    space itself somewhat private (≥ WIDEN x threshold), as on "Marieke van der Sluis, Postbus
    12345"; two entities with a plainly public space between them stay apart."""
    text = "from Marieke van der Sluis, Postbus 12345 today"
    name, rest = text.index("Marieke"), text.index("van")
    end = text.index(" today")
    # as the model read it: "Marieke" a name, the space and the "v" of "van" below the threshold,
    # "an" a name again and the rest an address (one run from "an": mostly address)
    probs = _probs(
        text,
        [
            (name, rest - 1, 1, 0.99),
            (rest - 1, rest, 1, space),
            (rest, rest + 1, 1, 0.85),
            (rest + 1, rest + 3, 1, 0.99),
            (rest + 3, end, 2, 0.99),
        ],
    )
    spans = decoder.decode(text, probs, LABELS, {}, 0.9)
    assert [(s.kind, s.start) for s in spans] == [("PERSON", name), ("STREET_ADDRESS", rest)]
    assert spans[0].end == (rest if bridged else rest - 1)
    assert spans[1].end == end
