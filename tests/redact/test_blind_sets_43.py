"""The sets written blind in the forty-third pass (issue 11) by other sessions that read nothing of
the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), all eight at the pass's
start. Each was measured before it was read, with the tree the pass began with (`168c5c2`); the
four that stay unread also with the middle tree (`6d127c9`). Four were then read and their kinds
of failure fixed (in cases written here: `test_pass43.py`); `english_blind57`, `secrets_blind47`,
`titles_blind24` and `multilingual_blind32` were written at the same time by sessions that saw
none of it, and never read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_meetings_repos_password_managers_in_seven_languages() -> None:
    """`titles_blind23.json`: 240 titles (144 en, 96 in es fr de it pt pl), 140 with private
    data, 100 harmless. Measured at the start **128/140 (91.4 %), 11/100 touched**; at the end
    132/140 (94.3 %), 6/100 (a chat app before its contact, first names paired by "/", a settings
    repository's owner, a first name and its initial, parcels after "Envío" and "Przesyłka",
    "Mapy Google", sample files, a repository at a commit)."""
    caught, touched = title_figures(heldout_items("titles_blind23.json"), TextRedactor())
    assert caught >= 131 and touched <= 7, (caught, touched)


def test_titles_written_beside_the_pass_never_read() -> None:
    """`titles_blind24.json`, never read: 240 titles (144 en, 96 in es nl de fr sv fi). Measured at
    the start **130/140 (92.9 %), 6/100**; 131/140 (93.6 %), 6/100 at the middle and the end."""
    caught, touched = title_figures(heldout_items("titles_blind24.json"), TextRedactor())
    assert caught >= 129 and touched <= 7, (caught, touched)


def test_english_estate_agents_nurseries_helpdesks_physios_tickets_legal_aid_delivery() -> None:
    """`english_blind56.json`: measured at the start **R 0.940 / P 0.852**; at the end R 0.950 /
    P 0.875 (customers' order numbers, big towns found alone as surnames, firms of two surnames
    joined by "&", parks and halls, courtesy words before a name, nurseries)."""
    result = overall("english_blind56.json")
    assert result["recall"] >= 0.948 and result["precision"] >= 0.870, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind57.json` (bank fraud, opticians, student housing, charities, courier claims,
    HR onboarding, emergency vets), never read. Measured at the start **R 0.938 / P 0.879**;
    R 0.943 / P 0.883 at the middle and the end."""
    result = overall("english_blind57.json")
    assert result["recall"] >= 0.940 and result["precision"] >= 0.879, result


def test_clinical_chat_mail_forms_legal_in_six_languages() -> None:
    """`multilingual_blind31.json` (es nl de fr it **cs**, 90 clinical): measured at the start
    **R 0.954 / P 0.818**; at the end R 0.972 / P 0.829 (Czech addresses of a three-two postcode,
    Italian titles in lower case, forms' example mailboxes, a letter's place and date, Dutch
    practices named by an article)."""
    result = overall("multilingual_blind31.json")
    assert result["recall"] >= 0.969 and result["precision"] >= 0.825, result


def test_clinical_and_legal_written_beside_the_pass_never_read() -> None:
    """`multilingual_blind32.json` (es nl de fr pt **ro**), never read. Measured at the start
    **R 0.939 / P 0.823**; R 0.941 / P 0.826 at the middle, 0.942 / 0.826 at the end."""
    result = overall("multilingual_blind32.json")
    assert result["recall"] >= 0.937 and result["precision"] >= 0.821, result


def test_secrets_in_flask_terraform_ci_redis_firebase_phoenix_nginx() -> None:
    """`secrets_blind46.json`: 290 snippets, 92 with no private span. Measured at the start
    **97.1 %, 22/92**; at the end 97.4 %, 17/92 (Erlang cookies, a cookie header's session,
    blanked values, Firebase project numbers, AWS's documented example keys stay masked)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind46.json"), TextRedactor())
    assert clean == 92 and share >= 0.970 and touched <= 18, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind47.json`, never read: 290 snippets (WordPress, Ktor, Helm and Argo CD, bash and
    cron, dev containers, Maven and Gradle, logs pasted in Slack), 92 clean. Measured at the start
    **96.3 %, 21/92**; the same at the middle and the end."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind47.json"), TextRedactor())
    assert clean == 92 and share >= 0.960 and touched <= 22, (share, touched)
