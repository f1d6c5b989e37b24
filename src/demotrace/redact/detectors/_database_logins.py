"""A database's logins where statements and config keep them (`username.py`).

`sql_logins`: the logins an SQL statement names, a role or a user created or altered with a
password or the right to log in (`ALTER ROLE reporting_ro WITH LOGIN PASSWORD '…'`, `CREATE USER
'grafana_ro'@'10.30.%' IDENTIFIED BY …`), and the grantee of a GRANT written as a login
(`TO 'metabase'@'%'`, MySQL's user at a host) or as a service's account (`TO reporting_ro`: a
name with "_" or a digit; not `PUBLIC`, nor a group role of one word such as `readonly`).

`named_with_password`: a record's name beside its password (below)."""

from __future__ import annotations

import re

_NAME = r"[\"'`]?(?!(?i:IF)\b)(?P<name>[A-Za-z_][\w.$-]{1,62}?)[\"'`]?"
_ROLE = re.compile(
    r"\b(?i:CREATE|ALTER)[ \t]+(?i:ROLE|USER)[ \t]+(?:(?i:IF[ \t]+(?:NOT[ \t]+)?EXISTS)[ \t]+)?"
    + _NAME
    + r"(?=[\"'`]?(?:@\S+)?[ \t]+[^;\n]{0,80}?\b(?i:LOGIN|PASSWORD|IDENTIFIED)\b)"
)
_GRANTEE = re.compile(r"\b(?i:GRANT)\b[^;\n]{1,160}?[ \t](?i:TO)[ \t]+" + _NAME + r"(?P<at>@)?(?![\w.$-])")
# a password set (not `PASSWORD NULL`): a literal after PASSWORD, or MySQL's IDENTIFIED BY
_SET_PASSWORD = re.compile(r"(?i:\bPASSWORD[ \t]+['\"]|\bIDENTIFIED[ \t]+(?:WITH[ \t]+\w+[ \t]+)?BY\b)")
_NOT_LOGINS = frozenset(("public", "current_user", "session_user", "current_role"))
_SERVICE_SHAPE = re.compile(r"[A-Za-z]++[_\d][A-Za-z\d_]*+")


def sql_logins(text: str) -> list[tuple[int, int]]:
    """(start, end) of each login above."""
    upper = text.upper()
    if "GRANT" not in upper and "ROLE" not in upper and "USER" not in upper:
        return []
    out = [
        m.span("name")
        for m in _ROLE.finditer(text)
        if m.group("name").lower() not in _NOT_LOGINS
        and (_SERVICE_SHAPE.fullmatch(m.group("name")) or _SET_PASSWORD.search(text, m.end(), m.end() + 120))
    ]
    for m in _GRANTEE.finditer(text):
        name = m.group("name")
        if name.lower() in _NOT_LOGINS:
            continue
        if m.group("at") or _SERVICE_SHAPE.fullmatch(name):
            out.append(m.span("name"))
    return out


# a record's name beside its password, as config keeps a database's users (Ansible's
# `mysql_users: - name: grafana_ro … password: …`, Pulumi's `name: "events_writer", password: …`,
# Terraform's `name = "app_rw"` then `password = …`): the name is a login where a password key
# follows it within the record (no blank line, no other name between) and it is written as one
# (lower case with "_", "." or a digit; a plain word: `_NEXT_LINE_PASSWORD`)
_NAME_KEY = re.compile(
    r"(?<![\w.-])name[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?P<name>[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+|[a-z]+\d+|(?P<word>[a-z]{3,24}))[\"']?(?![\w.-])"
)
# a plain word's name is a login only with the password's key on the very next line ("- name:
# nextcloud⏎  password: …"), as a list of a database's or a server's users writes it
_NEXT_LINE_PASSWORD = re.compile(r"[ \t]*\r?\n[ \t]*(?i:password|passwd|pwd)[\"']?[ \t]*[:=]")
_USER_KEY = re.compile(r"(?i:\b(?:user|login)[\"']?[ \t]*[:=])")
_PASSWORD_KEY = re.compile(r"(?<![A-Za-z])(?i:password|passwd|pwd)[\"']?[ \t]*[:=]")


def named_with_password(text: str) -> list[tuple[int, int]]:
    """(start, end) of each record's name above."""
    if "name" not in text or not _PASSWORD_KEY.search(text):
        return []
    out = []
    for m in _NAME_KEY.finditer(text):
        if m.group("word") and not _NEXT_LINE_PASSWORD.match(text, m.end()):
            continue
        window = text[m.end() : m.end() + 160]
        pw = _PASSWORD_KEY.search(window)
        if pw is None:
            continue
        between = window[: pw.start()]
        if "\n\n" in between or "name" in between or _USER_KEY.search(window, 0, pw.start()):
            continue  # (a user key of its own: `name = "orders_db"` names the database)
        out.append(m.span("name"))
    return out
