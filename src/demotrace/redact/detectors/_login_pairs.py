"""A login and its password written as a pair in a note or a chat, a slash between them: "log in
with qa_lead / Chai-Masala-404", "SFTP: fatima_threads / Saffr0n-Loom-55", "Sign in as demo user
ogunleye.b / Harmattan-Breeze-9", "Web UI login admin / Pump$tation01". The login rule takes the
first (`username.UsernameDetector`), the secrets rule the second (`secrets.SecretDetector`).

The pair needs a word of logging in before it on its line, and the second part has to look like a
password (a digit, a sign or a run of mixed letters: `credential_like`), so "read / write", "and /
or" and "SSO / SAML" are no pair."""

from __future__ import annotations

import re

from ._secret_values import credential_like

_PAIR = re.compile(
    r"(?i:\b(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|login|credentials?|creds|s?ftp|ssh|rdp|vpn|"
    r"user(?:name)?|account|web ?ui|portal|admin panel))\b"
    r"[^\n/]{0,40}?[ \t:]"
    r"(?P<user>[A-Za-z0-9_][\w.@-]{1,40})[ \t]+/[ \t]+(?P<pw>[^\s/]{6,64})(?=\s|$)"
)
_END = ".,;:!?)"


def login_pairs(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((user start, end), (password start, end)) of each pair above."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if " / " not in text:
        return out
    for m in _PAIR.finditer(text):
        pw = m.group("pw").rstrip(_END)
        if len(pw) < 6 or not credential_like(pw) or not any(c.isalpha() for c in pw):
            continue
        user = m.group("user").rstrip(_END)
        out.append(((m.start("user"), m.start("user") + len(user)), (m.start("pw"), m.start("pw") + len(pw))))
    return out
