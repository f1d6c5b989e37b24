"""The sets written blind in the twenty-seventh pass (issue 11) by other sessions that read nothing of
the repository. Each was measured once, before it was read, with the tree the pass began with
(`e71ec69`, "start") and with the tree as it stood ("HEAD when measured"). `secrets_blind11`,
`secrets_blind12` and `multilingual_blind8` were then read and their kinds of failure fixed (in
cases written here: `test_pass27_code.py`); `secrets_blind13`, `english_blind15` and
`english_blind16` were never read in that pass (the two English sets' false hits were read in the
twenty-eighth: `test_blind_sets_28.py`). The bounds leave a little room: under a loaded machine an item
can run past its time budget and be dropped whole, which touches a clean snippet."""

from __future__ import annotations

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import HELDOUT, heldout_items, overall, secret_figures


def test_secrets_of_terraform_notebooks_wordpress_firmware_payments_and_chatops() -> None:
    """`secrets_blind11.json`: 240 snippets, 90 clean. Measured once: start **94.1 %, 27/90** clean
    snippets touched; HEAD (the model's code rule, `7389746` before commit) 94.1 %, 25/90. At the
    pass's end 96.3 %, 12/90 (13 %)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind11.json"), TextRedactor())
    assert clean == 90 and share >= 0.96 and touched <= 14, (share, touched)


def test_secrets_of_powershell_web_apps_voip_hpc_extensions_and_runbooks() -> None:
    """`secrets_blind12.json`: 240 snippets, 90 clean. Measured once: start **94.1 %, 43/90**;
    HEAD 94.1 %, 38/90. At the pass's end 96.1 %, 28/90: the clean snippets' goal (≤ 15 %) is far
    on this set (PowerShell's output, SIP and Asterisk config, Slurm's tables)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind12.json"), TextRedactor())
    assert clean == 90 and share >= 0.955 and touched <= 31, (share, touched)


def test_secrets_never_read() -> None:
    """`secrets_blind13.json`, never read: 120 snippets (Java/Spring and Maven, Go and Rust
    services, Ansible and Salt, mobile CI and app stores), 48 clean. Measured once: start
    **97.4 %, 11/48**; HEAD (`7bb2429`) 97.4 %, 10/48; at the pass's end 97.4 %, 10/48 (21 %)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind13.json"), TextRedactor())
    assert clean == 48 and share >= 0.97 and touched <= 12, (share, touched)


def test_eight_languages_with_romanian_and_norwegian() -> None:
    """`multilingual_blind8.json`: 240 texts, 30 each in es nl de fr pt it ro no. Measured once:
    start **R 0.9176 / P 0.8703**; HEAD (the model's code rule) R 0.9150 / P 0.8731. At the pass's
    end R 0.916 / P 0.875 (the losses: ids and names the model found in code that no rule reads)."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind8.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.912 and result["overall"]["precision"] >= 0.87


def test_english_never_read_news_orders_courts_universities_travel_banks_recruiting_donors() -> None:
    """`english_blind15.json`, never read: 240 English texts (news and blogs, orders and returns,
    legal case files, university admin, travel, banking, recruiting, donor records; 40 clean).
    Measured once: start = HEAD (`4d7ab77`) **R 0.9499 / P 0.8129**; at the pass's end R 0.950 /
    P 0.821."""
    en = overall("english_blind15.json")
    assert en["recall"] >= 0.945 and en["precision"] >= 0.815, en


def test_english_never_read_obituaries_clubs_parishes_pharmacies_lettings_invoices_schools() -> None:
    """`english_blind16.json`, never read: 160 English texts (local news and obituaries, sports
    clubs, church newsletters, pharmacies, property management, freelance invoices, school
    messages, benefits portals; 36 clean). Measured once: start = HEAD (`1816974`) **R 0.9593 /
    P 0.8193**."""
    en = overall("english_blind16.json")
    assert en["recall"] >= 0.955 and en["precision"] >= 0.815, en
