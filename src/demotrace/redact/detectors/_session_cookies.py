"""A session's cookie as a browser's developer tools show it: a row of the cookie table (name, a tab
or a column's blanks, the value: `JSESSIONID\t8F3A…`, `_gh_sess          Xu3g…`) or a HAR's cookie
pair (`{ "name": "__Host-session", "value": "b9f2…" }`). Whoever holds the value is signed in as
its owner. The cookie's name says what it holds (a session's, an auth's, a token's or a CSRF
token's); the value is a token's run of sixteen characters or more, not a word ("yes", "auto")."""

from __future__ import annotations

import re

# a cookie's name that holds a session or a credential ("JSESSIONID", "PHPSESSID", "_gh_sess",
# "user_session", "connect.sid", "Session-Id", "AUTH-8c1d…", "XSRF-TOKEN", "__Host-session")
_NAME = r"[\w.-]*(?i:sess|sid|auth|token|jwt|remember)[\w.-]*"
_VALUE = r"[A-Za-z0-9%._~+/=-]{16,}"
_ROW = re.compile(rf"(?m)^[ \t]*{_NAME}(?:\t|[ \t]{{2,}})(?P<v>{_VALUE})(?=\s|$)")
_HAR = re.compile(rf"\"name\"[ \t]*:[ \t]*\"{_NAME}\"[ \t]*,[ \t]*\"value\"[ \t]*:[ \t]*\"(?P<v>{_VALUE})\"")


def session_cookies(text: str) -> list[tuple[int, int]]:
    """(start, end) of each session cookie's value above in `text`."""
    out = [m.span("v") for m in _ROW.finditer(text)] if "\t" in text or "  " in text else []
    if '"value"' in text:
        out += [m.span("v") for m in _HAR.finditer(text)]
    return [(a, b) for a, b in out if any(c.isdigit() for c in text[a:b])]
