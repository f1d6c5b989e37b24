"""Logins that a text shows by its shape, for `username.py`:

- the path of a profile's URL on a social or code site ("linkedin.com/in/danawhitaker-law",
  "dribbble.com/noraliu", "github.com/ashkim-dev"; not "github.com/acme/api", an organisation's
  repository, nor a site's own pages: "github.com/settings");
- a login in brackets right after a full name that it is made from ("Priya Shah (pshah2)", "Tom
  Okonkwo (tokonkwo)"): a listed first name opens the name, and its surname or first name is in
  the login (not "Sales Team (sales)", "Acme Corp (acme)").
"""

from __future__ import annotations

import re

from .lexicon import lexicon, word_set

PROFILE_SITES = (
    "linkedin.com/in/",
    "github.com/",
    "gitlab.com/",
    "twitter.com/",
    "x.com/",
    "instagram.com/",
    "facebook.com/",
    "tiktok.com/@",
    "dribbble.com/",
    "behance.net/",
    "medium.com/@",
    "youtube.com/@",
    "t.me/",
    "reddit.com/user/",
    "reddit.com/u/",
)
_PROFILE = re.compile(
    r"(?<![\w.-])(?:https?://)?(?:www\.)?(?:"
    + "|".join(re.escape(s) for s in PROFILE_SITES)
    + r")(?P<login>[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?)(?P<rest>/[\w.-]+)?"
)
# a site's own pages, not a person's
_SITE_PAGES = word_set(
    """
    about settings login signup explore search help pricing features orgs organizations topics
    marketplace sponsors notifications home jobs company school groups pages events watch share
    intent hashtag i p reel reels stories
    """
)
_NAME_THEN_LOGIN = re.compile(
    r"(?P<first>[A-Z][a-z]+)(?:[ \t][A-Z][a-z'’-]+)?[ \t](?P<last>[A-Z][a-z'’-]+)[ \t]*"
    r"\((?P<login>[a-z][a-z0-9._-]{2,30})\)"
)


def profile_logins(text: str) -> list[tuple[int, int]]:
    """The spans of the logins in profile URLs (`_PROFILE`)."""
    out = []
    for m in _PROFILE.finditer(text):
        login = m.group("login")
        if login.lower() in _SITE_PAGES:
            continue
        if m.group("rest") and "linkedin.com/in/" not in m.group(0).lower():
            continue  # "github.com/acme/api": an organisation's repository, not a profile
        out.append((m.start("login"), m.end("login")))
    return out


def logins_after_names(text: str) -> list[tuple[int, int]]:
    """The spans of logins in brackets after a full name they are made from (`_NAME_THEN_LOGIN`)."""
    out = []
    lex = lexicon()
    for m in _NAME_THEN_LOGIN.finditer(text):
        login, first, last = m.group("login"), m.group("first").lower(), m.group("last").lower()
        core = re.sub(r"[^a-z]", "", login)
        if first not in lex.first or (lex.is_word(core) and not lex.is_name(core)):
            continue  # "Sales Team (sales)": no first name opens it; "(admin)": a word
        if last[:4] in core or (len(first) >= 3 and first in core):
            out.append((m.start("login"), m.end("login")))
    return out
