"""The sets written blind in the thirty-third pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`f7a80f6`). `titles_blind6`, `english_blind28`, `secrets_blind21`
and `multilingual_blind14` were then read and their kinds of failure fixed (in cases written here:
`test_pass33.py`); `english_blind29` and `secrets_blind22` were written while the fixes were made,
by sessions that saw none of them, and never read. The bounds leave a little room: under a loaded
machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_mail_editors_consoles_crm_portals_in_ten_languages() -> None:
    """`titles_blind6.json`: 240 titles (170 English, 70 in de fr es nl it pt sv pl ru), 132 with
    private data, 108 harmless. Measured once at the start: every private span caught in **120/132
    (90.9 %)**, 21/108 harmless touched. At the pass's end 122/132, 15/108 (invoices in other
    languages, places named before a name, a version's capital V, macOS Terminal's login, SNILS)."""
    caught, touched = title_figures(heldout_items("titles_blind6.json"), TextRedactor())
    assert caught >= 121 and touched <= 16, (caught, touched)


def test_english_news_hr_real_estate_education_travel_crm_forums() -> None:
    """`english_blind28.json`: 280 English texts of seven kinds. Measured once at the start **R
    0.945 / P 0.838**; at the pass's end R 0.953 / P 0.847 (a forum's bylines, the model's names
    fitted to the name, an address's time and note cut off)."""
    result = overall("english_blind28.json")
    assert result["recall"] >= 0.948 and result["precision"] >= 0.843, result


def test_english_written_during_the_fixes_never_read() -> None:
    """`english_blind29.json`, written while this pass's fixes were made by a session that saw none
    of them, never read: 280 English texts (e-mail, HR, real estate, education, travel, CRM,
    clinic). Measured once at the start tree **R 0.970 / P 0.870** and at the pass's end R 0.970 /
    P 0.874."""
    result = overall("english_blind29.json")
    assert result["recall"] >= 0.965 and result["precision"] >= 0.868, result


def test_secrets_in_code_config_terminals_logs_messages_data() -> None:
    """`secrets_blind21.json`: 286 snippets, 67 with no span. Measured once at the start **91.9 %
    of secret characters, 19/67 clean snippets touched**; at the pass's end 93.3 %, 19/67 (columns
    named with a qualifier, an insert's quoted commas, a password manager's XML entries)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind21.json"), TextRedactor())
    assert clean == 67 and share >= 0.928 and touched <= 20, (share, touched)


def test_secrets_written_during_the_fixes_never_read() -> None:
    """`secrets_blind22.json`, never read: 291 snippets, 69 with no span. Measured once at the start
    tree **95.3 % of secret characters, 16/69 clean touched** and at the pass's end 95.5 %, 16/69."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind22.json"), TextRedactor())
    assert clean == 69 and share >= 0.95 and touched <= 17, (share, touched)


def test_titles_chat_forms_code_letters_clinical_in_six_languages() -> None:
    """`multilingual_blind14.json`: 300 texts, 50 in each of es nl de fr it pt. Measured once at
    the start **R 0.963 / P 0.877**; at the pass's end R 0.973 / P 0.879 (registrations after a
    car's word, codes an SMS says to keep, logins in sign-in logs, Sig.ra, policies' dotted numbers,
    a prescription's number)."""
    result = overall("multilingual_blind14.json")
    assert result["recall"] >= 0.968 and result["precision"] >= 0.875, result
