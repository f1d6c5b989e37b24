"""The sets written blind in the forty-second pass (issue 11) by other sessions that read nothing of
the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), all eight at the pass's
start. Each was measured before it was read, with the tree the pass began with (`744cb39`); the
four that stay unread also with the middle tree (`0fd56f2`). Four were then read and their kinds
of failure fixed (in cases written here: `test_pass42.py`); `english_blind55`, `secrets_blind45`,
`titles_blind22` and `multilingual_blind30` were written at the same time by sessions that saw
none of it, and never read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_browsers_chat_files_nas_in_eight_languages() -> None:
    """`titles_blind21.json`: 240 titles (144 en, 96 in es de fr nl sv tr pl), 140 with private
    data, 100 harmless. Measured at the start **126/140 (90.0 %), 11/100 touched**; at the end
    134/140 (95.7 %), 10/100 (a login before Meta's bullet, a NAS's home share, a card and an
    address inside a file's name, a tracking cue in Spanish, a payslip's employee number, a chat's
    contact before its app)."""
    caught, touched = title_figures(heldout_items("titles_blind21.json"), TextRedactor())
    assert caught >= 133 and touched <= 11, (caught, touched)


def test_titles_written_beside_the_pass_never_read() -> None:
    """`titles_blind22.json`, never read: 240 titles (144 en, 96 in es de fr nl it pt da).
    Measured at the start **130/140 (92.9 %), 11/100** (the same at the middle and the end)."""
    caught, touched = title_figures(heldout_items("titles_blind22.json"), TextRedactor())
    assert caught >= 129 and touched <= 12, (caught, touched)


def test_english_vets_car_rental_admissions_lettings_claims_dentists_volunteers() -> None:
    """`english_blind54.json`: measured at the start **R 0.943 / P 0.899**; at the end R 0.944 /
    P 0.916 (British registrations, streets after a way's preposition, trade firms, brands and
    authors, a UK postcode's address of named parts)."""
    result = overall("english_blind54.json")
    assert result["recall"] >= 0.942 and result["precision"] >= 0.910, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind55.json` (marketplace sellers, school parents, renovation, tax, recruiting,
    airline loyalty, telecom support), never read. Measured at the start **R 0.945 / P 0.833**
    (0.945 / 0.834 at the middle); at the end R 0.948 / P 0.836."""
    result = overall("english_blind55.json")
    assert result["recall"] >= 0.945 and result["precision"] >= 0.832, result


def test_clinical_chat_mail_forms_legal_in_six_languages() -> None:
    """`multilingual_blind29.json` (es nl de fr pt **sv**, 90 clinical): measured at the start
    **R 0.950 / P 0.762**; at the end R 0.964 / P 0.790 (cadastral references, a form's postcode
    and town, passwords after another language's copula, dose schedules and laws that the model
    read as addresses, inverted names after a patient's label, Nordic door codes)."""
    result = overall("multilingual_blind29.json")
    assert result["recall"] >= 0.961 and result["precision"] >= 0.787, result


def test_clinical_and_legal_written_beside_the_pass_never_read() -> None:
    """`multilingual_blind30.json` (es nl it fr de **pl**), never read. Measured at the start
    **R 0.931 / P 0.750** (0.932 / 0.754 at the middle); at the end R 0.932 / P 0.754."""
    result = overall("multilingual_blind30.json")
    assert result["recall"] >= 0.929 and result["precision"] >= 0.751, result


def test_secrets_in_helm_spring_next_dotnet_compose_database_shells_powershell() -> None:
    """`secrets_blind44.json`: 290 snippets, 92 with no private span. Measured at the start
    **96.8 %, 21/92**; at the end 98.1 %, 16/92 (Maven's XML passwords, passphrases of dotted
    words, Teams webhooks, a box-drawn table's value, annotations, listing states, swarm ids)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind44.json"), TextRedactor())
    assert clean == 92 and share >= 0.975 and touched <= 17, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind45.json`, never read: 290 snippets (Rails, SQL dumps, developers' chat,
    Jenkins, editor settings, cron and systemd, Django), 92 clean. Measured at the start
    **96.8 %, 21/92**; 97.4 %, 21/92 at the middle and the end."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind45.json"), TextRedactor())
    assert clean == 92 and share >= 0.968 and touched <= 22, (share, touched)
