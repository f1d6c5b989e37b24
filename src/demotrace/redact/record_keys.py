"""Records whose keys name their values, beside the tables of `tables.py`: a JSON (or a dict's)
pair `"nachname": "Meißner"`, and an SQL `INSERT INTO t (nombre, dni, …) VALUES ('Eusebio', …)`,
each of its rows (a password's column too: `(username, password) VALUES ('gwen_t', 'tulips4ever')`).
A key's name says the kind as a column's does (`tables.column_kind`), its value is checked as a
cell is (`tables.cell_value`). A bare "name", "id" or "user" key is no one's by itself (a manifest's
`"name": "api-payments"`, a product's id): those are left to the other rules."""

from __future__ import annotations

import re

from .tables import cell_value, column_kind

# a JSON string pair (a dict's too, in single quotes): key, then its quoted value
_PAIR = re.compile(r"""(["'])(?P<key>[^"'\n]{1,40})\1[ \t]*:[ \t]*(["'])(?P<value>[^"'\n]{1,80})\3""")
# an SQL insert with its columns and one row of values
_INSERT = re.compile(
    r"(?i:\binsert[ \t]+into)[^()\n]*\((?P<cols>[^()]{1,400})\)\s*(?i:values)\s*\((?P<vals>[^()]{1,600})\)"
)
_SQL_VALUE = re.compile(r"[ \t]*'(?:[^'\n]|'')*'|[^,\n]+")  # (a quoted value may hold commas)
# keys too general alone: a manifest's, a product's, a role's
_BARE = frozenset(
    ("name", "names", "id", "#", "no", "nr", "user", "contact", "owner", "author", "key", "token")
)


# keys of things a service names (an OAuth client's, a tenant's, an app's, a cloud account's): their
# ids and names are no one's; a secret's key is the secrets rule's to judge
_THING_KEY = re.compile(
    r"(?i:client|tenant|app|project|registry|guild|role|resource|source|definition|datasource|team|org|"
    r"workspace|channel|bucket|cluster|region|zone|account|kid|uid|service|device|job|event|display)"
)


def _kind(key: str, secret: bool = False) -> str | None:
    """The kind the key names; a secret only where `secret` (an insert's column: the secrets rule
    reads a JSON pair's key, not a column list's)."""
    low = re.sub(r"[^\w#]+|_", " ", key.lower()).strip()
    if low in _BARE or not low or _THING_KEY.search(low):
        return None
    kind = column_kind(key)
    return None if kind == "SECRET" and not secret else kind


def field_values(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each value whose key names a private kind."""
    out: list[tuple[str, int, int]] = []
    if ":" in text and ('"' in text or "'" in text):
        for m in _PAIR.finditer(text):
            kind = _kind(m.group("key"))
            if kind is None:
                continue
            value = m.group("value").strip()
            found = cell_value(kind, value)
            if found == "PERSON" and not value[:1].isupper():
                continue  # a name written in capitals or title case; "pending" is no one
            if found is not None:
                a = m.start("value") + m.group("value").index(value)
                out.append((found, a, a + len(value)))
    if "<Key>" in text:  # a password manager's XML export: `<Key>UserName</Key><Value>ayilmaz</Value>`
        for m in _XML_KEY_VALUE.finditer(text):
            kind = _kind(m.group("key"), secret=True)
            value = m.group("value").strip()
            found = cell_value(kind, value) if kind is not None and value else None
            if found is not None:
                a = m.start("value") + m.group("value").index(value)
                out.append((found, a, a + len(value)))
    if "insert" in text.lower():
        for m in _INSERT.finditer(text):
            cols = [c.strip(' \t\n`"[]') for c in m.group("cols").split(",")]
            out += _insert_values(text, cols, m)
            end = m.end()
            while (row := _NEXT_ROW.match(text, end)) is not None:  # `VALUES (…),\n  (…),\n  (…);`
                out += _insert_values(text, cols, row)
                end = row.end()
    return out


# KeePass's (and others') XML entry: a key's name, then its value
_XML_KEY_VALUE = re.compile(
    r"<Key>(?P<key>[^<\n]{1,40})</Key>\s*<Value(?:[ \t][^>\n]*)?>(?P<value>[^<\n]{1,200})</Value>"
)
# a further row of an insert's values after the first: `,\n  ('M-100232', 'oddjob_ray', …)`
_NEXT_ROW = re.compile(r"\s*,\s*\((?P<vals>[^()]{1,600})\)")


def _insert_values(text: str, cols: list[str], m: re.Match[str]) -> list[tuple[str, int, int]]:
    vals = [(v.start(), v.group()) for v in _SQL_VALUE.finditer(m.group("vals"))]
    if len(cols) != len(vals):
        return []
    out = []
    base = m.start("vals")
    for col, (at, raw) in zip(cols, vals, strict=True):
        kind = _kind(col, secret=True)
        value = raw.strip().strip("'")
        if kind is None or not value or value.upper() == "NULL":
            continue
        found = cell_value(kind, value)
        if found is not None:
            a = base + at + raw.index(value)
            out.append((found, a, a + len(value)))
    return out
