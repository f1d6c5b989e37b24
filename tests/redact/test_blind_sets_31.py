"""The sets written blind in the thirty-first pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`5586345`). `titles_blind4`, `english_blind22`, `secrets_blind17` and
`multilingual_blind12` were then read and their kinds of failure fixed (in cases written here:
`test_pass31.py`); `english_blind23` was never read, nor `english_blind24` and `secrets_blind18`,
written after the fixes. The bounds leave a little room: under a loaded machine an item can run
past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_editors_chat_calls_consoles_portals_in_nine_languages() -> None:
    """`titles_blind4.json`: 260 titles (190 English, 70 in de fr es nl it pt pl sv), 143 with
    private data, 117 harmless. Measured once at the start: every private span caught in
    **128/143 (89.5 %)**, 11/117 harmless touched. At the pass's end 135/143 (94.4 %), 10/117 (a
    chart's "Surname, First I", a Reddit user's page, a Skype id, Google's G- code, a USCIS receipt,
    a card after its network's name, a codice fiscale whatever its check letter, Wi-Fi)."""
    caught, touched = title_figures(heldout_items("titles_blind4.json"), TextRedactor())
    assert caught >= 134 and touched <= 11, (caught, touched)


def test_english_crm_recruiting_property_education_travel_insurance_government() -> None:
    """`english_blind22.json`: 300 English texts of seven kinds. Measured once at the start **R
    0.965 / P 0.910**; at the pass's end R 0.9775 / P 0.918 (ids after their cues, a phone after
    "now", plates after "rego", towns and countries, office holders, cars' makes and models)."""
    result = overall("english_blind22.json")
    assert result["recall"] >= 0.97 and result["precision"] >= 0.91, result


def test_english_chat_mail_forms_tickets_letters_notes_reviews_never_read() -> None:
    """`english_blind23.json`, never read: 300 English texts of seven kinds. Measured once at the
    start **R 0.955 / P 0.898**; at the pass's end R 0.957 / P 0.900 (measured, not read)."""
    result = overall("english_blind23.json")
    assert result["recall"] >= 0.95 and result["precision"] >= 0.895, result


def test_secrets_in_ci_iac_app_config_chat_devtools_databases() -> None:
    """`secrets_blind17.json`: 331 snippets, 94 with no span. Measured once at the start **94.4 %
    of secret characters, 25/94 clean snippets touched**; at the pass's end 96.5 %, 17/94 (an
    insert's every row and its password column, a plist's credential, a session's cookie, a CI
    runner's home, a table's quantities, a host's name under its key)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind17.json"), TextRedactor())
    assert clean == 94 and share >= 0.955 and touched <= 19, (share, touched)


def test_clinical_admin_legal_chat_in_six_languages() -> None:
    """`multilingual_blind12.json`: 300 texts, 50 in each of es nl de fr it pt, of healthcare and
    the public sector. Measured once at the start **R 0.947 / P 0.865** (es 0.940 / 0.854, nl 0.967
    / 0.883); at the pass's end R 0.955 / P 0.868 (health cards' and ids' cues, surnames in
    capitals, Italy's "Sig.", Spain's "D." and "Doña" left out of the name)."""
    result = overall("multilingual_blind12.json")
    assert result["recall"] >= 0.95 and result["precision"] >= 0.862, result


def test_english_written_after_the_fixes_never_read() -> None:
    """`english_blind24.json`, written after this pass's fixes by a session that saw none of them,
    never read: 280 English texts (chat, e-mail, forms, tickets, letters, records, news). Measured
    once at the start tree **R 0.966 / P 0.863** and at the pass's end R 0.969 / P 0.870."""
    result = overall("english_blind24.json")
    assert result["recall"] >= 0.96 and result["precision"] >= 0.865, result


def test_secrets_written_after_the_fixes_never_read() -> None:
    """`secrets_blind18.json`, written after this pass's fixes, never read: 316 snippets of code,
    config, shell, logs, messages and data, 75 with no span. Measured once at the start tree
    **94.1 % of secret characters, 14/75 clean touched** and at the pass's end 94.5 %, 14/75."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind18.json"), TextRedactor())
    assert clean == 75 and share >= 0.94 and touched <= 15, (share, touched)
