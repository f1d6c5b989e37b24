"""The sets written blind in the thirtieth pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`22ba7d5`). `titles_blind3`, `english_blind20`, `secrets_blind16` and
`multilingual_blind11` were then read and their kinds of failure fixed (in cases written here:
`test_pass30.py`, `test_recovery_secret.py`); `english_blind21` was never read. The bounds leave a
little room: under a loaded machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_office_mail_chat_forges_terminals_portals_in_seven_languages() -> None:
    """`titles_blind3.json`: 260 task bar and tab titles (200 English, 60 in de fr es nl it pt), 143
    with private data, 117 harmless. Measured once at the start: every private span caught in
    **133/143 (93.0 %)**, 17/117 harmless touched, R 0.950 / P 0.899. At the pass's end 135/143
    (94.4 %), 13/117, R 0.956 / P 0.927 (programs' names, a Wikipedia page's person, an address
    before "- Google Maps", a Redis URL's password)."""
    caught, touched = title_figures(heldout_items("titles_blind3.json"), TextRedactor())
    assert caught >= 134 and touched <= 14, (caught, touched)


def test_english_chat_mail_forms_tickets_letters_notes_documents() -> None:
    """`english_blind20.json`: 300 English texts of seven kinds. Measured once at the start **R
    0.9480 / P 0.8522** (a seed phrase, a BitLocker key, an id's second of two, public figures,
    eponyms, a company's record numbers); at the pass's end R 0.9625 / P 0.8820."""
    result = overall("english_blind20.json")
    assert result["recall"] >= 0.955 and result["precision"] >= 0.87, result


def test_english_support_hr_medical_finance_legal_social_logistics_never_read() -> None:
    """`english_blind21.json`, never read: 300 English texts of seven kinds. Measured once at the
    start **R 0.9580 / P 0.8737**; at the pass's end R 0.9590 / P 0.8798 (measured, not read)."""
    result = overall("english_blind21.json")
    assert result["recall"] >= 0.95 and result["precision"] >= 0.87, result


def test_secrets_in_code_config_shell_logs_notebooks() -> None:
    """`secrets_blind16.json`: 320 snippets, 97 with no span. Measured once at the start **96.1 %
    of secret characters, 28/97 clean snippets touched**; at the pass's end 97.1 %, 20/97
    (passwords by their place in a call, vendors' token prefixes, an object's id, a call or a
    format's field in a model "secret")."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind16.json"), TextRedactor())
    assert clean == 97 and share >= 0.965 and touched <= 22, (share, touched)


def test_eight_languages_chat_mail_forms_letters_tickets_titles() -> None:
    """`multilingual_blind11.json`: 320 texts, 40 in each of de fr es it pt nl pl sv. Measured once
    at the start **R 0.9561 / P 0.8653** (plates after their label, service accounts' names, two
    phone numbers joined by " / ", closings and names of the languages, a form's examples); at the
    pass's end R 0.9674 / P 0.8715."""
    result = overall("multilingual_blind11.json")
    assert result["recall"] >= 0.96 and result["precision"] >= 0.865, result
