"""The sets written blind in the twenty-third pass (issue 11) by other sessions that read nothing of
the repository, each measured once with the tree as it stood, then read (but `topics_blind9`, never
read) and their kinds of failure fixed (docs/MODEL_CARD.md). These tests guard the figures after;
the first measurement is in each docstring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import overall, secret_figures

HELDOUT = Path(__file__).parent / "data" / "heldout"


def _items(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((HELDOUT / name).read_text(encoding="utf-8"))
    return items


def test_a_sixth_english_set_written_blind() -> None:
    """`english_blind6.json`: 240 English texts (work e-mail, HR records, bank and insurer chats,
    clinic reminders, issue trackers, Slack channels, LinkedIn messages, orders and deliveries; 35
    with no private data). Measured once: R 0.941 / P 0.929. After chat speakers with an initial,
    dotted handles, Slack's copied headers, "User:" turns, forms of address, more given names,
    marketplace handles: R 0.964 / P 0.936. Order numbers, which this set labels, stay unmasked
    (a thing's number)."""
    en = overall("english_blind6.json")
    assert en["recall"] >= 0.96 and en["precision"] >= 0.93, en


def test_a_seventh_english_set_written_blind() -> None:
    """`english_blind7.json`: 200 texts of the mission's sites (Teams chat, Docs comments, Jira and
    Confluence, pull requests, inbox lines, invites, CRM records, Wikipedia talk; 32 clean).
    Measured once with the pass's tree: R 0.942 / P 0.913, below the start tree's 0.947 / 0.913:
    two of the pass's rules were wrong for it (a value closing a Markdown code span, a CamelCase
    handle); with both undone: R 0.948 / P 0.914. Its Wikipedia talk lines were then read: with
    wiki signatures (`_wiki_signatures`), R 0.967 / P 0.916."""
    en = overall("english_blind7.json")
    assert en["recall"] >= 0.965 and en["precision"] >= 0.915, en


def test_six_languages_written_blind() -> None:
    """`multilingual_blind.json`: 240 texts, 40 each in de fr it pt pl sv (chat, forms, letters,
    window titles, tickets; 36 clean). Measured once: R 0.960 / P 0.838 (de P 0.724). After
    account ids after their cues in those languages and in groups, German compounds as no names,
    forms of address cut from names: R 0.974 / P 0.844; after a letter's German labels as no chat
    speakers and German nouns as no logins: R 0.974 / P 0.857 (de P 0.783)."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.97 and result["overall"]["precision"] >= 0.855, result["overall"]
    assert all(lang["recall"] >= 0.95 for lang in result["languages"].values()), result["languages"]


def test_secrets_in_code_written_blind_again() -> None:
    """`secrets_blind2.json`: 240 snippets (Kubernetes and CI YAML, Terraform and cloud CLIs,
    Java/Kotlin/Go/Rust/C#, notebooks and SQL, curl and HTTP, mixed text), 90 clean but made to
    look dangerous. Measured once: 97.6 % of secret characters caught, 49/90 (54 %) clean
    snippets touched. After placeholders, names of secrets and resources, stores' paths,
    checksums, ids, pinned actions, members of code: 97.6 %, 24/90 (27 %; the goal ≤ 15 % is not
    met: AWS's documented keys, Stripe's test key, jwt.io's token, base64 of config stay masked)."""
    share, touched, clean = secret_figures(_items("secrets_blind2.json"), TextRedactor())
    assert clean == 90
    assert share >= 0.97, share
    assert touched <= 24, touched


def _topics(name: str) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """(dropped as its own topic, or at all for "none", per (topic, kind); lines per topic) of a
    topic set, with the default policy's three topics."""
    items = _items(name)
    out = TextRedactor(sensitive_topics=["health", "family", "immigration"]).redact_many(
        [i["text"] for i in items]
    )
    hit: dict[tuple[str, str], int] = {}
    size: dict[str, int] = {}
    for i, o in zip(items, out, strict=True):
        key = (i["topic"], i["kind"])
        ok = o.dropped if i["topic"] == "none" else o.reason == f"sensitive_topic:{i['topic']}"
        hit[key] = hit.get(key, 0) + ok
        size[i["topic"]] = size.get(i["topic"], 0) + 1
    return hit, size


def _topic(hit: dict[tuple[str, str], int], topic: str) -> int:
    return sum(n for (t, _), n in hit.items() if t == topic)


def test_family_and_immigration_on_an_eighth_blind_set() -> None:
    """`topics_blind8.json`: 80 health lines, 48 family, 48 immigration (each a person's own
    matter), 144 without (48 about those topics in general, 96 ordinary), 40 per language in en es
    nl de fr it pt pl. Measured once with the classifier the pass began with: health 60/80 (75 %),
    family **7/48**, immigration **19/48**, other lines 7/144 (4.9 %). Read, and 1,920 lines of
    family and immigration matters and their lookalikes written for training (batches V–X, then
    Y–Z of ordinary family life and software manuals): health 60/80, family 19/48, immigration
    35/48, other lines 7/144 (all seven about those topics in general; 0 of 96 ordinary). After
    the twenty-fourth pass's 3,679 lines (none of this set's): health 62, family 27, immigration
    43, other lines 11/144 (all about those topics in general: news and rules of immigration,
    a pharmacy's offers; 0 of 96 ordinary)."""
    hit, size = _topics("topics_blind8.json")
    assert size == {"health": 80, "family": 48, "immigration": 48, "none": 144}
    assert _topic(hit, "health") >= 62 and _topic(hit, "family") >= 27 and _topic(hit, "immigration") >= 43
    assert _topic(hit, "none") <= 11 and hit[("none", "ordinary")] == 0


def test_topics_on_a_ninth_blind_set_never_read() -> None:
    """`topics_blind9.json`, written while the pass's classifier was trained and measured once
    with it, never read (80 health: 32 clinical, 48 personal; 48 family; 48 immigration; 144
    without). Measured once: health **72/80 (90.0 %; clinical 32/32)**, family **20/48**,
    immigration **32/48**, other lines **5/144 (3.5 %)**. The tree the pass began with, on the
    same set: 74/80 (92.5 %), 13/48, 20/48, 7/144 (4.9 %). The twenty-fourth pass's classifier
    (still never read): 77/80 (clinical 32/32), 28/48, 41/48, 10/144 (6.9 %: 9 of 48 about those
    topics in general, 1 of 96 ordinary). The twenty-fifth's (720 family lines; health's share
    1.5 %, family's and immigration's 0.4 %): 76/80 (clinical 32/32), 31/48, 41/48, 9/144 (8 about
    those topics, 1 ordinary)."""
    hit, size = _topics("topics_blind9.json")
    assert size == {"health": 80, "family": 48, "immigration": 48, "none": 144}
    assert _topic(hit, "health") >= 76 and hit[("health", "clinical")] == 32
    assert _topic(hit, "family") >= 31 and _topic(hit, "immigration") >= 41
    assert _topic(hit, "none") <= 9 and hit[("none", "ordinary")] <= 1
