"""The sets written blind in the fortieth pass (issue 11) by other sessions that read nothing of the
repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), in three rounds: five at the
pass's start, two in its first hours, two more later. Each was measured before it was read, with
the tree the pass began with (`2716629`); those of the second and third rounds also with the middle
tree (`8fc44d1`). Four were then read and their kinds of failure fixed (in cases written here:
`test_pass40.py`); `english_blind50`, `english_blind51`, `secrets_blind41`, `titles_blind18` and
`multilingual_blind26` were written at the same time by sessions that saw none of it, and never
read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_mail_banking_hr_meetings_terminals_in_eleven_languages() -> None:
    """`titles_blind17.json`: 240 titles (144 en, 96 in es nl de fr it pt sv cs hu ro), 140 with
    private data, 100 harmless. Measured at the start **125/140 (89.3 %), 8/100 touched**; at the
    end 131/140 (93.6 %), 5/100 (a hotel's confirmation in dotted groups, a sort code beside its
    account, a password manager's item login, PostNL's barcode, file names' document words)."""
    caught, touched = title_figures(heldout_items("titles_blind17.json"), TextRedactor())
    assert caught >= 130 and touched <= 6, (caught, touched)


def test_titles_written_beside_the_pass_never_read() -> None:
    """`titles_blind18.json` (third round), never read: 240 titles (144 en, 96 in de fr es it nl pt
    pl da fi el). Measured at the start **122/140 (87.1 %), 12/100** (122/140, 11/100 at the
    middle); at the end 124/140 (88.6 %), 11/100."""
    caught, touched = title_figures(heldout_items("titles_blind18.json"), TextRedactor())
    assert caught >= 123 and touched <= 12, (caught, touched)


def test_english_logistics_property_vets_claims_schools_charities_coworking() -> None:
    """`english_blind49.json`: measured at the start **R 0.938 / P 0.831**; at the end R 0.943 /
    P 0.864 (streets named in prose, locks' combinations, inverted names, legal citations)."""
    result = overall("english_blind49.json")
    assert result["recall"] >= 0.941 and result["precision"] >= 0.860, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind50.json` (first round: building sites, tenants, pharmacy, youth sports, online
    games, travel agents, bookkeeping) and `english_blind51.json` (second round: admissions, hotels,
    garages, dentists, permits, freelance design, churches and charities), never read. Measured at
    the start **R 0.917 / P 0.826** and **R 0.951 / P 0.819** (0.917 / 0.841 and 0.951 / 0.826 at the
    middle); at the end R 0.917 / P 0.841 and R 0.951 / P 0.826."""
    first, second = overall("english_blind50.json"), overall("english_blind51.json")
    assert first["recall"] >= 0.915 and first["precision"] >= 0.838, first
    assert second["recall"] >= 0.949 and second["precision"] >= 0.823, second


def test_clinical_chat_mail_forms_legal_in_six_languages() -> None:
    """`multilingual_blind25.json` (es nl de it pt **sv**, 90 clinical): measured at the start
    **R 0.950 / P 0.782**; at the end R 0.957 / P 0.804 (streets whose name runs to a comma before
    the number, Catalan streets, firms named after their owners, royalty)."""
    result = overall("multilingual_blind25.json")
    assert result["recall"] >= 0.955 and result["precision"] >= 0.801, result


def test_clinical_and_legal_written_beside_the_pass_never_read() -> None:
    """`multilingual_blind26.json` (third round: es nl fr de pt **cs**), never read. Measured at the
    start **R 0.943 / P 0.786** (0.943 / 0.801 at the middle); at the end R 0.946 / P 0.803."""
    result = overall("multilingual_blind26.json")
    assert result["recall"] >= 0.944 and result["precision"] >= 0.800, result


def test_secrets_in_kubernetes_compose_node_rails_spring_powershell_databases() -> None:
    """`secrets_blind40.json`: 290 snippets, 92 with no private span. Measured at the start
    **95.0 %, 28/92**; at the end 95.0 %, 25/92 (placeholders' mailboxes, advisories' ids, tools'
    names before their log lines, a password typed at the prompt)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind40.json"), TextRedactor())
    assert clean == 92 and share >= 0.94 and touched <= 26, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind41.json` (second round), never read: 287 snippets (Go, Rust, Laravel, Ansible,
    GCP, nginx and Apache, notebooks), 92 clean. Measured at the start **92.7 %, 30/92** (92.7 %,
    30/92 at the middle); at the end 92.7 %, 29/92."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind41.json"), TextRedactor())
    assert clean == 92 and share >= 0.92 and touched <= 30, (share, touched)
