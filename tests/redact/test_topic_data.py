"""The topic head's training data (`redact/train/topic_data.py`): every slot filled, labels as
meant, the same lines for the same seed, and no line shared with the held-out topic set."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

pytest.importorskip("faker")  # the trainer's extra (`make model`); the package itself does not need it

from demotrace.redact.train import topic_data as D

SLOT = re.compile(r"<\w+>")
HELDOUT = Path(__file__).parent / "data" / "heldout" / "topics.json"


def _lines(seed: int) -> list[tuple[str, set[str]]]:
    rng = random.Random(seed)
    out = []
    for lang in D.LANGS:
        for _ in range(60):
            for s in (
                D.health_line(lang, rng),
                D.topic_line("family", lang, rng),
                D.topic_line("immigration", lang, rng),
                D.hard_negative(lang, rng),
                D.ordinary_line(lang, rng),
            ):
                out.append((s.text, s.topics))
    for lang in D.REGISTER_LANGS:
        for _ in range(60):
            for s in (D.register_line(lang, rng), D.lookalike_line(lang, rng)):
                out.append((s.text, s.topics))
    return out


def test_every_slot_is_filled_and_topics_are_as_meant() -> None:
    lines = _lines(3)
    assert not [t for t, _ in lines if SLOT.search(t)]
    assert {frozenset(topics) for _, topics in lines} == {
        frozenset(),
        frozenset({"health"}),
        frozenset({"family"}),
        frozenset({"immigration"}),
    }
    assert len(D.LANGS) >= 7 and {"en", "es", "nl", "de", "fr", "it", "pt"} <= set(D.LANGS)
    assert {"ru", "ja", "zh", "pl", "sv", "tr"} <= set(D.REGISTER_LANGS)


def test_registers_compose_clinical_terms_in_each_spelling() -> None:
    """`<morph>` joins roots with the language's suffix spelling: what the head should read in a
    disease nobody listed."""
    from demotrace.redact.train.topic_registers import morph_terms

    assert "gastritis" in morph_terms("en") and "gastrite" in morph_terms("fr")
    assert "nephrektomie" in morph_terms("de") and "coloscopia" in morph_terms("es")
    rng = random.Random(1)
    reg = [D.register_line("es", rng).text for _ in range(200)]
    assert len(set(reg)) > 190


def test_same_seed_same_lines_and_many_distinct_ones() -> None:
    assert _lines(5) == _lines(5)
    health = {t for t, topics in _lines(5) if topics == {"health"}}
    assert len(health) > 0.9 * 60 * (
        len(D.LANGS) + len(D.REGISTER_LANGS)
    )  # composed, not a short list repeated


def test_no_held_out_line_is_in_the_training_data() -> None:
    held = {i["text"].strip().lower() for i in json.loads(HELDOUT.read_text(encoding="utf-8"))}
    assert not held & {t.strip().lower() for t, _ in _lines(7)}
