from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.confidential import ConfidentialTerms

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
