"""Sensitive topics, measured on 42 hand-written items (tests/redact/data/topics.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors import topics
from demotrace.redact.detectors.topics import LEXICON, TopicClassifier

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


HELDOUT = Path(__file__).parent / "data" / "heldout"


def _corpus() -> list[str]:
    """Every held-out text, the topic items, and pages made of them (multi-line texts, lines
    that hold a term among many that do not)."""
    from demotrace.redact.evaluate import load_samples

    kinds = ("titles", "chat", "forms", "code", "letters")
    texts = [s.text for kind in kinds for s in load_samples(HELDOUT / f"{kind}.json")]
    texts += [str(t["text"]) for t in json.loads((HELDOUT / "topics.json").read_text())]
    texts += [str(c["text"]) for c in CASES]
    pages = ["\n".join(texts[i : i + 40]) for i in range(0, len(texts), 40)]
    return texts + pages


def test_lines_prefilter_gives_the_whole_text_decisions() -> None:
    """`topics_of_many` scores only the lines that hold a term or a technical sense; its decisions
    are those of scoring each text whole, on held-out texts, pages of them, and texts where a
    technical sense removed makes a term ("x-health-checkpain": "pain" only once "health-check"
    is gone) or where `re`'s case folding differs from `str.lower` (ſ, ı, İ)."""
    clf = TopicClassifier([*TOPICS, "religion"])
    tricky = [
        "doctor said x-health-checkpain",
        "x-health-checkill y-health-checkpain",
        "ſick leave until Friday",
        "DOCTOR İLL",
        "my wıfe and the dıvorce",
        "wife\nand the divorce papers",
        "wife\x00divorce",
        "religion\nreligions",
        "ab",
        "",
    ]
    texts = _corpus() + tricky
    whole = [clf._whole(t) if len(t) >= 3 else None for t in texts]
    assert sum(w is not None for w in whole) >= 40  # the corpus holds topics to find
    assert clf.topics_of_many(texts) == whole
    assert [clf.topic_of(t) for t in texts] == whole
    # texts with an unsafe character are scored whole, the others of their batch by lines
    batch = [*texts[:50], "ſick leave", "İll doctor", *texts[50:100]]
    assert clf.topics_of_many(batch) == [*whole[:50], "health", "health", *whole[50:100]]


def test_lines_with_terms_gives_the_lines_in_their_order() -> None:
    """Terms and technical senses are found in two passes; the lines come in the text's order,
    each once, and a term at the very start of a text or line is found."""
    clf = TopicClassifier(TOPICS)
    texts = ["font-family: serif\nnothing\nmy wife, my wife\nwife", "wife", "none", "x\nhusband"]
    assert clf._prefilter.lines_with_terms(texts) == {
        0: "font-family: serif\nmy wife, my wife\nwife",
        1: "wife",
        3: "husband",
    }


def test_texts_with_dotted_capital_i_beside_others() -> None:
    """ "İ" lowers to two characters: the texts that hold it are scored whole (re's case folding
    reads it as "i": "İLL" is "ill") and the others of the batch keep their offsets, whether the
    "İ" opens, closes or fills a text, next to texts whose terms start or end at the separator."""
    clf = TopicClassifier(TOPICS)
    texts = ["İ", "doctor İLL", "wife", "divorce", "İstanbul hospital visit İİ", "pain\nsick", "İ\n\nİ"]
    texts += ["wife İ divorce", "İ\ndivorce", "husband's custody", "İLL", "doctor\nİLL", "İLL\npatient", "ok"]
    batch = texts + texts[::-1] + ["\n".join(texts)]
    want = [clf._whole(t) if len(t) >= 3 else None for t in batch]
    assert clf.topics_of_many(batch) == want
    assert want.count("health") >= 4 and "family" in want


def test_terms_grouped_by_first_letter_match_as_the_lexicon_written() -> None:
    """The scoring regexes group each alternation by first character (`_by_first`); every
    strong, weak and technical regex finds the very matches the alternation as written finds, in
    order: longer terms before their prefixes ("anxiety disorder", "anxiety"), characters that
    case folding reads as a term's letter (ſ, ı, İ, the Kelvin sign), hyphens and digits."""
    tricky = "ſick KIDS kids ıll İLL anxiety disorder anxiety alzheimer's h-1b h1b i-485a self-harm"
    tricky += " self harm mri scan x-ray dr. Dr.X /health /healthz health-check Health Checks son of a"
    texts = [*_corpus(), tricky, tricky.upper(), tricky.replace(" ", "-"), tricky.replace(" ", "")]
    for strong, weak, tech in LEXICON.values():
        for written, grouped in (
            (re.compile(rf"(?<![\w-])(?:{strong})(?![\w-])", re.IGNORECASE), topics._rx(strong)),
            (re.compile(rf"(?<![\w-])(?:{weak})(?![\w-])", re.IGNORECASE), topics._rx(weak)),
            (re.compile(tech, re.IGNORECASE), re.compile(topics._by_first(tech), re.IGNORECASE)),
        ):
            assert grouped.pattern != written.pattern
            for t in texts:
                assert [m.span() for m in grouped.finditer(t)] == [m.span() for m in written.finditer(t)]


def test_alternations_not_plain_are_left_as_written() -> None:
    for alternation in (r"(?:a|b)c|d", "ſx|sy", r"a?b|c", r"\.x|y", "Ab|c", "é|e"):
        assert topics._by_first(alternation) == alternation
    assert topics._by_first("ab|cd|ae") == "a(?:b|e)|c(?:d)"


@pytest.mark.parametrize(
    "text",
    [
        "Their striker scored in the fourth minute of injury time to snatch a draw.",
        "The MP holds her constituency surgery every Friday morning at the library.",
        "Advice surgeries for tenants run on Tuesdays at the town hall.",
    ],
)
def test_sport_and_politics_senses_are_no_health(text: str) -> None:
    """Football's added time and an MP's surgery (meeting constituents) are technical senses."""
    assert TopicClassifier(["health"]).score(text, "health") < topics.THRESHOLD


def test_the_same_words_in_their_clinical_sense_still_count() -> None:
    clf = TopicClassifier(["health"])
    assert clf.topic_of("He needs knee surgery after the injury.") == "health"
    assert clf.topic_of("Surgery went fine, the injury time off work is six weeks.") == "health"
