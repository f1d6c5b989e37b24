"""Wiki usernames where MediaWiki shows them (`username.UsernameDetector`): a signature's user before
"(talk)" or "(talk | contribs)" in a history or a talk page; the page of a user ("User talk:X",
"Benutzer Diskussion:X", "Gebruiker:X"); a talk page's comment signed after a dash at its line's
end ("… per WP:COI. — Tarnwatch"), read as a signature only on a page that looks like a wiki's
(a "(talk)" link, a "User talk:" page, a "== Section ==" heading) and never a site's or an
app's name ("Kraków — Wikipedia"). The mission records Wikipedia; its editors' handles name them."""

from __future__ import annotations

import re

from .lexicon import NOT_NAMES

# the talk link after a signature, in the languages read
_TALK = r"(?:talk|discussion|discusión|discussione|discussão|Diskussion|overleg|dyskusja|diskussion)"
_CONTRIBS = r"(?i:contribs?|bijdragen|Beiträge|contributions|contribuciones|contributi|contribuições|wkład)"
_SIGNED = re.compile(
    rf"(?P<user>[^\s|()\[\]{{}}—–:]{{2,40}})[ \t]+\((?i:{_TALK})(?:[ \t]*\|[ \t]*{_CONTRIBS})?\)"
)
# a user's page or talk page: "User talk:Pikachu-fan-2009", "Benutzer:Xy", "Gebruiker:Ab"
_USER_PAGE = re.compile(
    r"\b(?:User|Benutzer(?:in)?|Gebruiker|Usuario|Utilisateur|Utente|Użytkownik|Usuário|Användare)"
    rf"(?:[ _](?i:{_TALK}|talk))?:(?P<user>[^\s|\]\[#/]{{2,40}})"
)
# a comment's signature after a dash at its line's end ("— Tarnwatch", "– Admin_Quiller")
_DASH_SIGNED = re.compile(r"(?<=\S)[ \t]+[—–][ \t]?(?P<user>[A-Za-z0-9][\w.-]{1,39})[ \t]*$", re.M)
_WIKI_PAGE = re.compile(rf"\((?i:{_TALK})\b|\b(?:User|Benutzer|Gebruiker)[ _]\w*:?|^==[^=\n]+==[ \t]*$", re.M)


def wiki_users(text: str) -> list[tuple[int, int]]:
    """The spans of the usernames a wiki page shows."""
    out = [m.span("user") for m in _SIGNED.finditer(text) if _handle(m.group("user"))]
    out += [m.span("user") for m in _USER_PAGE.finditer(text)]
    if _WIKI_PAGE.search(text):
        out += [m.span("user") for m in _DASH_SIGNED.finditer(text) if _handle(m.group("user"))]
    return out


def _handle(user: str) -> bool:
    """A username, not an IP (the IP rule has those) nor a site's or an app's name."""
    return not user.replace(".", "").isdigit() and user.lower() not in NOT_NAMES
