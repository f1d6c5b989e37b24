"""The sets written blind in the thirty-sixth pass (issue 11) by other sessions that read nothing of
the repository (only a page of labelling rules), in two rounds of six. Each was measured once,
before it was read, with the tree the pass began with (`4794349`); the second round also with the
tree of the pass's middle (`0d0907f`). Eight were then read and their kinds of failure fixed (in
cases written here: `test_pass36.py`); `english_blind35`, `secrets_blind28` (first round),
`english_blind37` and `secrets_blind30` (second round) were written at the same time by sessions
that saw none of it, and never read. The bounds leave a little room: under a loaded machine an
item can run past its time budget and be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_terminals_ides_chat_trackers_docs_banks_in_twelve_languages() -> None:
    """`titles_blind9.json`: 240 titles (170 English, 70 in de fr es nl it pt pl sv no fi tr ja),
    132 with private data, 108 harmless. Measured once at the start: every private span caught in
    **127/132**, 16/108 harmless touched; at the pass's end 130/132, 9/108 (a host named after its
    user, Auth0's user ids, a document's name keeping its words, public figures' pages and handles,
    songs and books)."""
    caught, touched = title_figures(heldout_items("titles_blind9.json"), TextRedactor())
    assert caught >= 129 and touched <= 11, (caught, touched)


def test_titles_of_web_apps_desktop_dev_tools_portals_in_twelve_languages() -> None:
    """`titles_blind10.json` (second round): 240 titles, 134 with private data, 106 harmless.
    Measured at the start **129/134, 35/106 touched** (32 at the middle); at the end 130/134,
    20/106 (a masked account's last digits, a shop's possessive, museums, regions and royal titles
    before a name, streets looked up on a map, Kindle's titles, Korean names in a list)."""
    caught, touched = title_figures(heldout_items("titles_blind10.json"), TextRedactor())
    assert caught >= 129 and touched <= 22, (caught, touched)


def test_english_legal_finance_support_community_recruiting_medical_mail() -> None:
    """`english_blind34.json`: 280 English texts. Measured once at the start **R 0.969 / P
    0.892**; at the end R 0.987 / P 0.899 (nicknames in quotes, support agents, ids after their
    cues, Welsh streets, a mail's display name)."""
    result = overall("english_blind34.json")
    assert result["recall"] >= 0.982 and result["precision"] >= 0.894, result


def test_english_chat_forms_tickets_news_letters_notes_listings() -> None:
    """`english_blind36.json` (second round): measured at the start **R 0.948 / P 0.864** (0.951 /
    0.869 at the middle); at the end R 0.961 / P 0.881 (a letterhead's department and a heading
    are no address, name fields, Discord's authors, the UK's NI number, Hong Kong's HKID)."""
    result = overall("english_blind36.json")
    assert result["recall"] >= 0.954 and result["precision"] >= 0.876, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind35.json` (first round) and `english_blind37.json` (second), never read.
    Measured at the start **R 0.940 / P 0.875** and **R 0.939 / P 0.873**; at the end R 0.945 / P
    0.878 and R 0.944 / P 0.873."""
    first, second = overall("english_blind35.json"), overall("english_blind37.json")
    assert first["recall"] >= 0.940 and first["precision"] >= 0.873, first
    assert second["recall"] >= 0.939 and second["precision"] >= 0.869, second


def test_secrets_in_code_infra_config_terminals_logs_messages() -> None:
    """`secrets_blind27.json` and `secrets_blind29.json` (second round): 289 and 284 snippets, 91
    and 75 with no private span. Measured at the start **96.8 %, 20/91** and **96.3 %, 20/75**; at
    the end 99.5 %, 12/91 and 99.7 %, 12/75 (redis.conf, LDAP's -w, PgBouncer, WireGuard's
    preshared key, Django's key, WordPress' salts, printed key files, door codes in chats)."""
    red = TextRedactor()
    share, touched, clean = secret_figures(heldout_items("secrets_blind27.json"), red)
    assert clean == 91 and share >= 0.99 and touched <= 14, (share, touched)
    share, touched, clean = secret_figures(heldout_items("secrets_blind29.json"), red)
    assert clean == 75 and share >= 0.99 and touched <= 14, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind28.json` and `secrets_blind30.json`, never read: measured at the start **93.5
    %, 17/76** and **94.4 %, 27/75** (95.1 %, 24/75 at the middle); at the end 94.9 %, 17/76 and
    96.5 %, 23/75."""
    red = TextRedactor()
    share, touched, clean = secret_figures(heldout_items("secrets_blind28.json"), red)
    assert clean == 76 and share >= 0.945 and touched <= 18, (share, touched)
    share, touched, clean = secret_figures(heldout_items("secrets_blind30.json"), red)
    assert clean == 75 and share >= 0.96 and touched <= 24, (share, touched)


def test_clinical_legal_chat_forms_mail_in_six_languages() -> None:
    """`multilingual_blind17.json` and `multilingual_blind18.json` (second round): 300 texts each,
    50 in each of es nl de fr it pt. Measured at the start **R 0.959 / P 0.862** and **R 0.965 / P
    0.892**; at the end R 0.968 / P 0.865 and R 0.976 / P 0.894 (professionals' titles and
    registrations, kin words, Latin American and Belgian ids, plates, digicodes)."""
    first, second = overall("multilingual_blind17.json"), overall("multilingual_blind18.json")
    assert first["recall"] >= 0.964 and first["precision"] >= 0.862, first
    assert second["recall"] >= 0.972 and second["precision"] >= 0.890, second
