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
BLIND = HELDOUT.with_name("topics_blind.json")
BLIND2 = HELDOUT.with_name("topics_blind2.json")


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
    for lang in D.TERM_LANGS:
        for _ in range(60):
            for s in (D.terms_line(lang, rng), D.counter_line(lang, rng), D.plain_line(lang, rng)):
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
    items = [i for f in (HELDOUT, BLIND, BLIND2) for i in json.loads(f.read_text(encoding="utf-8"))]
    held = {i["text"].strip().lower() for i in items}
    assert not held & {t.strip().lower() for t, _ in _lines(7)}


def test_term_tables_cover_eight_languages_with_their_counterfactuals() -> None:
    """Every language of `topic_terms_*` has frames, plain sentences and, for each slot its frames
    use, health fillers and counterfactual (no-health) fillers."""
    assert set(D.TERM_LANGS) == {"en", "es", "nl", "de", "fr", "it", "pt", "pl"}
    for lang in D.TERM_LANGS:
        slots = {m for f in D.TERMS[lang]["frames"] for m in SLOT.findall(f)}
        assert slots == {"<lay>", "<clin>", "<event>", "<admin>", "<spec>"}, (lang, slots)
        for slot in slots:
            assert len(D.TERMS[lang][slot[1:-1]]) >= 60 and len(D.COUNTER[lang][slot[1:-1]]) >= 60
        assert not set(D.TERMS[lang]["lay"]) & set(D.COUNTER[lang]["lay"])
        assert len(D.TERMS[lang]["plain"]) >= 60


def test_counterfactual_frames_hold_no_word_of_care() -> None:
    """A frame that says "doctor" or "Krankenhaus" outside its slot would teach that those words
    are no health when filled with a flat tyre: the counterfactual lines use each frame's
    rewritten wording ("zum Hausarzt" → another errand), and no word of care is left."""
    for lang in D.TERM_LANGS:
        frames = D.counter_frames(lang)
        assert len(frames) >= 0.7 * len(D.TERMS[lang]["frames"]), lang
        for f in frames:
            words = set(re.findall(r"\w+", SLOT.sub(" ", f).lower()))
            assert not words & D.CARE_WORDS, (lang, f)
    doctor = "Hi, ich bin morgen nicht da, muss wegen <lay> zum Hausarzt."
    assert doctor not in D.counter_frames("de") and D.COUNTER_FRAMES["de"][doctor] in D.counter_frames("de")
    for lang, written in D.COUNTER_FRAMES.items():
        for frame, counter in written.items():
            assert SLOT.findall(frame) == SLOT.findall(counter), (lang, frame, counter)


def test_word_bags_leave_out_the_positives_words_and_carry_function_words() -> None:
    from demotrace.redact.train.generate import Sample
    from demotrace.redact.train.topic_bags import FUNCTION_WORDS, word_bags

    positives = [
        Sample("fiebre tos cefalea", topics={"health"}),
        Sample("Koorts hoofdpijn", topics={"health"}),
    ]
    bags = word_bags(400, positives, random.Random(2))
    assert bags == word_bags(400, positives, random.Random(2)) and not any(b.topics for b in bags)
    words = {w.strip(".").lower() for b in bags for w in b.text.split()}
    assert not words & {"fiebre", "tos", "cefalea", "koorts", "hoofdpijn"}
    assert words & set(FUNCTION_WORDS["de"]) and words & set(FUNCTION_WORDS["pl"])
    assert all(3 <= len(b.text.split()) <= 14 for b in bags)


def test_glued_pairs_differ_only_in_the_frame() -> None:
    """An ordinary sentence glued to a health frame and, on the same side, to its counterfactual:
    the health line's label comes from the frame's words alone."""
    rng = random.Random(9)
    for _ in range(200):
        pos, neg = D.glued_pair(rng.choice(D.TERM_LANGS), rng)
        assert pos.topics == {"health"} and not neg.topics and pos.lang == neg.lang
        assert not SLOT.search(pos.text) and not SLOT.search(neg.text)
        same = _shared(pos.text, neg.text) + _shared(pos.text[::-1], neg.text[::-1])
        assert same >= 10, (pos.text, neg.text)  # the ordinary sentence is on the same side of both
    for lang in D.TERM_LANGS:
        assert len(D.frame_pairs(lang)) >= 0.7 * len(D.TERMS[lang]["frames"])


def _shared(a: str, b: str) -> int:
    """The length of `a` and `b`'s common prefix."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
