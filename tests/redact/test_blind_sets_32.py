"""The sets written blind in the thirty-second pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`6e2dfb0`). `titles_blind5`, `english_blind25`, `secrets_blind19` and
`multilingual_blind13` were then read and their kinds of failure fixed (in cases written here:
`test_pass32.py`); `english_blind26` was never read, nor `english_blind27` and `secrets_blind20`,
written while the fixes were made by sessions that saw none of them. The bounds leave a little
room: under a loaded machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_web_apps_terminals_office_banking_in_ten_languages() -> None:
    """`titles_blind5.json`: 260 titles (190 English, 70 in de fr es nl it pt pl tr ja), 143 with
    private data, 117 harmless. Measured once at the start: every private span caught in **133/143
    (93.0 %)**, 22/117 harmless touched. At the pass's end 133/143, 18/117 (identifiers of words,
    a month and its year, a reference page's title in other languages, Schwab)."""
    caught, touched = title_figures(heldout_items("titles_blind5.json"), TextRedactor())
    assert caught >= 132 and touched <= 19, (caught, touched)


def test_english_reviews_minutes_sports_notices_finance_support_bios() -> None:
    """`english_blind25.json`: 300 English texts of seven kinds. Measured once at the start **R
    0.952 / P 0.851**; at the pass's end R 0.952 / P 0.860 (a greeting and a sentence end a postal
    block, currencies' codes, contractions, "take place on", "close 31 Jan")."""
    result = overall("english_blind25.json")
    assert result["recall"] >= 0.948 and result["precision"] >= 0.855, result


def test_english_social_forms_sheets_medical_legal_logistics_wiki_never_read() -> None:
    """`english_blind26.json`, never read: 280 English texts of seven kinds. Measured once at the
    start **R 0.943 / P 0.825**; at the pass's end R 0.9425 / P 0.828 (measured, not read)."""
    result = overall("english_blind26.json")
    assert result["recall"] >= 0.938 and result["precision"] >= 0.822, result


def test_secrets_in_code_infra_shell_logs_messages_data() -> None:
    """`secrets_blind19.json`: 311 snippets, 93 with no span. Measured once at the start **94.2 %
    of secret characters, 30/93 clean snippets touched**; at the pass's end 94.6 %, 16/93
    (ciphertext kept as such, key pins, objects' names in logs, a call's time stamp, a barcode's
    column, a kernel's release, a key set by a call, a database's logins)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind19.json"), TextRedactor())
    assert clean == 93 and share >= 0.94 and touched <= 18, (share, touched)


def test_email_chat_forms_letters_records_clinical_in_six_languages() -> None:
    """`multilingual_blind13.json`: 300 texts, 50 in each of es nl de fr it pt. Measured once at
    the start **R 0.948 / P 0.839**; at the pass's end R 0.9556 / P 0.840 (staff, claim, lab and
    passport numbers after their cues, door and confirmation codes, names greeted in chats)."""
    result = overall("multilingual_blind13.json")
    assert result["recall"] >= 0.95 and result["precision"] >= 0.835, result


def test_english_written_during_the_fixes_never_read() -> None:
    """`english_blind27.json`, written while this pass's fixes were made by a session that saw none
    of them, never read: 280 English texts (help desk, clinic, school, real estate, banking, events,
    press). Measured once at the start tree **R 0.961 / P 0.857** and at the pass's end R 0.961 /
    P 0.857."""
    result = overall("english_blind27.json")
    assert result["recall"] >= 0.955 and result["precision"] >= 0.852, result


def test_secrets_written_during_the_fixes_never_read() -> None:
    """`secrets_blind20.json`, never read: 329 snippets of code, config, shell, logs, messages and
    data, 73 with no span. Measured once at the start tree **93.6 % of secret characters, 22/73
    clean touched** and at the pass's end 93.8 %, 21/73."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind20.json"), TextRedactor())
    assert clean == 73 and share >= 0.93 and touched <= 23, (share, touched)
