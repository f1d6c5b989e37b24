"""The sets written blind in the twenty-fifth pass (issue 11) by other sessions that read nothing of
the repository. Each was measured once, before it was read, with the tree the pass began with
(`d5ddef5`, "start") and with the tree as it stood ("HEAD when measured"); then `english_blind10`,
`multilingual_blind4`, `secrets_blind5`, `english_blind11` and `secrets_blind6` were read and their
kinds of failure fixed (the kinds, in cases written here: `test_pass25_shapes.py`), while
`multilingual_blind5`, `topics_blind12` and `topics_blind13` were never read. These tests guard
the figures at the pass's end; the first measurements are in each docstring."""

from __future__ import annotations

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import HELDOUT, heldout_items, overall, secret_figures, topic_hits


def test_a_tenth_english_set_written_blind() -> None:
    """`english_blind10.json`: 240 English texts (encyclopedia and news, travel and bookings,
    shopping and support, team chat, forms and records, letters, window titles, dev and logs; 43
    clean). Measured once: start **R 0.9605 / P 0.7778**, HEAD 0.9605 / 0.7785 (public places,
    institutions and peoples masked as people: P 0.586 on encyclopedic text). At the pass's end
    R 0.9605 / P 0.829."""
    en = overall("english_blind10.json")
    assert en["recall"] >= 0.96 and en["precision"] >= 0.825, en


def test_an_eleventh_english_set_written_after_most_rules() -> None:
    """`english_blind11.json`: 240 English texts (news and obituaries, tenancy, banking and
    insurance, education, recruiting, service transcripts, app screens, sysadmin and security; 45
    clean), written after most of the pass's rules. Measured once: start **R 0.952 / P 0.811**,
    HEAD **R 0.952 / P 0.820**. After its sysadmin logs' logins and its messages' one-time codes
    were read: R 0.962 / P 0.833 (English R ≥ 0.97 at P ≥ 0.92 not met: news P 0.70)."""
    en = overall("english_blind11.json")
    assert en["recall"] >= 0.96 and en["precision"] >= 0.83, en


def test_eight_languages_written_blind() -> None:
    """`multilingual_blind4.json`: 240 texts, 30 each in es nl de fr pt it cs sv (titles, chat,
    forms, code and config, letters, clinical notes). Measured once: start **R 0.950 / P 0.856**,
    HEAD R 0.950 / 0.858 (cs R 0.906, chat R 0.899). At the pass's end R 0.956 / P 0.860 (cs
    0.919)."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind4.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.955 and result["overall"]["precision"] >= 0.855
    assert all(lang["recall"] >= 0.91 for lang in result["languages"].values()), result["languages"]


def test_eight_more_languages_never_read() -> None:
    """`multilingual_blind5.json`: 240 texts, 30 each in es nl de fr pt it pl da, written after
    most of the pass's rules and never read. Measured once: start R 0.953 / P 0.894, HEAD (`573e656`)
    **R 0.959 / P 0.897** (pt 0.921, USERNAME 0.77, ACCOUNT_ID 0.87); at the end R 0.959 / P 0.896."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind5.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.955 and result["overall"]["precision"] >= 0.89
    assert all(lang["recall"] >= 0.91 for lang in result["languages"].values()), result["languages"]


def test_secrets_written_blind_a_fifth_time() -> None:
    """`secrets_blind5.json`: 240 snippets (CI pipelines, Kubernetes and containers, app code,
    shell and dotfiles, READMEs, chat and tickets), 90 clean. Measured once: start 95.8 % of secret
    characters, **27/90** clean snippets touched; HEAD 95.8 %, 25/90. At the pass's end 95.8 %,
    11/90 (12 %; the goal ≤ 15 % met on this set)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind5.json"), TextRedactor())
    assert clean == 90 and share >= 0.955 and touched <= 11, (share, touched)


def test_secrets_written_after_most_rules() -> None:
    """`secrets_blind6.json`: 240 snippets (Terraform and cloud, databases and queues, mobile and
    front end, monitoring and logs, scripts and notebooks, support and wiki), 90 clean, written
    after most of the pass's rules. Measured once: start **90.3 %, 49/90**; HEAD **90.3 %, 47/90**
    (values stored encrypted, template lookups, metrics, Markdown). At the pass's end 90.3 %,
    33/90 (37 %; the goal ≤ 15 % is not met)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind6.json"), TextRedactor())
    assert clean == 90 and share >= 0.90 and touched <= 33, (share, touched)


def test_topics_on_a_twelfth_blind_set_never_read() -> None:
    """`topics_blind12.json`, never read (80 health: 32 clinical, 48 personal; 48 family; 48
    immigration; 144 without: 48 about those topics, 96 ordinary; 40 per language in en es nl de
    fr it pt pl). Measured once (start = HEAD then): health 78/80 (clinical 32/32, personal 46/48),
    **family 18/48**, immigration 41/48, other lines 4/144 (3 about those topics, 1 ordinary).
    With the pass's classifier (720 written family lines; health's share 1.5 %, family's and
    immigration's 0.4 %): health 79/80, family 21/48, immigration 41/48, other 3/144 (0 ordinary)."""
    hit = topic_hits("topics_blind12.json")
    assert hit[("health", "clinical")] == 32 and hit[("health", "personal")] >= 47
    assert hit[("family", "personal")] >= 21 and hit[("immigration", "personal")] >= 41
    assert hit[("none", "ordinary")] == 0 and hit[("none", "about_topic")] <= 3


def test_topics_on_a_thirteenth_blind_set_never_read() -> None:
    """`topics_blind13.json`, written after the pass's retrain and never read (the same mix).
    Measured once: start health 73/80 (clinical 32/32), family 22/48, immigration 43/48, other
    8/144 (0 of 96 ordinary); HEAD **health 74/80 (clinical 32/32), family 28/48, immigration
    43/48, other 8/144 (0 of 96 ordinary)**."""
    hit = topic_hits("topics_blind13.json")
    assert hit[("health", "clinical")] == 32 and hit[("health", "personal")] >= 42
    assert hit[("family", "personal")] >= 28 and hit[("immigration", "personal")] >= 43
    assert hit[("none", "ordinary")] == 0 and hit[("none", "about_topic")] <= 8
