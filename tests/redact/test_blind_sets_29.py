"""The sets written blind in the twenty-ninth pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules). Each was measured once, before it was read, with
the tree the pass began with (`8ae6922`). `titles_blind2`, `english_blind19`, `clinical_blind3` and
`secrets_blind15` were then read and their kinds of failure fixed (in cases written here:
`test_pass29_clinical.py`, `test_pass29_config.py`, `test_file_names.py`,
`test_terminal_listing.py`); `multilingual_blind10` was never read. The bounds leave a little
room: under a loaded machine an item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_window_titles_of_eight_kinds_of_app() -> None:
    """`titles_blind2.json`: 240 English window and tab titles, 132 with private data, 108 harmless
    (browsers, mail, chat, office files, IDEs, terminals, viewers, admin consoles). Measured once at
    the start: every private span caught in **121/132 (91.7 %)**, 11/108 harmless touched, P 0.754.
    At the pass's end **124/132 (93.9 %)**, 10/108, R 0.944 / P 0.825 (a file's name of words:
    `_file_names.py`)."""
    caught, touched = title_figures(heldout_items("titles_blind2.json"), TextRedactor())
    assert caught >= 122 and touched <= 12, (caught, touched)


def test_spanish_and_dutch_clinical_documents() -> None:
    """`clinical_blind3.json`: 120 Spanish and 120 Dutch discharge summaries, referrals, nursing
    notes and lab reports. Measured once at the start **R 0.9676 / P 0.7733** (doses "c/8 h" and
    measurements read as streets, eponyms as people, clinical words as logins); at the pass's end
    R 0.9676 / P 0.8613 (the goal: R ≥ 0.90 / 0.85 at P ≥ 0.80)."""
    result = overall("clinical_blind3.json")
    assert result["recall"] >= 0.96 and result["precision"] >= 0.85, result


def test_english_vets_garages_gyms_courts_tenants_interviews_helpdesks_weddings() -> None:
    """`english_blind19.json`: 240 English texts. Measured once at the start **R 0.9289 / P
    0.8533** (vehicle registrations, names that are words after a role's label); at the pass's end
    R 0.9367 / P 0.8538."""
    result = overall("english_blind19.json")
    assert result["recall"] >= 0.93 and result["precision"] >= 0.845, result


def test_secrets_of_kubernetes_ci_databases_clouds_packages_monitoring_backups_shops() -> None:
    """`secrets_blind15.json`: 240 snippets, 90 clean. Measured once at the start **94.9 %, 18/90**
    clean snippets touched; at the pass's end 96.0 %, 13/90."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind15.json"), TextRedactor())
    assert clean == 90 and share >= 0.955 and touched <= 15, (share, touched)


def test_eight_languages_never_read_with_danish_and_finnish() -> None:
    """`multilingual_blind10.json`, never read: 240 texts in es nl de fr pt it da fi × titles, chat,
    forms, code, letters, clinical. Measured once at the start **R 0.9711 / P 0.8710**; at the
    pass's end R 0.9721 / P 0.8810 (measured, not read)."""
    result = overall("multilingual_blind10.json")
    assert result["recall"] >= 0.965 and result["precision"] >= 0.87, result
