"""Sensitive topics, measured on 42 hand-written items (tests/redact/data/topics.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.topics import TopicClassifier

TOPICS = ["health", "immigration", "family"]
CASES = [
    json.loads(line) for line in (Path(__file__).parent / "data" / "topics.jsonl").read_text().splitlines()
]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_topic(case: dict[str, str | None]) -> None:
    # an item about two topics ("also") may be dropped under either
    assert TopicClassifier(TOPICS).topic_of(str(case["text"])) in (
        case["topic"],
        case.get("also", case["topic"]),
    )


def test_measure_precision_recall() -> None:
    clf = TopicClassifier(TOPICS)
    tp = sum(1 for c in CASES if c["topic"] and clf.topic_of(c["text"]) is not None)
    fp = sum(1 for c in CASES if not c["topic"] and clf.topic_of(c["text"]) is not None)
    pos = sum(1 for c in CASES if c["topic"])
    assert len(CASES) >= 40 and pos >= 20 and len(CASES) - pos >= 15
    assert tp / pos >= 0.9 and fp <= 1


def test_engine_drops_items_about_a_topic() -> None:
    r = TextRedactor(sensitive_topics=TOPICS).redact("USCIS case status: green card interview")
    assert r.dropped and r.text is None and r.reason == "sensitive_topic:immigration"
    assert not TextRedactor().redact("USCIS case status: green card interview").dropped


def test_unknown_topic_matches_its_name() -> None:
    clf = TopicClassifier(["religion"])
    assert clf.topic_of("a question about religion") == "religion"
    assert clf.topic_of("a question about cooking") is None
