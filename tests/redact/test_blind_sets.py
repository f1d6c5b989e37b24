"""Six sets written blind in the twenty-second pass (issue 11) by other sessions that read nothing
of the repository, each measured once with the tree as it stood, then read and their kinds of
failure fixed (docs/MODEL_CARD.md): so they are no longer blind (but `topics_blind6` and
`english_synth_blind`, never read), and these tests guard the figures after. The first
measurement is in each docstring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import coverage, secret_figures

HELDOUT = Path(__file__).parent / "data" / "heldout"


def _items(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((HELDOUT / name).read_text(encoding="utf-8"))
    return items


def test_health_topic_on_a_sixth_blind_set() -> None:
    """`topics_blind6.json`: 160 health lines (96 clinical, 64 personal, many written indirectly:
    "they moved my scan again") and 120 without (48 about health care, 72 ordinary), 35 per
    language in es, nl, en, de, fr, it, pt, pl. Measured once with the classifier the pass began
    with: 127/160 (79.4 %) dropped, personal lines 36/64; 5/120 (4.2 %) other lines dropped. It
    was not read; the pass then trained on 4,110 more written lines (none of its own): 139
    (86.9 %; clinical 92/96), 3 (2.5 %). The twenty-third pass's classifier (family and
    immigration lines, per-topic thresholds, three epochs): 134 (83.8 %; clinical 91/96), 2
    (1.7 %). The twenty-fourth's (3,679 more written lines, health's share of flagged validation
    lines 1 → 1.3 %): 137 (85.6 %; clinical 90/96), 3 (2.5 %: two ordinary, one about health
    care). The twenty-fifth's (720 family lines; health's share 1.5 %): 138 (86.2 %), 4 (3.3 %:
    two of 72 ordinary, two of 48 about health care). The health goal (≥ 90 %) is not met on
    personal lines."""
    items = _items("topics_blind6.json")
    out = TextRedactor(sensitive_topics=["health"]).redact_many([i["text"] for i in items])
    health = [
        o.reason == "sensitive_topic:health"
        for i, o in zip(items, out, strict=True)
        if i["topic"] == "health"
    ]
    other = [o.dropped for i, o in zip(items, out, strict=True) if i["topic"] == "none"]
    assert len(health) == 160 and len(other) == 120
    assert sum(health) >= 138, sum(health)
    assert sum(other) <= 4, sum(other)


def test_window_titles_written_blind() -> None:
    """`titles_blind.json`: 140 window titles with private data and 60 harmless ones (e-mail, chat,
    CRM, banking, HR, EHR, terminals, file names; 100 English, 20 each in es, de, fr, nl, pl).
    Measured once: every private span caught in 127/140 (90.7 %), 5/60 harmless titles touched;
    after names glued in file names, GitHub's profile title and "Surname, First" before a title's
    separator: 135/140 (96.4 %), 5/60; a brand of two names joined by "&" and a route's stops
    beside an arrow: 3/60 (the goal: ≥ 90 %, ≤ 3 of 15)."""
    red = TextRedactor()
    caught = touched = 0
    for item in _items("titles_blind.json"):
        cov = coverage(item["full_text"], red)
        spans = [(s["start_position"], s["end_position"]) for s in item["spans"]]
        if spans:
            caught += all(sum(cov[a:b]) >= 0.9 * (b - a) for a, b in spans)
        else:
            touched += any(cov)
    assert caught >= 135, caught
    assert touched <= 3, touched


def test_secrets_in_code_written_blind() -> None:
    """`secrets_blind.json`: 240 snippets (Python, JavaScript, config, shell, other languages,
    logs), 90 clean but tempting (hashes, placeholders, public keys, image bytes, regexes of a
    password policy, a secret store's reference). Measured once: 97.3 % of secret characters
    caught, 39/90 (43 %) clean snippets touched; after `_code_shapes` and the secrets rule's value
    checks: 97.3 %, 12/90 (13 %; the goal: ≥ 90 %, ≤ 15 %)."""
    share, touched, clean = secret_figures(_items("secrets_blind.json"), TextRedactor())
    assert clean == 90
    assert share >= 0.97, share
    assert touched <= 12, touched


def test_a_fifth_english_set_written_blind() -> None:
    """`english_blind5.json`: 240 English texts (SMS threads, support tickets, school letters,
    travel bookings, property listings, legal letters, job applications, developer chat; 40 with
    no private entity, and those label nothing, not even places). Measured once: R 0.943 / P
    0.837 (the tree the pass began with: 0.943 / 0.837); after its misses were read (chat
    nicknames, message lines taken into an address, codes of lockboxes, months, labels, plain
    words as logins, profile URLs, a login in brackets after its owner's name): R 0.953 / P 0.867.
    Below the goal (R ≥ 0.97 at P ≥ 0.92)."""
    en = evaluate(load_samples(HELDOUT / "english_blind5.json"), TextRedactor())["overall"]
    assert en["recall"] >= 0.95 and en["precision"] >= 0.865, en


def test_spanish_and_dutch_clinical_lines_written_blind() -> None:
    """`clinical_blind2.json`: 130 Spanish and 110 Dutch clinical lines (case reports, discharge
    and referral letters, nursing notes; 65 with no personal data). Measured once: es R 0.976 /
    P 0.900, nl R 0.967 / P 0.883; after Latin America's id numbers, a record's labels kept from
    the chat-speaker rule and lab values kept from the model: es 0.994 / 0.933, nl 0.967 / 0.926
    (the goal: es ≥ 0.90, nl ≥ 0.85 at P ≥ 0.80)."""
    langs = evaluate(load_samples(HELDOUT / "clinical_blind2.json"), TextRedactor())["languages"]
    assert langs["es"]["recall"] >= 0.99 and langs["es"]["precision"] >= 0.93, langs["es"]
    assert langs["nl"]["recall"] >= 0.96 and langs["nl"]["precision"] >= 0.92, langs["nl"]


def test_synthetic_english_written_blind() -> None:
    """`english_synth_blind.json`: 300 short texts of the synthetic kind PII benchmarks generate
    (209 sentence skeletons, names of many cultures, addresses, cards, IBANs, SSNs, IPs), written
    by another session from its own templates. Measured once: R 0.995 / P 0.970 (the tree the pass
    began with: 0.995 / 0.968). Not read."""
    en = evaluate(load_samples(HELDOUT / "english_synth_blind.json"), TextRedactor())["overall"]
    assert en["recall"] >= 0.99 and en["precision"] >= 0.96, en


def test_health_topic_on_a_seventh_blind_set() -> None:
    """`topics_blind7.json`: 192 health lines (112 clinical, 80 personal) and 128 without (80
    ordinary, 48 about health care), 40 per language, written after the pass's classifier was
    shipped and measured once with it, never read: 173/192 (90.1 %; clinical 104/112) dropped,
    4/128 (3.1 %: four lines about health care) others dropped. The twenty-third pass's
    classifier: 170/192 (88.5 %; clinical 103/112), 5/128 (3.9 %: five about health care); a
    later set, `topics_blind9`, measured once with it: 90.0 %, 3.5 % (test_blind_sets_23.py)."""
    items = _items("topics_blind7.json")
    out = TextRedactor(sensitive_topics=["health"]).redact_many([i["text"] for i in items])
    pairs = list(zip(items, out, strict=True))
    health = [o.reason == "sensitive_topic:health" for i, o in pairs if i["topic"] == "health"]
    other = [o.dropped for i, o in pairs if i["topic"] == "none"]
    assert len(health) == 192 and len(other) == 128
    assert sum(health) >= 170, sum(health)
    assert sum(other) <= 5, sum(other)
