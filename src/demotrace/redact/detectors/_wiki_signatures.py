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
_TALK = r"(?:talk|discussion|discusión|discussione|discussão|diskussion|overleg|dyskusja)"  # (?i:) where used
_CONTRIBS = r"(?i:contribs?|bijdragen|Beiträge|contributions|contribuciones|contributi|contribuições|wkład)"
_SIGNED = re.compile(
    rf"(?P<user>[^\s|()\[\]{{}}—–:]{{2,40}})[ \t]+\((?i:{_TALK})(?:[ \t]*\|[ \t]*{_CONTRIBS})?\)"
)
# a user's page or talk page: "User talk:Pikachu-fan-2009", "Benutzer:Xy", "Gebruiker:Ab"
_USER = r"(?:User|Benutzer(?:in)?|Gebruiker|Usuario|Utilisateur|Utente|Użytkownik|Usuário|Användare)"
_USER_PAGE = re.compile(
    rf"\b{_USER}(?:[ _](?i:{_TALK}))?:(?P<user>\w[\w.-]{{1,39}})(?![\w(])"  # (not PHP's `User::where(`)
)
# the label a signature's link to a user's page shows: "[[User:Quillfeather|Quill]]" (not the talk
# link's "|talk]]")
_PIPED_LABEL = re.compile(rf"\[\[{_USER}(?:[ _]\w+)?:[^|\]\n]{{1,40}}\|(?P<user>[^\]|\n]{{2,40}})\]\]")
# a comment's signature after a dash at its line's end ("— Tarnwatch", "– Admin_Quiller")
_DASH_SIGNED = re.compile(r"(?<=\S)[ \t]+[—–][ \t]?(?P<user>[A-Za-z0-9][\w.-]{1,39})[ \t]*$", re.M)
_WIKI_PAGE = re.compile(rf"\((?i:{_TALK})\b|\b(?:User|Benutzer|Gebruiker)[ _]\w*:?|^==[^=\n]+==[ \t]*$", re.M)


# what each pattern needs, found first (a literal "(" or ":" first: `re` skips to it in C, where the
# patterns themselves, led by a user's characters or a word boundary, are tried at every position)
_TALK_LINK = re.compile(rf"\((?i:{_TALK})")
# the words a user's page's name ends with before its colon ("User:", "User talk:", "Benutzer
# Diskussion:"), each looked behind from the colon
_PAGE_WORDS = (
    *("User", "Benutzer", "Benutzerin", "Gebruiker", "Usuario", "Utilisateur", "Utente", "Użytkownik"),
    *("Usuário", "Användare", "talk", "Diskussion", "overleg", "discussion", "Discussion", "dyskusja"),
)
_USER_WORD = re.compile(":(?:" + "|".join(f"(?<={w}:)" for w in _PAGE_WORDS) + ")")


def wiki_users(text: str) -> list[tuple[int, int]]:
    """The spans of the usernames a wiki page shows."""
    out: list[tuple[int, int]] = []
    if "(" in text and _TALK_LINK.search(text):
        out += [m.span("user") for m in _SIGNED.finditer(text) if _handle(m.group("user"))]
    if ":" in text and _USER_WORD.search(text):
        out += [m.span("user") for m in _USER_PAGE.finditer(text)]
        out += [
            m.span("user")
            for m in _PIPED_LABEL.finditer(text)
            if not re.fullmatch(rf"(?i:{_TALK})|{_CONTRIBS}", m.group("user"))
        ]
    if ("—" in text or "–" in text) and _WIKI_PAGE.search(text):
        out += [m.span("user") for m in _DASH_SIGNED.finditer(text) if _handle(m.group("user"))]
    return out


def _handle(user: str) -> bool:
    """A username, not an IP (the IP rule has those) nor a site's or an app's name."""
    return not user.replace(".", "").isdigit() and user.lower() not in NOT_NAMES
