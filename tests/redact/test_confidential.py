from __future__ import annotations

import re

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.confidential import ConfidentialTerms, term_regex

RED = TextRedactor(confidential_terms=["Project Nightingale", "Falcon-9X"])


@pytest.mark.parametrize(
    "text",
    [
        "Kickoff: Project Nightingale",
        "project nightingale roadmap",
        "PROJECT-NIGHTINGALE.docx",
        "ProjectNightingale launch",
        "project_nightingale / specs",
        "Project   Nightingale",
        "falcon 9x benchmarks",
        "FALCON9X",
    ],
)
def test_confidential_term_drops_the_item(text: str) -> None:
    r = RED.redact(text)
    assert r.dropped and r.text is None and r.reason == "confidential_term"
    assert [f.kind for f in r.findings] == ["CONFIDENTIAL"]


@pytest.mark.parametrize(
    "text", ["Nightingale sang", "Project plan", "nightingales of Project X", "falcon 9"]
)
def test_near_misses_pass(text: str) -> None:
    assert not RED.redact(text).dropped


def test_finding_offsets_point_into_the_original() -> None:
    text = "see ProjectNightingale now"
    (f,) = RED.redact(text).findings
    assert text[f.start : f.end] == "ProjectNightingale"


def test_find_many_gives_each_texts_own_findings() -> None:
    """One pass over a batch: each text's findings on its own offsets, none across two texts."""
    c = ConfidentialTerms(["Project Nightingale", "Bluebird"])
    texts = [
        "Project",
        "Nightingale",
        "the project-nightingale repo",
        "",
        "x bluebird y BLUEBIRD",
        "Project\nNightingale",
    ]
    assert c.find_many(texts) == [c.find(t) for t in texts]
    assert [len(f) for f in c.find_many(texts)] == [0, 0, 1, 0, 2, 1]


@pytest.mark.parametrize("term", ["Project Nightingale", "X", "a.b c", "Kelvin", "sigma", "İstanbul Ops"])
def test_the_word_start_checked_behind_the_first_character_is_a_word_start(term: str) -> None:
    """`term_regex` checks the word start after the term's first character; the matches are those
    of the look-behind written first."""
    new = re.compile(term_regex(term), re.IGNORECASE)
    first = re.escape(re.findall(r"\w", term)[0])
    old = re.compile(r"(?<!\w)" + first + new.pattern.split(")", 1)[1], re.IGNORECASE)
    assert old.pattern != new.pattern
    spaced = " ".join(term)
    texts = [term, f"x{term}", f"-{term}-", f"{term.upper()}!", f"_{term.lower()}", spaced, f"\u212a{spaced}"]
    texts += [t.replace("s", "\u017f").replace("k", "\u212a") for t in texts]
    hits = 0
    for t in texts:
        want = [m.span() for m in old.finditer(t)]
        assert [m.span() for m in new.finditer(t)] == want, t
        hits += bool(want)
    assert hits >= 4
