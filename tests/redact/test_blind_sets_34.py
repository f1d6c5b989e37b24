"""The sets written blind in the thirty-fourth pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`58d6403`). `titles_blind7`, `english_blind30`, `secrets_blind23`
and `multilingual_blind15` were then read and their kinds of failure fixed (in cases written here:
`test_pass34.py`); `english_blind31` and `secrets_blind24` were written at the same time by
sessions that saw none of it, and never read. The bounds leave a little room: under a loaded
machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_chat_terminals_hr_trackers_banks_bookings_in_eleven_languages() -> None:
    """`titles_blind7.json`: 240 titles (170 English, 70 in de es fr nl it pt pl ru tr sv), 132 with
    private data, 108 harmless. Measured once at the start: every private span caught in **113/132
    (85.6 %)**, 15/108 harmless touched. At the pass's end 122/132 (92.4 %), 13/108 (record
    locators after a booking's word, a login alone in a title's segment, a host named after its
    user, a town before its state's code or after a trip)."""
    caught, touched = title_figures(heldout_items("titles_blind7.json"), TextRedactor())
    assert caught >= 121 and touched <= 14, (caught, touched)


def test_english_support_legal_insurance_banking_events_clubs_neighbourhoods() -> None:
    """`english_blind30.json`: 280 English texts of seven kinds. Measured once at the start **R
    0.973 / P 0.874**; at the pass's end R 0.973 / P 0.885 (brands' products, an address's end
    before the next sentence, a house number before a phone, a form's amounts)."""
    result = overall("english_blind30.json")
    assert result["recall"] >= 0.970 and result["precision"] >= 0.882, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind31.json`, written at the pass's start by a session that saw nothing of it,
    never read: 280 English texts (e-mail, chat, medical, finance, government, delivery,
    recruiting). Measured once at the start tree **R 0.951 / P 0.876** and at the pass's end R
    0.951 / P 0.879."""
    result = overall("english_blind31.json")
    assert result["recall"] >= 0.947 and result["precision"] >= 0.875, result


def test_secrets_in_code_infra_config_terminals_logs_messages() -> None:
    """`secrets_blind23.json`: 280 snippets, 83 with no span. Measured once at the start **95.0 %
    of secret characters, 18/83 clean snippets touched** (one item dropped: a Slack token of
    zeros made a regex backtrack past the item's budget); at the pass's end 95.9 %, 13/83 (URL
    userinfo of placeholder words, stand-ins of ### and TEST runs, codes after what they open,
    keytool's and openssl's passwords)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind23.json"), TextRedactor())
    assert clean == 83 and share >= 0.952 and touched <= 14, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind24.json`, never read: 280 snippets, 79 with no span. Measured once at the start
    tree **96.8 % of secret characters, 24/79 clean touched** and at the pass's end 96.8 %, 24/79."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind24.json"), TextRedactor())
    assert clean == 79 and share >= 0.965 and touched <= 25, (share, touched)


def test_titles_chat_forms_code_letters_clinical_in_six_languages() -> None:
    """`multilingual_blind15.json`: 300 texts, 50 in each of es nl de fr it pt. Measured once at
    the start **R 0.966 / P 0.835**; at the pass's end R 0.966 / P 0.860 (a form's values make no
    chat speaker, banks' BICs, kin words before names, an address's label and leading words,
    phones the model read as addresses, products, public figures, a birth date with the age)."""
    result = overall("multilingual_blind15.json")
    assert result["recall"] >= 0.962 and result["precision"] >= 0.855, result
