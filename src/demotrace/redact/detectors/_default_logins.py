"""Logins written as the default of an environment read: `env('DB_USERNAME', 'crm_owner')` of
Laravel's config, `os.getenv("PGUSER", "report_ro")`, `os.environ.get("DB_USER", "etl")`, Ruby's
`ENV.fetch("DB_USER", "app")`. The keyword rules read a value after its key; here the key is a
string, the value the call's second argument, and the login was missed where its password beside
it was not (the sets written blind in the forty-first pass)."""

from __future__ import annotations

import re

from ._code_names import placeholder, placeholder_name

# the call, the variable's name ending in a login's word, the default as a literal
_ENV_DEFAULT = re.compile(
    r"\b(?:env|getenv|os\.getenv|os\.environ\.get|ENV\.fetch|System\.getenv|Env\.get)\([ \t]*"
    r"""(?P<q>["'])[A-Z0-9_]*(?:USER|USERNAME|LOGIN|USR)(?P=q)[ \t]*,[ \t]*"""
    r"""(?P<q2>["'])(?P<v>[A-Za-z0-9_][\w.@-]{1,63})(?P=q2)"""
)


def env_default_logins(text: str) -> list[tuple[int, int]]:
    """The spans of the logins given as an environment read's default (see above), not a
    placeholder's (`'root'` stays: a database's superuser is someone's login too)."""
    if "(" not in text:
        return []
    return [
        m.span("v")
        for m in _ENV_DEFAULT.finditer(text)
        if not placeholder(m.group("v")) and not placeholder_name(m.group("v"))
    ]
