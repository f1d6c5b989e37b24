"""The sets written blind in the twenty-sixth pass (issue 11) by other sessions that read nothing of
the repository. Each was measured once, before it was read, with the tree the pass began with
(`ac0a14f`, "start") and with the tree as it stood ("HEAD when measured"). `english_blind12`,
`english_blind13`, `multilingual_blind6`, `secrets_blind7`, `secrets_blind8` and `secrets_blind9`
were then read and their kinds of failure fixed (the kinds, in cases written here:
`test_tables.py`, `test_pass26_shapes.py`, `test_keyed_secrets.py`); `english_blind14`,
`multilingual_blind7`, `secrets_blind10` and `topics_blind14` were never read. The bounds leave a
little room: under a loaded machine an item can run past its time budget and be dropped whole,
which touches a clean snippet. The first measurements are in each docstring."""

from __future__ import annotations

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import HELDOUT, heldout_items, overall, secret_figures, topic_hits


def test_english_encyclopedia_news_clinics_courts_travel_forums_crm_and_logs() -> None:
    """`english_blind12.json`: 240 English texts (wiki and biographies, sports and local news,
    clinic and pharmacy portals, legal letters, travel, forums and reviews, CRM notes, devops logs;
    40 clean). Measured once: start = HEAD **R 0.9603 / P 0.8217**. At the pass's end R 0.968 /
    P 0.826 (public figures, landmarks and places remain its false hits)."""
    en = overall("english_blind12.json")
    assert en["recall"] >= 0.965 and en["precision"] >= 0.82, en


def test_english_titles_mail_chat_forms_invoices_school_tax_and_spreadsheets() -> None:
    """`english_blind13.json`: 240 English texts (window titles, e-mail threads, chats, web forms,
    invoices, school messages, government portals, spreadsheets and exports; 40 clean). Measured
    once: start = HEAD **R 0.9455 / P 0.8158** (spreadsheets: R 0.910 / P 0.688). At the pass's end
    R 0.968 / P 0.869."""
    en = overall("english_blind13.json")
    assert en["recall"] >= 0.965 and en["precision"] >= 0.865, en


def test_english_never_read() -> None:
    """`english_blind14.json`, never read: 240 English texts (HR and payroll, insurance claims,
    listings, telehealth chats, support e-mails, social posts, meeting notes, helpdesk tickets; 44
    clean). Measured once: start **R 0.9752 / P 0.8676**, HEAD (`c6c7e81`) R 0.9752 / P 0.8688."""
    en = overall("english_blind14.json")
    assert en["recall"] >= 0.97 and en["precision"] >= 0.865, en


def test_eight_languages_with_czech_and_polish() -> None:
    """`multilingual_blind6.json`: 240 texts, 30 each in es nl de fr pt it pl cs. Measured once:
    start **R 0.9527 / P 0.8880**, HEAD (with the tables) R 0.9527 / P 0.8879. At the pass's end
    R 0.962 / P 0.898 (pl 0.932, pt 0.936)."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind6.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.96 and result["overall"]["precision"] >= 0.895
    assert all(lang["recall"] >= 0.92 for lang in result["languages"].values()), result["languages"]


def test_eight_languages_with_swedish_and_danish_never_read() -> None:
    """`multilingual_blind7.json`, never read: 240 texts, 30 each in es nl de fr pt it sv da.
    Measured once: start **R 0.9583 / P 0.8918**, HEAD (`c6c7e81`) **R 0.9675 / P 0.8989**."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind7.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.965 and result["overall"]["precision"] >= 0.895
    assert all(lang["recall"] >= 0.94 for lang in result["languages"].values()), result["languages"]


def test_secrets_of_pipelines_backends_notebooks_sso_incidents_and_devices() -> None:
    """`secrets_blind7.json`: 240 snippets, 90 clean. Measured once: start 94.2 % of secret
    characters, **25/90** clean snippets touched; HEAD 94.2 %, 25/90. At the pass's end 95.1 %,
    13/90 (14 %: the goal ≤ 15 % met on this set)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind7.json"), TextRedactor())
    assert clean == 90 and share >= 0.95 and touched <= 15, (share, touched)


def test_secrets_of_firebase_payments_runbooks_har_mlops_and_network_gear() -> None:
    """`secrets_blind8.json`: 240 snippets, 90 clean. Measured once: start **90.4 %, 33/90**;
    HEAD 90.4 %, 31/90 (network gear: 72.7 % of its secret characters). At the pass's end 95.4 %,
    18/90."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind8.json"), TextRedactor())
    assert clean == 90 and share >= 0.95 and touched <= 21, (share, touched)


def test_secrets_of_mods_mail_dashboards_dba_mobile_and_pentest_notes() -> None:
    """`secrets_blind9.json`: 240 snippets, 90 clean. Measured once: start **85.6 %, 41/90**;
    HEAD 87.1 %, 41/90 (pentest notes: 65.6 % of their secret characters). At the pass's end
    87.1 %, 31/90: the goal (≥ 90 %, ≤ 15 %) is far on this set."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind9.json"), TextRedactor())
    assert clean == 90 and share >= 0.865 and touched <= 34, (share, touched)


def test_secrets_never_read() -> None:
    """`secrets_blind10.json`, never read: 240 snippets (home lab and self-hosting, SaaS admin
    consoles, CLI tools and dotfiles, API docs and Postman, backup scripts, CRM integrations), 90
    clean. Measured once: start **93.6 %, 34/90**; HEAD (`33ed8fe`) **94.7 %, 31/90**; at the
    pass's end 94.7 %, 30/90."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind10.json"), TextRedactor())
    assert clean == 90 and share >= 0.94 and touched <= 33, (share, touched)


def test_topics_on_a_fourteenth_blind_set_never_read() -> None:
    """`topics_blind14.json`, never read (the mix of sets 12 and 13). Measured once (start = HEAD):
    health 79/80 (clinical 32/32), **family 10/48**, immigration 42/48, other 7/144 (0 of 96
    ordinary). A classifier retrained on 800 more written lines left family at 10/48 and was not
    kept."""
    hit = topic_hits("topics_blind14.json")
    assert hit[("health", "clinical")] == 32 and hit[("health", "personal")] >= 46
    assert hit[("family", "personal")] >= 10 and hit[("immigration", "personal")] >= 41
    assert hit[("none", "ordinary")] == 0 and hit[("none", "about_topic")] <= 8
