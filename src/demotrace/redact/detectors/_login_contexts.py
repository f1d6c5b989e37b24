"""Logins that a context names without a cue word before them, for `username.UsernameDetector`:

- a key of config or JSON that ends in a user's key: `MYSQL_USER: inv_svc`, `"userName": "deploy-ci"`;
- an activity log's actor, a handle after "by": "scorecard submitted by t.zungu", "(by recruiter_ana)";
- a greeting to a handle: "Welcome back, bella_k!";
- the login of a line of .htpasswd or /etc/shadow: "grafana:$2y$05$…";
- a login named before "is" further on in the sentence: "the shared login for the vendor portal is
  vendor_ro".

A value is a handle, never a placeholder (`${DB_USER}`, "<user>"), a code keyword or one of the
system's accounts ("root", "admin": `username._NOT_USERS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import lexicon

_ENV_USER = re.compile(
    r"\b[A-Z][A-Z0-9]*_(?:USER|USERNAME|USER_NAME|LOGIN)\b[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"([A-Za-z_][\w.@-]{1,63})"
)
_JSON_USER = re.compile(
    r"[\"'](?:user|userName|username|user_name|login|loginName|userId|user_id)[\"'][ \t]*:[ \t]*"
    r"[\"']([A-Za-z0-9_][\w.@-]{1,63})[\"']"
)
# a handle after "by": parts joined by ".", "_" or "-", or letters then digits
_BY_HANDLE = re.compile(
    r"\bby[ \t]+@?([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+|[a-z]{2,}\d+[a-z0-9]*)(?![\w@/-]|\.\w)"
)
_GREETED_HANDLE = re.compile(
    r"(?i:\b(?:welcome back|welcome|hi|hello|hey|thanks|thank you))[ \t]*,?[ \t]+@?"
    r"([A-Za-z][\w.-]*[_\d][\w.-]*[A-Za-z0-9])(?![\w@/-]|\.\w)"
)
_LOGIN_IS = re.compile(
    r"(?i:\b(?:login|username|user name|user id)\b)[^\n.?!:=]{1,40}?[ \t](?i:is|was)[ \t]+[\"'“]?"
    r"([A-Za-z0-9_][\w.-]{1,63})"
)
# a line of .htpasswd or /etc/shadow: the login, then its password's hash ("grafana:$2y$05$…")
_HASH_LINE = re.compile(r"(?m)^[ \t]*([a-z_][\w.-]{0,31}):\$(?:apr1|2[abxy]|1|5|6|y|argon2\w*)\$")
_VERSION = re.compile(r"v?\d+(?:[._-]\d+)*")
# a file's or a site's ending after a dot: "by config.yaml", "by github.com" are no handles
_FILE_END = frozenset(
    (
        *("py", "js", "ts", "json", "yaml", "yml", "txt", "md", "log", "go", "rs", "java", "sh"),
        *("conf", "cfg", "ini", "toml", "xml", "html", "css", "com", "org", "net", "io", "dev"),
    )
)


def context_logins(text: str, not_user: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the logins above in `text`; `not_user(value)` rejects a value (a placeholder, a
    system account)."""
    out: list[tuple[int, int]] = []
    if "_" in text:
        out += [m.span(1) for m in _ENV_USER.finditer(text) if not not_user(m.group(1))]
    if '"' in text or "'" in text:
        out += [m.span(1) for m in _JSON_USER.finditer(text) if not not_user(m.group(1))]
    if ":$" in text:
        out += [m.span(1) for m in _HASH_LINE.finditer(text)]
    low = text.lower()
    if "by " in low:
        out += [
            m.span(1) for m in _BY_HANDLE.finditer(text) if _handle(m.group(1)) and not not_user(m.group(1))
        ]
    if any(g in low for g in ("welcome", "hi", "hello", "hey", "thank")):
        out += [m.span(1) for m in _GREETED_HANDLE.finditer(text) if _handle(m.group(1))]
    if " is " in low or " was " in low:
        out += [
            (m.start(1), m.start(1) + len(m.group(1).rstrip(".-")))
            for m in _LOGIN_IS.finditer(text)
            if _handle(m.group(1).rstrip(".-")) and not not_user(m.group(1))
        ]
    return out


def _handle(value: str) -> bool:
    """A handle, not a version ("v1.2.3"), a file ("notes.md") or words joined by "-" ("read-only",
    "built-in": every part a dictionary word)."""
    if _VERSION.fullmatch(value) or value.rsplit(".", 1)[-1].lower() in _FILE_END:
        return False
    if any(c.isdigit() for c in value) or "." in value or "_" in value:
        return True
    lex = lexicon()  # joined by "-" alone: words as often as a handle
    return not all(len(p) > 1 and lex.is_word(p) for p in value.lower().split("-") if p)
