"""The sets written blind in the thirty-eighth pass (issue 11) by other sessions that read nothing
of the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), in two rounds: six at
the pass's start, five in its middle. Each was measured once before it was read, with the tree the
pass began with (`fa8c2fc`); the second round also with the middle tree (`f330ef6`). Seven were
then read and their kinds of failure fixed (in cases written here: `test_pass38.py`);
`english_blind43`, `secrets_blind36` (first round) and `english_blind45` (second round) were
written at the same time by sessions that saw none of it, and never read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_mail_chat_documents_terminals_banking_in_fifteen_languages() -> None:
    """`titles_blind13.json`: 240 titles (168 en, 72 in 14 other languages), 140 with private
    data, 100 harmless. Measured at the start **119/140 (85.0 %), 15/100 touched**; at the end
    120/140, 12/100 (a disease named after someone, a place in a maps app's title, a payee's
    initial)."""
    caught, touched = title_figures(heldout_items("titles_blind13.json"), TextRedactor())
    assert caught >= 119 and touched <= 13, (caught, touched)


def test_titles_of_a_second_round_in_seventeen_languages() -> None:
    """`titles_blind14.json` (second round): 240 titles, 140 with private data, 100 harmless.
    Measured at the start and the middle **123/140 (87.9 %), 8/100**; at the end 124/140, 6/100."""
    caught, touched = title_figures(heldout_items("titles_blind14.json"), TextRedactor())
    assert caught >= 123 and touched <= 8, (caught, touched)


def test_english_retail_travel_hr_legal_helpdesk_banking_clubs() -> None:
    """`english_blind42.json`: measured at the start **R 0.932 / P 0.835**; at the end R 0.940 /
    P 0.837 (an inverted name in a column, a rota's initials, "acc", sort codes, travellers'
    names as airlines print them)."""
    result = overall("english_blind42.json")
    assert result["recall"] >= 0.938 and result["precision"] >= 0.835, result


def test_english_sales_admin_property_school_sport_insurance_social() -> None:
    """`english_blind44.json` (second round): measured at the start **R 0.950 / P 0.821** (0.951 /
    0.821 at the middle); at the end R 0.956 / P 0.825 (cards mistyped among card words, security
    answers, a key safe's code after "is")."""
    result = overall("english_blind44.json")
    assert result["recall"] >= 0.954 and result["precision"] >= 0.823, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind43.json` (first round) and `english_blind45.json` (second), never read:
    measured at the start **R 0.927 / P 0.799** and **R 0.935 / P 0.806** (0.936 / 0.807 at the
    middle); at the end R 0.927 / P 0.805 and R 0.936 / P 0.809."""
    first, second = overall("english_blind43.json"), overall("english_blind45.json")
    assert first["recall"] >= 0.925 and first["precision"] >= 0.803, first
    assert second["recall"] >= 0.934 and second["precision"] >= 0.807, second


def test_clinical_admin_legal_chat_forms_mail_in_eight_languages() -> None:
    """`multilingual_blind21.json` (es nl de fr pl sv, 90 clinical) and `multilingual_blind22.json`
    (es nl it pt de fr, second round): measured at the start **R 0.945 / P 0.799** and **R 0.948 /
    P 0.768** (0.949 / 0.770 at the middle); at the end R 0.948 / P 0.810 and R 0.949 / P 0.775
    (a chat's own writer and relatives, weekdays, offices, doses, record locators, door codes)."""
    first, second = overall("multilingual_blind21.json"), overall("multilingual_blind22.json")
    assert first["recall"] >= 0.946 and first["precision"] >= 0.808, first
    assert second["recall"] >= 0.947 and second["precision"] >= 0.772, second


def test_secrets_in_ci_k8s_iac_config_notebooks_mobile_chatops_web_cloud_payments_iot() -> None:
    """`secrets_blind35.json` and `secrets_blind37.json` (second round): 291 and 290 snippets, 92
    and 91 with no private span. Measured at the start **95.3 %, 18/92** and **94.8 %, 26/91**
    (the same at the middle); at the end 96.5 %, 16/92 and 96.4 %, 24/91 (secrets under an
    orchestrator's setting's name, Telegram tokens, password files' users and hashes)."""
    red = TextRedactor()
    share, touched, clean = secret_figures(heldout_items("secrets_blind35.json"), red)
    assert clean == 92 and share >= 0.962 and touched <= 17, (share, touched)
    share, touched, clean = secret_figures(heldout_items("secrets_blind37.json"), red)
    assert clean == 91 and share >= 0.961 and touched <= 25, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind36.json` (first round), never read: 290 snippets, 86 clean. Measured at the
    start **96.8 %, 21/86**; at the end 97.1 %, 21/86."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind36.json"), TextRedactor())
    assert clean == 86 and share >= 0.968 and touched <= 22, (share, touched)
