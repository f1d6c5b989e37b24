"""The sets written blind in the twenty-eighth pass (issue 11) by other sessions that read nothing of
the repository. Each was measured once, before it was read, with the tree the pass began with
(`28a7131`). `secrets_blind14` was then read and its kinds of failure fixed (in cases written here:
`test_pass28_config.py`); `english_blind17`, `english_blind18` and `multilingual_blind9` were never
read. The bounds leave a little room: under a loaded machine an item can run past its time budget
and be dropped whole, which touches a clean snippet."""

from __future__ import annotations

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import evaluate, load_samples

from .helpers import HELDOUT, heldout_items, overall, secret_figures


def test_secrets_of_etl_game_servers_network_gear_notebooks_mail_and_support_pastes() -> None:
    """`secrets_blind14.json`: 240 snippets, 90 clean. Measured once at the start: **89.5 %, 24/90**
    clean snippets touched (network gear 64.6 % of its secret characters). At the pass's end 96.6 %,
    18/90."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind14.json"), TextRedactor())
    assert clean == 90 and share >= 0.96 and touched <= 20, (share, touched)


def test_english_never_read_portals_payroll_lettings_support_social_government_claims_events() -> None:
    """`english_blind17.json`, never read: 240 English texts (patient portals, HR and payroll,
    lettings, support tickets, social posts, government services, insurance claims, event sign-ups;
    brands, landmarks and public figures named after people). Measured once at the start
    **R 0.9715 / P 0.8394**; at the pass's end R 0.9715 / P 0.8504."""
    en = overall("english_blind17.json")
    assert en["recall"] >= 0.965 and en["precision"] >= 0.84, en


def test_english_never_read_mail_notes_crm_sheets_invites_titles_shipping_schools() -> None:
    """`english_blind18.json`, never read: 240 English texts (e-mail threads, meeting notes, CRM
    records, spreadsheet rows, calendar invites, window and tab titles, shipping, school messages).
    Measured once at the start **R 0.9763 / P 0.9041**; at the pass's end R 0.9763 / P 0.9060."""
    en = overall("english_blind18.json")
    assert en["recall"] >= 0.97 and en["precision"] >= 0.895, en


def test_eight_languages_never_read_with_swedish_and_polish() -> None:
    """`multilingual_blind9.json`, never read: 240 texts, 30 each in es nl de fr pt it sv pl.
    Measured once at the start **R 0.9508 / P 0.9053**; the same at the pass's end."""
    result = evaluate(load_samples(HELDOUT / "multilingual_blind9.json"), TextRedactor())
    assert result["overall"]["recall"] >= 0.945 and result["overall"]["precision"] >= 0.895
