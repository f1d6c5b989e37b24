"""The sets written blind in the thirty-fifth pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`4e14216`). `titles_blind8`, `english_blind32`, `secrets_blind25`
and `multilingual_blind16` were then read and their kinds of failure fixed (in cases written here:
`test_pass35.py`, `test_spoken.py`); `english_blind33` and `secrets_blind26` were written at the
same time by sessions that saw none of it, and never read. The bounds leave a little room: under
a loaded machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_mail_crm_consoles_drives_portals_media_in_eleven_languages() -> None:
    """`titles_blind8.json`: 240 titles (170 English, 70 in de fr es nl it pt sv da cs ja), 132 with
    private data, 108 harmless. Measured once at the start: every private span caught in **120/132
    (90.9 %)**, 22/108 harmless touched. At the pass's end 123/132 (93.2 %), 20/108 (a login in a
    'Users ›' breadcrumb, an IAM user's ARN, a remote desktop's partner id; a media app's title
    names a work and its author)."""
    caught, touched = title_figures(heldout_items("titles_blind8.json"), TextRedactor())
    assert caught >= 122 and touched <= 21, (caught, touched)


def test_english_school_housing_travel_health_work_social_notes() -> None:
    """`english_blind32.json`: 280 English texts of seven kinds. Measured once at the start **R
    0.926 / P 0.839**; at the pass's end R 0.953 / P 0.852 (a person's four-digit number after its
    cue, numbers said in words, sign-offs, names before their phone number, buildings named after
    people, an address's trailing note)."""
    result = overall("english_blind32.json")
    assert result["recall"] >= 0.948 and result["precision"] >= 0.847, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind33.json`, written at the pass's start by a session that saw nothing of it,
    never read: 280 English texts (e-mail, utilities, travel, healthcare, workplace, social, legal).
    Measured once at the start tree **R 0.945 / P 0.879** and at the pass's end R 0.945 / P
    0.8805."""
    result = overall("english_blind33.json")
    assert result["recall"] >= 0.940 and result["precision"] >= 0.876, result


def test_secrets_in_code_infra_config_terminals_logs_messages() -> None:
    """`secrets_blind25.json`: 290 snippets, 68 with no private span. Measured once at the start
    **94.6 % of secret characters, 15/68 clean snippets touched** (one item dropped: a test's
    string of asterisks made a regex backtrack past the model's budget); at the pass's end 94.8 %,
    14/68."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind25.json"), TextRedactor())
    assert clean == 68 and share >= 0.945 and touched <= 15, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind26.json`, never read: 280 snippets, 72 with no private span. Measured once at
    the start tree **96.8 % of secret characters, 17/72 clean touched** and at the pass's end
    96.8 %, 17/72."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind26.json"), TextRedactor())
    assert clean == 72 and share >= 0.965 and touched <= 18, (share, touched)


def test_clinical_letters_chat_forms_mail_in_six_languages() -> None:
    """`multilingual_blind16.json`: 300 texts, 50 in each of es nl de fr it pt (90 clinical).
    Measured once at the start **R 0.957 / P 0.858**; at the pass's end R 0.966 / P 0.865 (a
    home's unit after the address, passwords said in a sentence or with a qualifier, door codes in
    Dutch and German, closings before a sign-off, buyers and sellers as speakers)."""
    result = overall("multilingual_blind16.json")
    assert result["recall"] >= 0.960 and result["precision"] >= 0.861, result
