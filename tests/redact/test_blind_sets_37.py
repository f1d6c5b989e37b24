"""The sets written blind in the thirty-seventh pass (issue 11) by other sessions that read nothing
of the repository (only a page of labelling rules, rewritten for this pass: the last one was not
kept), in two rounds of six. Each was measured once before it was read, with the tree the pass
began with (`c258726`); the second round also with the tree of the pass's middle (`2caf6f6`).
Eight were then read and their kinds of failure fixed (in cases written here: `test_pass37.py`);
`english_blind39`, `secrets_blind32` (first round), `english_blind41` and `secrets_blind34`
(second round) were written at the same time by sessions that saw none of it, and never read.

These sets are harder than the earlier ones: the labelling page asked for hard harmless items and
its labellers count organisations' phone numbers and e-mail addresses as private but not their
letterheads' addresses. The bounds leave a little room: under a loaded machine an item can run
past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_web_and_desktop_apps_in_seventeen_languages() -> None:
    """`titles_blind11.json`: 240 titles (170 en, 70 in 16 other languages), 135 with private
    data, 105 harmless. Measured at the start **121/135 (89.6 %), 19/105 touched**; at the end
    121/135, 15/105 (a camera's file name, a featured artist, encyclopaedias in other scripts)."""
    caught, touched = title_figures(heldout_items("titles_blind11.json"), TextRedactor())
    assert caught >= 120 and touched <= 17, (caught, touched)


def test_titles_of_mail_chat_desks_payroll_in_twenty_languages() -> None:
    """`titles_blind12.json` (second round): 240 titles, 134 with private data, 106 harmless.
    Measured at the start **112/134 (83.6 %), 17/106** (16/106 at the middle); at the end the
    same 112/134, 16/106: this pass's fixes reached few of its titles."""
    caught, touched = title_figures(heldout_items("titles_blind12.json"), TextRedactor())
    assert caught >= 111 and touched <= 18, (caught, touched)


def test_english_news_reviews_letters_hr_mail_chat_lists() -> None:
    """`english_blind38.json`: measured at the start **R 0.938 / P 0.748**; at the end R 0.938 /
    P 0.751 (towns after a preposition, streets named in news without a number). Public figures
    of sports and culture pages remain most of what is masked outside a gold span."""
    result = overall("english_blind38.json")
    assert result["recall"] >= 0.936 and result["precision"] >= 0.748, result


def test_english_workplace_school_property_insurance_community_notes() -> None:
    """`english_blind40.json` (second round): measured at the start **R 0.924 / P 0.819** (0.924 /
    0.822 at the middle); at the end R 0.926 / P 0.822 (an inverted name in a class list)."""
    result = overall("english_blind40.json")
    assert result["recall"] >= 0.924 and result["precision"] >= 0.819, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind39.json` (first round) and `english_blind41.json` (second), never read:
    measured at the start **R 0.917 / P 0.816** and **R 0.930 / P 0.803** (0.930 / 0.808 at the
    middle); at the end R 0.917 / P 0.817 and R 0.930 / P 0.808."""
    first, second = overall("english_blind39.json"), overall("english_blind41.json")
    assert first["recall"] >= 0.915 and first["precision"] >= 0.815, first
    assert second["recall"] >= 0.928 and second["precision"] >= 0.805, second


def test_clinical_legal_chat_forms_mail_in_six_languages() -> None:
    """`multilingual_blind19.json` (es nl de fr it pt, 90 clinical) and `multilingual_blind20.json`
    (second round): measured at the start **R 0.941 / P 0.818** and **R 0.937 / P 0.839** (0.940 /
    0.838 at the middle); at the end R 0.950 / P 0.818 and R 0.941 / P 0.838 (a name found in
    pieces joined, addresses' floors, states and CEPs, name fields with an asterisk)."""
    first, second = overall("multilingual_blind19.json"), overall("multilingual_blind20.json")
    assert first["recall"] >= 0.948 and first["precision"] >= 0.816, first
    assert second["recall"] >= 0.939 and second["precision"] >= 0.835, second


def test_secrets_in_code_config_terminals_logs_messages_data_infra() -> None:
    """`secrets_blind31.json` and `secrets_blind33.json` (second round): 290 snippets each, 76 and
    77 with no private span. Measured at the start **97.0 %, 17/76** and **97.1 %, 21/77** (97.5 %,
    21/77 at the middle); at the end 97.8 %, 17/76 and 98.1 %, 20/77 (stored passwords' hashes)."""
    red = TextRedactor()
    share, touched, clean = secret_figures(heldout_items("secrets_blind31.json"), red)
    assert clean == 76 and share >= 0.975 and touched <= 19, (share, touched)
    share, touched, clean = secret_figures(heldout_items("secrets_blind33.json"), red)
    assert clean == 77 and share >= 0.978 and touched <= 22, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind32.json` and `secrets_blind34.json`, never read: measured at the start
    **94.4 %, 23/77** and **93.7 %, 25/79** (93.9 %, 25/79 at the middle); at the end 94.4 %,
    23/77 and 93.9 %, 25/79."""
    red = TextRedactor()
    share, touched, clean = secret_figures(heldout_items("secrets_blind32.json"), red)
    assert clean == 77 and share >= 0.94 and touched <= 25, (share, touched)
    share, touched, clean = secret_figures(heldout_items("secrets_blind34.json"), red)
    assert clean == 79 and share >= 0.935 and touched <= 27, (share, touched)
