"""Each rule's `trigger` (issue 11: `detect_many` calls `detect` only on the texts of a batch that
hold one) is a necessary condition of its spans: on the held-out texts, the presidio fixture and
their lines, as they are and lower- and upper-cased, a text without the trigger gets no span, and
`detect_many` gives what `detect` gives text by text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from demotrace.redact import registry
from demotrace.redact.detectors._base import Detector, Span, triggered
from demotrace.redact.evaluate import load_samples

DATA = Path(__file__).parent / "data"
WITH_TRIGGER = [n for n in registry.names() if n != "model" and registry.build([n])[0].trigger is not None]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    out: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        out += [s.text for s in load_samples(DATA / "heldout" / f"{kind}.json")]
    fixture = shared_dir / "fixtures" / "presidio-research" / "generated_small.json"
    out += [s.text for s in load_samples(fixture)]
    lines = [line for t in out for line in t.split("\n")]
    return out + lines + [t.lower() for t in out] + [t.upper() for t in out]


def test_most_rules_have_a_trigger() -> None:
    assert {"email", "phone", "secrets", "iban", "ip", "credit_card"} <= set(WITH_TRIGGER)


@pytest.mark.parametrize("name", WITH_TRIGGER)
def test_a_text_without_the_trigger_has_no_span(name: str, texts: list[str]) -> None:
    (det,) = registry.build([name])
    assert det.trigger is not None
    found = 0
    for t in texts:
        spans = list(det.detect(t))
        found += bool(spans)
        if spans:
            assert det.trigger.search(t), (name, t[:200])
    assert found  # the corpus holds this kind: the check above was not vacuous


@pytest.mark.parametrize("name", WITH_TRIGGER)
def test_detect_many_is_detect_per_text(name: str, texts: list[str]) -> None:
    (det,) = registry.build([name])
    assert det.detect_many(texts) == [list(det.detect(t)) for t in texts]


def test_triggered_finds_each_text_at_the_edges_of_the_batch() -> None:
    trig = re.compile(r"\bab\b")
    texts = ["ab", "xab", "ab\nab", "", "c ab", "abx", "ab"]
    assert triggered(trig, texts) == [0, 2, 4, 6]
    assert triggered(trig, []) == []


def test_a_trigger_that_misses_spans_shows_in_detect_many() -> None:
    """What the tests above guard against: `detect_many` skips a text the trigger misses."""

    class Digits(Detector):
        name = "digits"
        trigger = re.compile("x")

        def detect(self, text: str) -> list[Span]:
            return [Span("D", m.start(), m.end()) for m in re.finditer(r"\d", text)]

    assert Digits().detect_many(["1 x", "2"]) == [[Span("D", 0, 1)], []]
