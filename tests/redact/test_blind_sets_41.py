"""The sets written blind in the forty-first pass (issue 11) by other sessions that read nothing of
the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), in two rounds: five at
the pass's start, three in its first hour. Each was measured before it was read, with the tree the
pass began with (`ca35011`); those of the second round that stay unread also with the middle tree
(`2901ee4`). Four were then read and their kinds of failure fixed (in cases written here:
`test_pass41.py`); `english_blind53`, `secrets_blind43`, `titles_blind20` and
`multilingual_blind28` were written at the same time by sessions that saw none of it, and never
read.

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_browsers_mail_chat_crms_terminals_in_eight_languages() -> None:
    """`titles_blind19.json`: 240 titles (144 en, 96 in es nl de fr it pt pl), 140 with private
    data, 100 harmless. Measured at the start **132/140 (94.3 %), 12/100 touched**; at the end
    134/140 (95.7 %), 6/100 (clubs, paintings, famous addresses as a page's title, an app's last
    word, a record's id in a path, a login after "user" before a title's separator)."""
    caught, touched = title_figures(heldout_items("titles_blind19.json"), TextRedactor())
    assert caught >= 133 and touched <= 7, (caught, touched)


def test_titles_written_beside_the_pass_never_read() -> None:
    """`titles_blind20.json` (second round), never read: 240 titles (144 en, 96 in es nl de fr it
    pt sv). Measured at the start **123/140 (87.9 %), 9/100** (the same at the middle); at the end
    125/140 (89.3 %), 9/100."""
    caught, touched = title_figures(heldout_items("titles_blind20.json"), TextRedactor())
    assert caught >= 124 and touched <= 10, (caught, touched)


def test_english_pharmacy_leagues_freelancers_movers_libraries_weddings_gyms() -> None:
    """`english_blind52.json`: measured at the start **R 0.934 / P 0.822**; at the end R 0.935 /
    P 0.837 (a file's name that widened to its line's start, teams, authors and designers, the
    model's addresses over amounts and specs)."""
    result = overall("english_blind52.json")
    assert result["recall"] >= 0.932 and result["precision"] >= 0.834, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind53.json` (first round: airline care, utility billing, recruiting, home care,
    municipal services, parcel lockers, music schools), never read. Measured at the start
    **R 0.921 / P 0.845** (0.921 / 0.850 at the middle); at the end R 0.926 / P 0.851."""
    result = overall("english_blind53.json")
    assert result["recall"] >= 0.923 and result["precision"] >= 0.848, result


def test_clinical_chat_mail_forms_legal_in_six_languages() -> None:
    """`multilingual_blind27.json` (es nl fr it pt **da**, 90 clinical): measured at the start
    **R 0.952 / P 0.803**; at the end R 0.959 / P 0.804 (passphrases of words, Nordic recovery
    codes, camelCase handles that speak, a practitioner's trade line, tracking numbers)."""
    result = overall("multilingual_blind27.json")
    assert result["recall"] >= 0.956 and result["precision"] >= 0.801, result


def test_clinical_and_legal_written_beside_the_pass_never_read() -> None:
    """`multilingual_blind28.json` (second round: es nl de fr it **no**), never read. Measured at
    the start **R 0.951 / P 0.794** (0.951 / 0.797 at the middle); at the end R 0.953 / P 0.799."""
    result = overall("multilingual_blind28.json")
    assert result["recall"] >= 0.950 and result["precision"] >= 0.796, result


def test_secrets_in_laravel_go_terraform_actions_ansible_mobile_shell() -> None:
    """`secrets_blind42.json`: 290 snippets, 92 with no private span. Measured at the start
    **96.9 %, 17/92**; at the end 96.9 %, 17/92 (logins as an env read's default or a named value,
    users' plain names above their passwords, Blade blocks, a class and its method)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind42.json"), TextRedactor())
    assert clean == 92 and share >= 0.96 and touched <= 18, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind43.json` (second round), never read: 290 snippets (FastAPI and Celery, Rust,
    CDK and CloudFormation, GitLab CI, nginx/HAProxy/Traefik, notebooks, Windows scripts), 92 clean.
    Measured at the start **96.8 %, 26/92** (the same at the middle and the end)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind43.json"), TextRedactor())
    assert clean == 92 and share >= 0.96 and touched <= 27, (share, touched)
