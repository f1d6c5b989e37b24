"""Tables in text: rows of cells split by one delimiter (CSV's ",", ";", a tab, Markdown's and a
grid's "|"), as a spreadsheet, an export or a log shows them on screen.

`tables(text)` finds runs of two lines or more with the same number of cells (two at least),
the first a header when its cells are all names of columns ("card_number", "Loyalty #",
"DonorID"). The header names what each column holds (`column_kind`): a person's name, a login,
an account's or a person's number, a secret, a street address. `TableColumnDetector` masks the
cells of those columns; `fit_cells` drops what a detector found in a header's cells (names of
columns are no one's data) and a street, a name or a number found across a cell's delimiter (the
model reads "HD-2201,USB-C Hub 7-in" as a street: two cells of a product list). A text's tables
are parsed once for both (`tables` keeps the last few texts' tables).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_DELIMITERS = ("\t", "|", ";", ",")
_CSV_WORDS = 5  # at most in a cell of a row split by "," or ";"
Cell = tuple[int, int]
# a CSV cell: quoted (its delimiters inside), or up to the next delimiter
_CSV_CELL = {
    d: re.compile(r'[ \t]*"(?:[^"\n]|"")*"[ \t]*(?=' + re.escape(d) + r"|$)|[^" + re.escape(d) + r"\n]*")
    for d in _DELIMITERS
}
_RULE_ROW = re.compile(r"[\s|:+=-]*")  # Markdown's `|---|:--|`, a grid's `+----+`
# a name of a column: words, "_", "#", "/", ".", "()", a trailing year or digit ("Total2023")
_HEADER_CELL = re.compile(r"[^\W\d_][\w #./()&'-]{0,38}", re.UNICODE)
_GLUED_DIGIT = re.compile(r"[^\W\d_]\d")
_WORDS = re.compile(r"[^\W\d_]+|#")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_EMPTY = frozenset(("", "-", "—", "n/a", "na", "null", "none", "nil", "?", "tbd", "*", "***", "redacted"))


@dataclass(frozen=True)
class Table:
    delimiter: str
    header: list[Cell] | None  # the header's cells, stripped (None: no header)
    rows: list[list[Cell]]  # the data rows' cells, stripped


def _cells(line: str, off: int, delim: str) -> list[Cell] | None:
    """The cells of a line (stripped of blanks and of CSV's quotes), or None where it has fewer
    than two; a "|" row's outer pipes open and close it."""
    if delim == "|":
        body = line.strip()
        if not (body.count("|") >= 2 or (body.count("|") >= 1 and not body.startswith("|"))):
            return None
        lead = len(line) - len(line.lstrip())
        inner_lo = off + lead + (1 if body.startswith("|") else 0)
        inner = body[1:] if body.startswith("|") else body
        # (a closing pipe closes a row its opening pipe opened; alone, it ends an empty last cell:
        # psql's " order_items |    9812044 | " under "relname | n_live_tup | last_autovacuum")
        inner = inner[:-1] if inner.endswith("|") and body.startswith("|") else inner
        parts, at = [], inner_lo
        for p in inner.split("|"):
            parts.append((at, at + len(p)))
            at += len(p) + 1
    else:
        if delim not in line:
            return None
        parts, at = [], 0
        rx = _CSV_CELL[delim]
        while at <= len(line):
            m = rx.match(line, at)
            end = m.end() if m else at
            parts.append((off + at, off + end))
            if end >= len(line) or line[end] != delim:
                break
            at = end + 1
    if len(parts) < (3 if delim in ",;" else 2):
        return None  # (prose has a comma or two on a line: a CSV row has two at least)
    out = []
    for a, b in parts:
        cell = line[a - off : b - off]
        lo = len(cell) - len(cell.lstrip(' \t"'))
        hi = len(cell.rstrip(' \t"'))
        out.append((a + lo, a + max(lo, hi)))
        if delim in ",;" and len(cell[lo:hi].split()) > _CSV_WORDS:
            return None  # a sentence's clause, not a cell
    return out


def _header(text: str, cells: list[Cell]) -> bool:
    named = [text[a:b] for a, b in cells if b > a]
    if len(named) < 3 or len(named) < len(cells) - 1:
        return False  # (two cells: as often a label and its value, "| Name | Mateus Ribeiro |")
    return all(_HEADER_CELL.fullmatch(c) and "@" not in c and len(c.split()) <= 4 for c in named)


@functools.lru_cache(maxsize=16)
def tables(text: str) -> tuple[Table, ...]:
    """The tables of `text` (see the module's docstring), in order; the last texts' are kept: the
    engine fits every detector's spans to the tables `TableColumnDetector` read a moment before."""
    if "\n" not in text:
        return ()
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    out: list[Table] = []
    used = 0  # lines before it belong to a table found
    i = 0
    while i < len(lines) - 1:
        best: tuple[int, str, list[list[Cell]]] | None = None
        for d in _DELIMITERS:
            first = _cells(lines[i][1], lines[i][0], d)
            if first is None:
                continue
            rows, j = [first], i + 1
            while j < len(lines):
                if d == "|" and _RULE_ROW.fullmatch(lines[j][1]) and "-" in lines[j][1]:
                    j += 1  # Markdown's rule under the header
                    continue
                c = _cells(lines[j][1], lines[j][0], d)
                if c is None or len(c) != len(first):
                    break
                rows.append(c)
                j += 1
            if len(rows) >= 2 and (best is None or j > best[0]):
                best = (j, d, rows)
        if best is None or i < used:
            i += 1
            continue
        j, d, rows = best
        head = rows[0] if _header(text, rows[0]) and not _header_like_all(text, rows[1:]) else None
        data = rows[1:] if head is not None else rows
        out.append(Table(d, head, data))
        used = i = j
    return tuple(out)


def _header_like_all(text: str, rows: list[list[Cell]]) -> bool:
    """Every data row looks like a header too (a list of words, not a header over data)."""
    return all(_header(text, r) and not any(_DIGIT.search(text[a:b]) for a, b in r) for r in rows)


# what a column's name says it holds (the name lower-cased, its words joined by one blank), in the
# languages read: English, Spanish, Portuguese, French, Italian, Dutch, German, the Nordic ones,
# Polish and Czech
_PERSON_COLUMN = re.compile(
    r"(?:(?:full|first|last|given|family|middle|legal|display|customer|client|patient|student|employee|"
    r"staff|contact|holder|cardholder|card holder|passenger|donor|member|guest|tenant|applicant|"
    r"attendee|recipient|payee|emergency contact|parent|guardian)[ ]?)?name|names?|first|last|surname|"
    r"forename|given|holder|cardholder|passenger|employee|customer|patient|student|tenant|applicant|"
    r"guardian|parent|payee|recipient|liable person(?:\(s\))?|contact|author|assignee|owner|reporter|"
    r"requester|approver|manager|"
    r"nombre(?: y apellidos| completo)?|apellidos?|nome(?: completo)?|sobrenome|apelido|cognome|"
    r"nom(?: complet)?|prénom|prenom|naam|voornaam|achternaam|tussenvoegsel|vorname|nachname|"
    r"navn|fornavn|efternavn|etternavn|namn|förnamn|efternamn|imię|imie|nazwisko|jméno|jmeno|příjmení|"
    r"prijmeni|paciente|patiënt|patient(?:in)?|cliente|klant|kunde|kund|klient|mitarbeiter(?:in)?|medewerker"
)
_LOGIN_COLUMN = re.compile(
    r"user ?name|user|login|log ?in|user ?id|user login|login name|(?:user )?nicename|handle|"
    r"created ?by|updated ?by|modified ?by|actor|"
    r"uploaded ?by|account ?name|principal|sam ?account ?name|upn|github|twitter|instagram|"
    r"usuario|usuário|utilisateur|utente|gebruiker(?:snaam)?|benutzer(?:name)?|brugernavn|brukernavn|"
    r"användarnamn|użytkownik|uzytkownik|uživatel|uzivatel"
)
_NUMBER_COLUMN = re.compile(
    r"(?:emp|employee|staff|personnel|customer|client|member|patient|student|donor|loyalty|account|acct|"
    r"policy|admission|enrol?ment|roll|passport|licen[cs]e|driver'?s? licen[cs]e|tax|ni|nino|national|"
    r"national insurance|insurance|bsn|sin|nhs|mrn|crn|medicare|medicaid|pps|aadhaar|pan|tfn|nif|nie|"
    r"dni|cpf|personnummer|pesel|iban|bank account|sort code / account|citizen|voter|badge|steuer|nss)"
    r"[ ]?(?:id|no|nr|number|num|#|ref|reference|code|card)?|id|#|no|nr|ssn|nino|iban|"
    r"lidnummer|klantnummer|personeelsnummer|patiëntnummer|mitgliedsnummer|kundennummer|personalnummer|"
    r"versichertennummer|steuer ?id|steuernummer|codice fiscale|matricola|tessera sanitaria|"
    r"n[º°] (?:socio|cliente|afiliado|empleado)|n(?:úmero|umero) de (?:socio|cliente|afiliado|empleado)|"
    r"numéro (?:client|adhérent|de sécurité sociale)|nir|cpr|medarbejdernr|kundenummer|kundnummer|"
    r"anställningsnummer|nr prac|numer (?:klienta|pracownika)|rodné číslo|rodne cislo|číslo pojištěnce|"
    r"konto|kontonummer|rekeningnummer|cuenta|conta|compte|conto|nhc|historia cl[ií]nica|sip|cip|"
    r"nuss|ipp|nda|bsn|zorgverzekeringsnummer|krankenversichertennummer"
)
_SECRET_COLUMN = re.compile(
    r"(?:initial |temp |temporary |default |one ?time |user )?"
    r"(?:password|passwd|pass|pwd|pw|pin|otp|passcode|psk)|"
    r"(?:api |access |secret |auth |bearer |refresh |session )?(?:key|token|secret)(?: value)?|"
    r"contraseña|senha|mot de passe|wachtwoord|passwort|kennwort|adgangskode|passord|lösenord|hasło|"
    r"haslo|heslo"
)
_ADDRESS_COLUMN = re.compile(
    r"(?:home |street |postal |mailing |billing |shipping |delivery )?(?:address|addr|street)"
    r"(?: line)?(?: ?1| ?2)?|dirección|direccion|domicilio|calle|endereço|endereco|morada|rua|adresse|"
    r"rue|indirizzo|via|adres|straat|straße|strasse|anschrift|gade|gata|adress|ulica|adresa|ulice"
)
# a column of things, not people ("id" of a product list), unless a person's column is beside it
_THING_NAME = re.compile(
    r"(?:file|host|product|item|company|org|organi[sz]ation|project|app|server|domain|brand|model|"
    r"service|device|asset|team|group|role|queue|bucket|table|column|job|task|event|campaign|plan|"
    r"store|shop|merchant|vendor|supplier|course|class|school|city|country|region|street)[ _]?name"
)


# a first word that makes a qualified column a thing's ("product member id", "device user name")
_THING_WORDS = frozenset(
    (
        *("file", "host", "product", "item", "company", "org", "project", "app", "server", "domain"),
        *("brand", "model", "service", "device", "asset", "team", "group", "role", "queue", "bucket"),
        *("table", "column", "job", "task", "event", "campaign", "plan", "store", "shop", "vendor"),
    )
)


def _column_words(name: str) -> str:
    """A column's name as its words, lower-cased, one blank apart ("Update_Version" → "update version")."""
    return " ".join(_WORDS.findall(name.lower().replace("_", " ")))


# what a column's last words may say of it after a qualifier ("portal_username", "portal temp
# password", "router_admin_pw", "insurance member id"): a login's, a password's, a person's number
# (not a bare "id", "key" or "token": "order_line_id", "sort_key", "page_token" are a thing's)
_QUALIFIED_SECRET = re.compile(
    r"(?:temp |temporary |initial |default |admin |user )?(?:password|passwd|pwd|pw|pin|passcode|psk)"
)
_QUALIFIED_LOGIN = re.compile(r"user ?name|login(?: name)?|handle")


def _qualified_kind(low: str) -> str | None:
    """The kind `low`'s last one or two words name after a qualifier, or None."""
    words = low.split()
    if len(words) < 2 or _THING_NAME.fullmatch(" ".join(words[-2:])) or words[0] in _THING_WORDS:
        return None
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if _QUALIFIED_SECRET.fullmatch(tail):
            return "SECRET"
        if _QUALIFIED_LOGIN.fullmatch(tail):
            return "USERNAME"
        if n == 2 and not _BARE_NUMBER.fullmatch(words[-2]) and _NUMBER_COLUMN.fullmatch(tail):
            return "ACCOUNT_ID"
    return None


def column_kind(name: str) -> str | None:
    """The kind of data a column of this name holds, or None."""
    if _GLUED_DIGIT.search(name):
        return None  # "last4", "Total2023": a count or a part, not the kind the word says
    low = _column_words(name)
    compact = re.sub(r"[^\w#]+|_", " ", name.lower()).strip()
    if not low:
        return None
    if _THING_NAME.fullmatch(low) or _THING_NAME.fullmatch(compact.replace(" ", "")):
        return None
    if _SECRET_COLUMN.fullmatch(low):
        return "SECRET"
    if _LOGIN_COLUMN.fullmatch(low):
        return "USERNAME"
    if _ADDRESS_COLUMN.fullmatch(low):
        return "STREET_ADDRESS"
    if _PERSON_COLUMN.fullmatch(low):
        return "PERSON"
    if _NUMBER_COLUMN.fullmatch(low) or _NUMBER_COLUMN.fullmatch(compact):
        return "ACCOUNT_ID"
    return _qualified_kind(low)


_PEOPLE = frozenset(("PERSON", "USERNAME"))
_MACHINE_ID = re.compile(r"[A-Z0-9]+")
_HEX = re.compile(r"[0-9a-f]+")
_SETTING_NAME = re.compile(r"[a-z]+(?:[._][a-z]+)+")  # "sso.enforced"
_EMAIL_COLUMN = re.compile(r"(?:e-?mail|mail)(?: address)?")
_PERSON_CELL = re.compile(r"[^\W\d_][\w'’.-]*(?:[ ,]+[^\W\d_][\w'’.-]*){0,4}")
_LOGIN_CELL = re.compile(r"[\w.@-]*[^\W\d_][\w.@-]*")
_BARE_NUMBER = re.compile(r"id|#|no|nr")


# columns of a table that documents software: its bare "Name" is a variable's, a plugin's, a field's
# (terraform-docs' "Name | Description | Type | Default | Required", `wp plugin list`'s "name |
# status | version")
_SOFTWARE_COLUMNS = frozenset(
    (
        "type",
        "default",
        "required",
        "version",
        "update version",
        "latest",
        "enabled",
        "size",
        "format",
        "datatype",
    )
)


def column_kinds(text: str, table: Table) -> list[str | None]:
    """The kind of each column of a table with a header: "id", "#" and "no" are a person's number
    only beside a column of people (a name, a login, an e-mail); a bare "name" is no one's in a
    table that documents software (`_SOFTWARE_COLUMNS`)."""
    if table.header is None:
        return []
    names = [text[a:b] for a, b in table.header]
    kinds = [column_kind(n) for n in names]
    words = [_column_words(n) for n in names]
    if any(w in _SOFTWARE_COLUMNS for w in words):
        kinds = [None if w in ("name", "names") else k for k, w in zip(kinds, words, strict=True)]
    people = any(k in _PEOPLE for k in kinds) or any(
        _EMAIL_COLUMN.fullmatch(" ".join(_WORDS.findall(n.lower()))) for n in names
    )
    return [
        None
        if k == "ACCOUNT_ID" and not people and _BARE_NUMBER.fullmatch(re.sub(r"[^a-z#]", "", n.lower()))
        else k
        for k, n in zip(kinds, names, strict=True)
    ]


def cell_value(kind: str, value: str) -> str | None:
    """The kind a cell of a column of `kind` is found as (an "owner" that is a login is one), or
    None where the cell holds none (empty, a placeholder, no letter or digit as the kind wants)."""
    if value.lower() in _EMPTY or len(value) > 80 or "\n" in value:
        return None
    if set(value) <= set("*•xX#-. "):
        return None  # masked already
    if kind == "ACCOUNT_ID":
        return kind if _DIGIT.search(value) else None
    if kind == "STREET_ADDRESS":  # (a host's name is no street: "inventory-prod.c8xk.rds.amazonaws.com")
        return kind if _DIGIT.search(value) and _LETTER.search(value) and " " in value else None
    if kind == "SECRET":  # (a table about secrets describes them: "DB master password", "(SSO)")
        if len(value) < 4 or " " in value or value[:1] in "[(<{'" or _SETTING_NAME.fullmatch(value):
            return None
        return kind
    if kind == "PERSON":
        if "@" in value or _DIGIT.search(value):
            return "USERNAME" if _LOGIN_CELL.fullmatch(value) and _LETTER.search(value) else None
        if _PERSON_CELL.fullmatch(value):
            if value.islower() and " " not in value:  # a login ("t.olsen", "hkimura"), not a team's
                return None if "-" in value and not ("." in value or "_" in value) else "USERNAME"
            return kind
        return None
    if kind == "USERNAME":
        if len(value) >= 16 and (_MACHINE_ID.fullmatch(value) or _HEX.fullmatch(value)):
            return None  # AWS's unique id of a user ("AIDA…"), a login's hash
        if " " in value.strip():
            return "PERSON" if _PERSON_CELL.fullmatch(value) and value[:1].isupper() else None
        return kind if _LOGIN_CELL.fullmatch(value) and _LETTER.search(value) else None
    return None


def column_cells(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each data cell of a column whose header names a private kind."""
    out = []
    for t in tables(text):
        if t.header is None and len(t.rows[0]) == 2:
            out += _labelled_values(text, t)  # a grid of labels and values: "| Employee ID | BR-0044 |"
            continue
        kinds = column_kinds(text, t)
        if not any(kinds):
            continue
        out += [
            f
            for row in t.rows
            for cell, kind in zip(row, kinds, strict=True)
            if (f := _found(text, kind, cell))
        ]
    return out


def _found(text: str, kind: str | None, cell: Cell) -> tuple[str, int, int] | None:
    """(the kind found, start, end) of a cell of a column of `kind`, or None."""
    a, b = cell
    found = cell_value(kind, text[a:b]) if kind is not None and b > a else None
    return None if found is None else (found, a, b)


def _labelled_values(text: str, table: Table) -> list[tuple[str, int, int]]:
    """The value beside each label of a two-column grid that names a private kind ("Employee ID",
    "Full name"); a bare "Name", "ID" or "No" too, as a record's own."""
    return [f for (la, lb), value in table.rows if (f := _found(text, column_kind(text[la:lb]), value))]


_CROSSING_KINDS = frozenset(("PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "SECRET", "USERNAME", "PHONE_NUMBER"))


def fit_cells(text: str, spans: Sequence[tuple[str, int, int]]) -> list[tuple[int, int] | None]:
    """For each (kind, start, end) a detector found, where it stands once fitted to a table's
    cells: None (dropped) in a header's cells (a column's name is no one's data); where a name, a
    street, a number or a login runs across a cell's delimiter or a row's end (each cell is one
    value: "HD-2201,USB-C Hub" is a product's code, then its name), dropped under a header and cut
    to its widest cell without one; else where it was."""
    out: list[tuple[int, int] | None] = [(a, b) for _, a, b in spans]
    if not spans or "\n" not in text:
        return out
    rows: list[tuple[int, int, list[Cell], bool, bool]] = []  # start, end, cells, a header's? under one?
    for t in tables(text):
        if t.header is None and t.delimiter in ",;":
            continue  # lines of prose with commas alike ("From: Luca Bianchi, Via Tortona 15, Milano")
        if t.header is not None:
            rows.append((t.header[0][0], t.header[-1][1], t.header, True, True))
        rows += [(r[0][0], r[-1][1], r, False, t.header is not None) for r in t.rows]
    if not rows:
        return out
    for n, (kind, start, end) in enumerate(spans):
        if kind not in _CROSSING_KINDS:
            continue
        for lo, hi, cells, header, headed in rows:
            if end <= lo or start >= hi:
                continue
            if header:
                out[n] = None
            elif not any(a <= start and end <= b for a, b in cells):
                # under a header each column's cells are found as its name says: a span across
                # them is dropped; in a table without one, its widest piece is kept
                out[n] = None if headed else _widest_piece(cells, start, end)
            break
    return out


def _widest_piece(cells: list[Cell], start: int, end: int) -> tuple[int, int] | None:
    """The widest part of start..end that lies in one cell (the label's cell of "Calle | Avenida
    Misiones N° 95" is the smaller), or None where none does."""
    pieces = [(max(a, start), min(b, end)) for a, b in cells if max(a, start) < min(b, end)]
    return max(pieces, key=lambda p: p[1] - p[0]) if pieces else None
