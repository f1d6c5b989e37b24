"""The triggers' needles (`_needles`): every match of a trigger holds one of its needles, and a
batch searched for the needles first finds the same texts as the plain search, on the corpora
of the trigger tests, the bench pages and texts made to break the lower-casing (ſ, İ, ı, K)."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from demotrace.redact import registry
from demotrace.redact.detectors._base import _UNFOLDED, NEEDLE_SCAN_CHARS, TextBatch, _patterns, triggered
from demotrace.redact.detectors._needles import needles

from .helpers import batch_corpus
from .regex_words import OTHER, words

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import bench_redact

TRIGGERS = [
    (d.name, t, attr == "lower_trigger")
    for d in registry.build([n for n in registry.names() if n != "model"])
    for attr in ("trigger", "lower_trigger")
    for t in _patterns(getattr(d, attr))
]


def test_needles_of_regex_shapes() -> None:
    assert needles(re.compile(r"\b(?i:pass(?:word)?|token)\b")) == {"pass", "token"}
    assert needles(re.compile(r"c[óo]digo")) == {"código", "codigo"}
    assert needles(re.compile(r"wi-?fi[ \t]+\d")) == {"wifi", "wi-fi"}
    assert needles(re.compile(r"(?:accepted|failed) (?:password|none)")) == {
        "accepted password", "accepted none", "failed password", "failed none",
    }  # fmt: skip
    assert needles(re.compile(r"key[\"']?\]?[ \t]*=")) == {"key"}
    # `_lead.led`'s shape: a class of first letters, then each word's rest behind its letter
    led = r"[hcHC](?<!\w[\s\S])(?:(?<=(?i:h))(?i:ello\b)|(?<=(?i:c))(?i:heers\b))"
    assert needles(re.compile(led)) == {"hello", "cheers"}
    # a text that holds "passport" holds "pass": the longer one is not searched for
    assert needles(re.compile(r"pass|passport")) == {"pass"}


@pytest.mark.parametrize(
    "rx",
    [r"\d{6}", r"[a-z]{3,}", r"hi|hello", r"in[ \t]+x", r"(?:abc)?\d", r"\w+@\w+", "ΣΑΣ", r"a.c"],
)
def test_no_needles_where_a_match_need_hold_none(rx: str) -> None:
    assert needles(re.compile(rx)) is None


def test_every_string_a_trigger_matches_holds_a_needle() -> None:
    """Each trigger with needles, written out (`regex_words.words`: look-arounds read as nothing, a
    wide class as a stand-in, here a space, a letter or a digit): every string it matches holds
    one of its needles, lower-cased (but for one with "ſ", "ı" or "İ", which a batch searches as
    it is: `TextBatch.unlowered`)."""
    checked = 0
    for name, trigger, _ in TRIGGERS:
        found = None if isinstance(trigger, str) else needles(trigger)
        if found is None:
            continue
        try:
            strings = words(trigger.pattern)
        except ValueError:  # too many to write out
            continue
        matched = [s for c in " a1" for s in (w.replace(OTHER, c) for w in strings) if trigger.search(s)]
        for s in matched:
            assert _UNFOLDED.search(s) or any(n in s.lower() for n in found), (name, trigger.pattern, s)
        checked += bool(matched)
    assert checked >= 10


def _tricky(texts: list[str], seed: int) -> list[str]:
    """Texts with their letters swapped, here and there, for one `re` folds alike and `str.lower`
    does not (ſ for s, K for k, ı and İ for i) or that changes case."""
    rng = random.Random(seed)
    swaps = {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ"}
    out = []
    for t in texts:
        if rng.random() < 0.2:
            t = "".join(swaps.get(c, c) if rng.random() < 0.3 else c for c in t)
        elif rng.random() < 0.3:
            t = t.swapcase()
        out.append(t)
    return out


def _batches(shared_dir: Path) -> list[list[str]]:
    corpus = batch_corpus(shared_dir)
    rng = random.Random(7)
    rng.shuffle(corpus)
    out = [bench_redact.prose_page()[:3000], bench_redact.distinct_page()[:3000]]
    out += [corpus[i : i + 300] for i in range(0, len(corpus), 300)]
    out += [_tricky(b, k) for k, b in enumerate(out[2:8])]
    return [b for b in out if len(TextBatch(b).joined) >= NEEDLE_SCAN_CHARS]


def test_the_scan_finds_the_texts_the_plain_search_finds(shared_dir: Path) -> None:
    batches = _batches(shared_dir)
    assert len(batches) >= 10
    for texts in batches:
        batch = TextBatch(texts)  # one batch for every trigger: the scan's hits are shared
        for name, trigger, lowered in TRIGGERS:
            plain = triggered(trigger, TextBatch(texts), lowered=lowered, scan=False)
            assert triggered(trigger, batch, lowered=lowered) == plain, (name, trigger)


def test_the_scan_is_used_where_needles_are_rare() -> None:
    """Not a test that cannot fail: on prose, most triggers with needles leave the plain search
    (`needled` gives a list, not None), so the scan is what runs."""
    from demotrace.redact.detectors._base import needled

    batch = TextBatch(bench_redact.prose_page()[:3000])
    scanned = [t for _, t, low in TRIGGERS if needled(t, batch, low) is not None]
    assert len(scanned) >= 20
