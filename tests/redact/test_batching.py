"""The batched path (`TextRedactor.redact_many`, `CharModel.spans_many`) gives what the texts give one
by one: same redacted text, same findings, same drops; a failing detector still drops only its item."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors._base import Detector, Span
from demotrace.redact.evaluate import load_samples
from demotrace.redact.model import CharModel, derive
from demotrace.redact.model import tagger as tagger_mod
from demotrace.redact.registry import build

HELDOUT = Path(__file__).parent / "data" / "heldout"


def _corpus() -> list[str]:
    texts: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        texts += [s.text for s in load_samples(HELDOUT / f"{kind}.json")]
    rnd = random.Random(5)
    page = "\n".join(rnd.choice(texts) for _ in range(120))  # longer than several model windows
    edge = ["", " ", "----", "!!! ???", "\n\n", "ok", "Anna", "x" * (tagger_mod.WINDOW + 200)]
    return [*texts, page, page[: tagger_mod.WINDOW + 2 * tagger_mod.OVERLAP + 1], *edge]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return _corpus()


def _key(spans: Iterable[tagger_mod.ModelSpan]) -> list[tuple[str, int, int]]:
    return [(s.kind, s.start, s.end) for s in spans]


def test_the_derived_tagger_matches_the_shipped_model() -> None:
    """charmodel_tags.onnx is derived from this charmodel.onnx (else: python -m
    demotrace.redact.model.derive); without it the model still works, one piece per call."""
    assert derive.DERIVED.exists(), "charmodel_tags.onnx is missing"
    assert CharModel.load().batched, f"charmodel_tags.onnx is stale: source {derive.sha256(derive.SOURCE)}"


def test_model_spans_in_batches_equal_spans_one_by_one(corpus: list[str]) -> None:
    model = CharModel.load()
    batched = model.spans_many(corpus)
    alone = [model.spans(t) for t in corpus]
    assert [_key(b) for b in batched] == [_key(a) for a in alone]
    assert sum(map(len, batched)) > 200  # the corpus has private spans to agree on


def test_padding_in_a_batch_does_not_change_a_short_text() -> None:
    """A short text batched with much longer ones reads zeros past its end, as it does alone."""
    model = CharModel.load()
    short = "Thanks Priya Raman, see you at 12 Baker Street"
    alone = model._tags_many([short])[0]
    beside = model._tags_many(["filler words " * 60, short, "z" * 700])[1]
    assert float(abs(alone - beside).max()) < 1e-4
    assert _key(model.spans_many(["filler words " * 60, short])[1]) == _key(model.spans(short))


def test_redact_many_equals_redact_one_by_one(corpus: list[str]) -> None:
    r = TextRedactor(sensitive_topics=["health"], confidential_terms=["Project Nightingale"])
    texts = [*corpus, "notes on Project Nightingale", "my chemotherapy starts on Monday"]
    many = r.redact_many(texts)
    one = [r.redact(t) for t in texts]
    assert many == one
    assert any(x.dropped for x in many) and any(x.findings for x in many)


def test_repeated_texts_are_redacted_once_and_counted_each_time() -> None:
    """A page's repeated lines (menus, footers) share one result; drops still count per item."""
    calls: list[str] = []

    class Recording(Detector):
        name = "recording"

        def detect(self, text: str) -> Iterable[Span]:
            calls.append(text)
            return [Span("PERSON", 0, 4)] if text.startswith("Anna") else []

    r = TextRedactor(detectors=[Recording()], sensitive_topics=["health"], topic_model=False)
    texts = ["Anna wrote", "menu", "my chemotherapy starts", "menu", "Anna wrote", "my chemotherapy starts"]
    many = r.redact_many(texts)
    assert calls == ["Anna wrote", "menu"]  # each distinct text once (the drop before any detector)
    assert many == [r.redact(t) for t in texts]
    assert many[0].text == "[PERSON] wrote" and many[2].dropped
    assert r.dropped.counts == {"sensitive_topic:health": 4}  # 2 in the batch + 2 one by one


class BoomOn(Detector):
    name = "boom_on"

    def detect(self, text: str) -> Iterable[Span]:
        if "boom" in text:
            raise RuntimeError("broken")
        return []


def test_a_failing_detector_in_a_batch_drops_only_its_item() -> None:
    r = TextRedactor(detectors=[*build(["email"]), BoomOn()])
    out = r.redact_many(["mail a@example.com", "boom here", "plain"])
    assert out[0].text == "mail [EMAIL]"
    assert out[1].dropped and out[1].reason == "detector_failed:boom_on"
    assert out[2].text == "plain" and not out[2].dropped


def test_the_garbage_collector_is_paused_for_a_page_and_restored() -> None:
    """A batch or a text runs with the cyclic collector off (it walked every live object of the
    process for nothing, and a pass inside one detector's call could put it past its time budget
    and drop a short text); after it, even after a detector failed, the collector is as it was: on
    when it was on, off when the caller had turned it off."""
    import gc

    seen: list[bool] = []

    class Watch(Detector):
        name = "watch"

        def detect(self, text: str) -> Iterable[Span]:
            seen.append(gc.isenabled())
            if "boom" in text:
                raise RuntimeError("broken")
            return []

    r = TextRedactor(detectors=[Watch()])
    assert gc.isenabled()
    r.redact_many(["a", "b", "boom"])
    r.redact("long " * 3000)
    r.redact("short")
    assert gc.isenabled()
    assert seen[:2] == [False, False] and seen[-2:] == [False, False]
    gc.disable()
    try:
        r.redact_many(["a", "b"])
        assert not gc.isenabled()
    finally:
        gc.enable()
