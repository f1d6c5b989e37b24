"""Logins that a text shows by its shape, for `username.py`:

- the path of a profile's URL on a social or code site ("linkedin.com/in/danawhitaker-law",
  "dribbble.com/noraliu", "github.com/ashkim-dev"; not "github.com/acme/api", an organisation's
  repository, nor a site's own pages: "github.com/settings");
- and, for the model's filter, what only looks like one (`no_login`): lower-case dictionary words
  with no login's cue before them ("(broadband, residential)", "anyone know",
  "amoxicilina-clavulánico"), a Kubernetes manifest's resource name ("name: payments-api");
- a login in brackets right after a full name that it is made from ("Priya Shah (pshah2)", "Tom
  Okonkwo (tokonkwo)"): a listed first name opens the name, and its surname or first name is in
  the login (not "Sales Team (sales)", "Acme Corp (acme)").
"""

from __future__ import annotations

import re

from ._public_names import PUBLIC_FIGURES
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
    # or the login first, the name in brackets after it: "enrolment complete for vkumar (Vikram Kumar)"
    r"|(?<![\w.@/-])(?P<login2>[a-z][a-z0-9._-]{2,30})[ \t]+\((?P<first2>[A-Z][a-z]+)"
    r"(?:[ \t][A-Z][a-z'’-]+)?[ \t](?P<last2>[A-Z][a-z'’-]+)\)"
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
        k = "" if m.group("login") else "2"
        login, first, last = m.group("login" + k), m.group("first" + k).lower(), m.group("last" + k).lower()
        core = re.sub(r"[^a-z]", "", login)
        if first not in lex.first or (lex.is_word(core) and not lex.is_name(core)):
            continue  # "Sales Team (sales)": no first name opens it; "(admin)": a word
        if f"{m.group('first' + k)} {m.group('last' + k)}" in PUBLIC_FIGURES:
            continue  # "Barack Obama (@BarackObama) / X": a public figure's own account
        if last[:4] in core or (len(first) >= 3 and first in core):
            out.append((m.start("login" + k), m.end("login" + k)))
    return out


_MANIFEST_NAME = re.compile(r"\bname:[ \t]*$")
# what names a login before it: "user:", "login =", "logged in as", "handle", "account"
_LOGIN_CUE = re.compile(
    r"(?i:\b(?:user(?:name)?|login|logon|uid|handle|account|acct|id|as|sign(?:ed)?[ \t]in[ \t]as)"
    r"[ \t]*[:=]?[ \t]*)$"
)
_LOWER_WORDS = re.compile(r"[a-z]+(?:[ \t][a-z]+)?")
_HYPHENATED_LOWER = re.compile(r"[^\W\dA-Z_]{3,}(?:-[^\W\dA-Z_]{3,})+")


# what a line that names a login holds somewhere: an account's or a user's word in one of the
# languages read, a command that takes a login (`psql -U`, `sudo -u`, `ssh`), an address's "@", a
# person's parenthesis ("Priya Shah (pshah2)"); not a credential's or a database's word alone (a
# line of config about a secret: "smtp_sasl_security_options = noanonymous" holds no login; 42 of
# the model's logins the rules did not find stood on such lines, 4 of them right)
_LINE_LOGIN_CONTEXT = re.compile(
    r"(?i:user|login|logon|\buid\b|-u\b|owner|account|author|\bas\b|@|member|\bby\b|handle|konto|"
    r"benutzer|gebruiker|usuario|utilisat|utente|utilizador|usuário|identifiant|nick|profil|signed|"
    r"assignee|reporter|ssh|sudo|chown|grant|role|principal|användar|roepnaam|nazwisko|bruger|bruker|"
    r"uzytkownik|uzivatel|inlog|anmeld|connexion|acceso|accesso|\()"
)


_PERSONAL_PATH = re.compile(r"/(?:meet|u|user|users|profile|people|in|member|members|~)/$")
_LOWER_RUN = re.compile(r"(?<![\w./$-])[a-z]{2,}(?![\w./=(-])")


def prose_line(text: str, start: int, end: int) -> bool:
    """The line around the span is a sentence, not code or config: four everyday words in lower
    case or more beside it ("The gaming forum leaked ShadowFox_88")."""
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lex = lexicon()
    words = _LOWER_RUN.findall(text, lo, start) + _LOWER_RUN.findall(text, end, hi)
    return sum(1 for w in words if lex.is_word(w)) >= 4


def _password_shaped(value: str) -> bool:
    words = value.split()
    word = words[0] if words else ""
    classes = (
        any(c.islower() for c in word),
        any(c.isupper() for c in word),
        any(c.isdigit() for c in word),
        any(not c.isalnum() and c not in "-_./:" for c in word),
    )
    return sum(classes) >= 3 and classes[3]


def no_login(text: str, start: int, end: int) -> bool:
    """The model's "login" at `text[start:end]` is none: plain words with no login's cue in the 24
    characters before (`_plain_words`, `_LOGIN_CUE`); a word on a line that holds nothing a login
    goes with (`_LINE_LOGIN_CONTEXT`: code's identifiers, "Deployed", "monkeypatch",
    "@aws-sdk/client-s3" are the model's usual mistakes there), unless the line is a sentence;
    or a Kubernetes manifest's `name:`."""
    cued = _LOGIN_CUE.search(text, max(0, start - 24), start) is not None
    if not cued and (_plain_words(text, start, end) or _bare_word(text, start, end)):
        return True
    if text.startswith(("u/", "@"), start) or text[start - 2 : start] in ("u/", "/@"):
        return False  # Reddit's "u/throwaway_mkt_2291", a mention
    if _PERSONAL_PATH.search(text, max(0, start - 12), start):
        return False  # a personal room's or a profile's path: ".webex.com/meet/ofonseca", "/users/…"
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if not (_LINE_LOGIN_CONTEXT.search(text, lo, start) or _LINE_LOGIN_CONTEXT.search(text, end, hi)):
        # (a sentence names a handle without a cue; a value of three classes of characters and a
        # symbol is a password the model called a login: "Tom B.: Pennine2024!")
        return not (prose_line(text, start, end) or _password_shaped(text[start:hi]))
    return _MANIFEST_NAME.search(text, max(0, start - 12), start) is not None and "apiVersion:" in text


_LOWER_LETTERS = re.compile(r"[a-zß-öø-ÿ]{2,}")


def _bare_word(text: str, start: int, end: int) -> bool:
    """The span is one word of lower-case letters that no first name or initials and a name make
    ("exantheem", "misselijkheid", "vestibulair": a clinical word of a language the lexicon does
    not list, in brackets, which the model called a login; "tkowalczyk", "courtneyalvarez" are
    logins made of a name). Letters-only logins the model found right that no name makes were 2 of
    the labelled sets' 27, beside 85 such words that were none."""
    if not _LOWER_LETTERS.fullmatch(text, start, end):
        return False
    return not name_made(text[start:end])


def name_made(word: str) -> bool:
    """`word` (lower case) is initials or a first name, then a surname or a first name of three
    letters or more: a login made of a person's name ("sbenitez", "jmwright", "rowanberry")."""
    lex = lexicon()
    for i in range(1, len(word) - 2):
        head, tail = word[:i], word[i:]
        if (i <= 2 or head in lex.first) and (tail in lex.last or tail in lex.first):
            return True
    return False


def _plain_words(text: str, start: int, end: int) -> bool:
    """The span is one or two lower-case dictionary words, no name among them, or words of letters
    joined by "-", one of them a dictionary word ("amoxicilina-clavulánico", "sclera-icterus")."""
    lex = lexicon()
    if _LOWER_WORDS.fullmatch(text, start, end):
        return all(lex.is_word(w) and not lex.is_name(w) for w in text[start:end].split())
    if _HYPHENATED_LOWER.fullmatch(text, start, end):
        return any(lex.is_word(p) and not lex.is_name(p) for p in text[start:end].split("-"))
    return False
