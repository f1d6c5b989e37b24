"""The sets written blind in the twenty-fourth pass (issue 11) by other sessions that read nothing of
the repository, each measured once with the tree the pass began with (`9d74971`), then read (but
`topics_blind10`, never read) and their kinds of failure fixed (docs/MODEL_CARD.md). These tests
guard the figures after; the first measurement is in each docstring."""

from __future__ import annotations

from pathlib import Path

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import heldout_items, secret_figures, topic_hits

HELDOUT = Path(__file__).parent / "data" / "heldout"
_items = heldout_items
_topic_hits = topic_hits


def test_an_eighth_english_set_written_blind() -> None:
    """`english_blind8.json`: 240 English texts (Docs bodies, support tickets, recruiting notes,
    school and parent messages, travel bookings, property and utilities, developer chat and logs,
    short UI strings; 43 clean). Measured once: R 0.949 / P 0.856. After IRC nicks, Slack headers,
    logins a context names, buildings before streets, rows of cottages, closings and signatures,
    a journey's places as no people: R 0.962 / P 0.861; at the pass's end (airports and teams as no
    people, addresses that end where their lines do, first names in lists): R 0.963 / P 0.887.
    Card numbers that fail the checksum (4 of its 5, typed by hand) stay unmasked: a recogniser's
    test rows call such numbers no card."""
    result = evaluate(load_samples(HELDOUT / "english_blind8.json"), TextRedactor())["overall"]
    assert result["recall"] >= 0.96 and result["precision"] >= 0.885, result


def test_six_languages_written_blind_again() -> None:
    """`multilingual_blind2.json`: 240 texts, 40 each in es nl de fr pt it (titles, chat, forms,
    code and config, letters; 42 clean). Measured once: R 0.934 / P 0.868 (USERNAME 0.61, pt R
    0.88). After name labels of forms as cues, "Herr Strauch", credential and login keys in those
    languages, database clients' logins, access logs, clinicians' and hospitals' numbers (IPP,
    RPPS, CRM, AVS, apólice): R 0.962 / P 0.878 (USERNAME 0.97, pt R 0.915); at the pass's end
    R 0.962 / P 0.885."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind2.json"), TextRedactor())
    overall = result["overall"]
    assert overall["recall"] >= 0.96 and overall["precision"] >= 0.88, overall
    assert all(lang["recall"] >= 0.91 for lang in result["languages"].values()), result["languages"]


def test_secrets_in_code_written_blind_a_third_time() -> None:
    """`secrets_blind3.json`: 240 snippets (CI pipelines, Docker, dotfiles, app code, shell
    history, logs and tickets), 90 clean but close to risky. Measured once: 95.9 % of secret
    characters, **55/90 (61 %)** clean snippets touched. After values shown masked, templates'
    variables, format strings, AWS's unique ids and ARNs, base64 of JSON, key fingerprints,
    Stripe's object ids, identifiers of words, logins no line names, cloud accounts' numbers,
    programs' output: 95.9 %, 31/90; at the pass's end 28/90 (31 %; the goal ≤ 15 % is not met)."""
    share, touched, clean = secret_figures(_items("secrets_blind3.json"), TextRedactor())
    assert clean == 90
    assert share >= 0.955, share
    assert touched <= 28, touched


def test_topics_on_a_tenth_blind_set_never_read() -> None:
    """`topics_blind10.json`, never read (80 health: 32 clinical, 48 personal; 48 family; 48
    immigration; 144 without: 48 about those topics, 96 ordinary; 40 per language in en es nl de
    fr it pt pl). Measured with the classifier the pass began with: health **64/80** (clinical
    31/32), family **13/48**, immigration **18/48**, other lines 2/144 (1.4 %). With the pass's
    classifier (3,679 more written lines, none of this set's; health's share 1.3 %): health 69/80
    (clinical 31/32), family 24/48, immigration 28/48, other lines 8/144 (7 of 48 about those
    topics, 1 of 96 ordinary). The twenty-fifth pass's (720 family lines; health's share 1.5 %,
    family's and immigration's 0.4 %): health 67/80 (clinical 31/32), family 31/48, immigration
    27/48, other lines 6/144 (5 about those topics, 1 ordinary)."""
    hit = _topic_hits("topics_blind10.json")
    assert (
        hit[("health", "clinical")] >= 31 and hit[("health", "clinical")] + hit[("health", "personal")] >= 67
    )
    assert hit[("family", "personal")] >= 31 and hit[("immigration", "personal")] >= 27
    assert hit[("none", "ordinary")] <= 1 and hit[("none", "about_topic")] <= 5


def test_topics_on_an_eleventh_blind_set_never_read() -> None:
    """`topics_blind11.json`, written after the pass's classifier was trained and measured once
    with it, never read (the same mix as `topics_blind10`). Measured once: health **65/80**
    (clinical **32/32**, personal 33/48), family **30/48**, immigration **29/48**, other lines
    **9/144** (8 of 48 about those topics, **1 of 96 ordinary**). The tree the pass began with, on
    the same set: 62/80 (clinical 32/32), 18/48, 25/48, 7/144 (1 of 96 ordinary). The
    twenty-fifth pass's classifier: 66/80 (clinical 32/32, personal 34/48), family 34/48,
    immigration 27/48, other lines 8/144 (7 about those topics, 1 ordinary)."""
    hit = _topic_hits("topics_blind11.json")
    assert hit[("health", "clinical")] == 32 and hit[("health", "personal")] >= 34
    assert hit[("family", "personal")] >= 34 and hit[("immigration", "personal")] >= 27
    assert hit[("none", "ordinary")] <= 1 and hit[("none", "about_topic")] <= 7


def test_a_ninth_english_set_written_after_the_pass_s_rules() -> None:
    """`english_blind9.json`: 240 English texts (issues and pull requests, Jira and Confluence,
    mail threads, invites, HR and payroll, healthcare admin, social and community, encyclopedia
    and docs; 43 clean), written after most of this pass's rules. Measured once: the start tree R
    0.956 / P 0.875, HEAD **R 0.954 / P 0.884** (three of the pass's rules lost a Zoom passcode,
    a meeting room's login and a chat speaker). After those three were fixed: R 0.959 / P 0.885;
    after its logins and ids were read (Reddit's u/, forge actors in bold, lists of accounts,
    PPSN, "Our ref"): R 0.976 / P 0.886. Public figures in encyclopedic text, which it leaves
    unlabelled, are masked as people (precision 0.63 on that kind)."""
    result = evaluate(load_samples(HELDOUT / "english_blind9.json"), TextRedactor())["overall"]
    assert result["recall"] >= 0.975 and result["precision"] >= 0.885, result


def test_six_more_languages_written_after_the_pass_s_rules() -> None:
    """`multilingual_blind3.json`: 240 texts, 40 each in es nl pl sv da cs (titles, chat, forms,
    code and config, letters; 38 clean), written after most of this pass's rules. Measured once:
    the start tree R 0.920 / P 0.873, HEAD **R 0.916 / P 0.890**: the identifier rule took random
    values after credential keys of languages it did not know. After that fix and logins, codes
    and name labels in those languages: R 0.940 / P 0.893 (cs R 0.84: names in Czech cases,
    "Lenku", "Tomáše")."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind3.json"), TextRedactor())
    overall = result["overall"]
    assert overall["recall"] >= 0.94 and overall["precision"] >= 0.89, overall
    assert all(lang["recall"] >= 0.83 for lang in result["languages"].values()), result["languages"]


def test_secrets_written_after_the_pass_s_rules() -> None:
    """`secrets_blind4.json`: 240 snippets (infrastructure as code, web and mobile apps, data and
    ML, ops chat and tickets, config files, logs), 90 clean, written after this pass's secrets
    rules. Measured once: 92.9 % of secret characters with both trees, clean snippets touched
    **48/90** with the start tree and **42/90** with HEAD. After its clean snippets were read
    (values left to fill, store paths, Key Vault references, crypto names, times and sizes,
    templates, decorators): 92.9 %, 34/90; at the pass's end (the model's logins only on lines that
    name an account or a user) 32/90 (36 %)."""
    share, touched, clean = secret_figures(_items("secrets_blind4.json"), TextRedactor())
    assert clean == 90
    assert share >= 0.925, share
    assert touched <= 32, touched
