"""Wiki usernames where MediaWiki shows them (`detectors/_wiki_signatures.py`): a signature before
"(talk)", a user's page, a talk page's comment signed after a dash; not a site's name after a dash,
and no dash signature on a page that is no wiki's. Cases written here (twenty-third pass)."""

from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    ("text", "users"),
    [
        ("Looks fine to me. Brambleworth (talk) 10:12, 3 May 2024 (UTC)", ["Brambleworth"]),
        ("(cur | prev) . . Otter_Lake (talk | contribs) . . (+212)", ["Otter_Lake"]),
        ("Gelijk, zie bron. Veenweide (overleg) 12 mrt", ["Veenweide"]),
        ("User talk:Maple-leaf-2011\n== Welcome ==\nHello and welcome!", ["Maple-leaf-2011"]),
        ("Benutzer Diskussion:Kiesel_42\nHallo!", ["Kiesel_42"]),
        ("== Merge proposal ==\nI support merging the two stubs. — Quillfeather", ["Quillfeather"]),
    ],
)
def test_wiki_users_are_found(text: str, users: list[str]) -> None:
    assert flagged(text, "USERNAME") == users


@pytest.mark.parametrize(
    "text",
    [
        "Kraków Old Town — Wikipedia",  # a title's site, no signature
        "== History ==\nThe town was founded in 1254. — Wikipedia",
        "Meeting moved to Friday — Sandra",  # no wiki page: left to the other rules
        "edit by 93.184.216.34 (talk)",  # an IP: the IP rule's
        "$user = User::where('email', $email)->first();",  # PHP, no user's page
    ],
)
def test_no_wiki_user_where_none_signs(text: str) -> None:
    assert flagged(text, "USERNAME") == []
