"""The sets written blind in the forty-fourth pass (issue 11) by other sessions that read nothing of
the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), all eight at the pass's
start and measured before anyone read them, with the tree the pass began with (`aa22c92`). Four
were read and their kinds of failure fixed in cases written here (`test_pass44.py`);
`english_blind59`, `secrets_blind49`, `titles_blind26` and `multilingual_blind34` were never read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_in_english_and_pt_it_pl_cs_tr_sv() -> None:
    """`titles_blind25.json`: measured at the start **131/140 (93.6 %), 15/100 touched**; at the
    end 133/140 (95.0 %), 15/100 (a brand's code, an IBAN a group too long, Turkish words)."""
    caught, touched = title_figures(heldout_items("titles_blind25.json"), TextRedactor())
    assert caught >= 132 and touched <= 16, (caught, touched)


def test_titles_written_beside_the_pass_never_read() -> None:
    """`titles_blind26.json` (en, de fr es nl ro hu), never read: **129/140 (92.1 %), 8/100** at
    the start and at the end."""
    caught, touched = title_figures(heldout_items("titles_blind26.json"), TextRedactor())
    assert caught >= 128 and touched <= 9, (caught, touched)


def test_english_groomers_driving_schools_brokers_funerals_hearing_storage_tutors() -> None:
    """`english_blind58.json`: **R 0.948 / P 0.815** at the start; R 0.951 / P 0.816 at the end
    (OTPs, key safes, padlock combinations, authenticator codes)."""
    result = overall("english_blind58.json")
    assert result["recall"] >= 0.949 and result["precision"] >= 0.813, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind59.json`, never read: **R 0.925 / P 0.807**, unchanged at the end."""
    result = overall("english_blind59.json")
    assert result["recall"] >= 0.922 and result["precision"] >= 0.804, result


def test_clinical_chat_mail_forms_legal_in_es_nl_de_fr_it_pl() -> None:
    """`multilingual_blind33.json`: **R 0.965 / P 0.814** at the start; R 0.967 / P 0.815 at the
    end (PINs given in reply in a family chat, codes whose length is noted, a card's back code)."""
    result = overall("multilingual_blind33.json")
    assert result["recall"] >= 0.965 and result["precision"] >= 0.812, result


def test_clinical_chat_mail_forms_legal_written_beside_the_pass_never_read() -> None:
    """`multilingual_blind34.json` (es nl de fr pt da), never read: **R 0.950 / P 0.844**,
    unchanged at the end."""
    result = overall("multilingual_blind34.json")
    assert result["recall"] >= 0.947 and result["precision"] >= 0.841, result


def test_secrets_of_supabase_airflow_vault_unity_matrix_proxmox_stripe() -> None:
    """`secrets_blind48.json`: **SECRET characters
    92.5 %, 24/92 clean touched** at the start; 93.3 %, 24/92 at the end (Vault secret ids, PVE
    API tokens, Proxmox users with their realm)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind48.json"), TextRedactor())
    assert clean == 92 and share >= 0.925 and touched <= 25, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind49.json` (Perl CGI, Salesforce, Azure DevOps, Bitbucket, Deno/Workers, R Shiny,
    LDAP/AD), never read: SECRET characters 91.7 %, 24/92 clean touched, unchanged at the end."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind49.json"), TextRedactor())
    assert clean == 92 and share >= 0.910 and touched <= 25, (share, touched)
