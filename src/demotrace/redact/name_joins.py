"""A name the rules and the model found in pieces, made whole: "Sofía Castellanos" and "Ríos" of
"Sofía Castellanos de los Ríos", "A.C. (Anneke" and "Linden-Visser" of "A.C. (Anneke) van der
Linden-Visser", "FABRE" and "ROCHE Élodie" of "FABRE née ROCHE Élodie". Each piece is masked, but
the particles between them are not, and a name read so is not whole (a reader learns "de los",
"van der": the family's shape). In a name written in capitals, as Spanish deeds and hospital
wristbands write them, the words after the found ones are the name's too: "DON EMILIO SANTAELLA
ROJO" ("ROJO" is also a word), "IBARRA ETXEBERRIA, JON" (the given name after the comma).

`with_joined_names` joins two PERSON findings with only particles, a maiden name's word or a
nickname's closing bracket between them, and grows a capitals finding over the capital words that
follow it: after a "Don"/"Doña" over the rest of the run, and over one capitalised word after a
comma where the line or the field ends after it; and grows a given name that closes a table's cell
back over the surname and comma that open it, when the rules missed the surname ("11820
O'Neill, Patrick     missing timesheet")."""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors._gazetteer import town
from .detectors.lexicon import LAST, WORD, lexicon

# what may stand between two pieces of one name: particles (Spanish, Portuguese, Italian, French,
# Dutch, German, Catalan), a maiden name's word, a nickname's closing bracket; one or two blanks
# each (more are a table's columns: "Hamish    Drummond    Drummond Farms Ltd")
_BETWEEN = re.compile(
    r"\)?[ \t]{1,2}(?:(?i:de|del|la|las|los|da|das|do|dos|di|du|des|van|von|der|den|ten|ter|zu|"
    r"y|i|e|née|nee|geb\.|geborene|ép\.|épouse|verh\.)[ \t]{1,2}){0,3}"
)
# a run of capital words after a "Don"/"Doña" finding, up to the next small word or sign
_CAPS_WORD = re.compile(r"[ \t]+(?:(?:DE|DEL|LA|LOS|LAS|Y|I)[ \t]+)*[A-ZÀ-ÞÑ][A-ZÀ-ÞÑ'’-]+(?![\w'’-])")
_DON = r"\b(?:DON|DOÑA|D\.|Dª|DÑA\.|Don|Doña)[ \t]+"
_DON_BEFORE = re.compile(rf"{_DON}$")
_DON_START = re.compile(_DON)  # the finding may hold it: the label's trim cuts it off later
# the given name after an inverted name in capitals, then the field's or the line's end
# (three letters or more: "LONDON, UK" is a place; an initial may follow: "PHAM, LINH T")
_GIVEN_AFTER = re.compile(
    r",[ \t]*(?P<g>[A-ZÀ-ÞÑ][A-ZÀ-ÞÑ'’-]{2,})(?:[ \t][A-ZÀ-ÞÑ](?:[A-ZÀ-ÞÑ'’-]+|\.)?)?"
    r"(?=[ \t]{2,}|[ \t]*$|[ \t]*[*(\n]|[ \t][-–—|·][ \t])",
    re.M,
)


# "y", "i", "e" ("and") join a double surname ("Ortega y Gasset", "FONT I CASAS"), one word after it
_AND = re.compile(r"[ \t](?i:y|i|e)[ \t]")


def _caps(text: str, f: Finding) -> bool:
    piece = text[f.start : f.end]
    return sum(c.isalpha() for c in piece) >= 3 and piece.upper() == piece


def _grown(text: str, f: Finding) -> Finding:
    end = f.end
    if _caps(text, f):
        if _DON_BEFORE.search(text, max(0, f.start - 6), f.start) or _DON_START.match(text, f.start):
            while (m := _CAPS_WORD.match(text, end)) is not None and m.end() - end <= 30:
                end = m.end()
        elif (
            (m := _GIVEN_AFTER.match(text, end)) is not None
            and _field_start(text, f.start)
            and not town(m.group("g").lower())
            and not town(text[f.start : f.end].lower())
        ):
            end = m.end()
    return f if end == f.end else Finding(f.kind, f.start, end, f.detector, f.score, f.bbox)


# a line's start, a field's colon, a table's bar, a window title's separator ("Hyperspace - HOLLIS, …")
# (or a record's number: "MRN 00884217 PATEL, ANJALI K")
# (or a CSV's quoted cell: '"Ferreira, Ana Paula",2024-01-08')
_FIELD_START = re.compile(r"(?:^|[:|]|(?:^|,)\"|[ \t][-–—][ \t]|(?<![\w-])\d{4,}[ \t])[ \t]*$", re.M)


def _field_start(text: str, at: int) -> bool:
    """`at` opens its line, a field's value (after a colon), a table's cell (after a bar) or a
    window title's part."""
    return _FIELD_START.search(text, max(0, at - 40), at) is not None


_CELL_END = re.compile(r"(?:[ \t][A-Z]\.?)?(?:[ \t]{2,}|[ \t]*$|[ \t]*[(|]|[ \t][-–—·][ \t]|\"(?:,|$))", re.M)


def _inverted(text: str, prev: Finding, f: Finding) -> bool:
    """`prev`, a surname opening its line or field, and `f`, one or two given names closing the
    field or the table's cell: "Abernathy, Cole            A0041887", "Case name: Bui, Thi Lan",
    "40417  Adebayo, Funmilayo   on leave"."""
    surname = text[prev.start : prev.end].split()
    if text[prev.end : f.start] != ", " or any(w.lower() not in _SURNAME_PARTICLES for w in surname[:-1]):
        return False  # (a surname's particles before it: "van den Berg, Sanne")
    opens = _field_start(text, prev.start) or _COLUMN_START.search(text, max(0, prev.start - 2), prev.start)
    return bool(opens) and _CELL_END.match(text, f.end) is not None


_SURNAME_PARTICLES = frozenset(
    ("van", "von", "de", "den", "der", "da", "di", "du", "del", "la", "le", "ter", "ten")
)
_COLUMN_START = re.compile(r"(?:[ \t]{2}|\t)$")  # a table's column, after two blanks or a tab


# a surname and its comma before a found given name, opening a table's cell or a field: a line's
# start, two blanks or a tab (a column), a bar, a colon ("11820   O'Neill, Patrick     missing …")
_SURNAME_BEFORE = re.compile(r"(?:^|[ \t]{2}|\t|[|:][ \t]*|[ \t][-–—][ \t])(?P<s>[A-ZÀ-Þ][\w'’-]+), $", re.M)


def _surname_before(text: str, f: Finding) -> int | None:
    """Where the surname of an inverted name starts, when `f` (one or two given names closing its
    cell) follows it and its comma, and the rules did not find it: a listed surname or a word of no
    language ("Balogun", "O'Neill"), no dictionary word ("Thanks, Patrick") and no town."""
    if text.count(" ", f.start, f.end) > 1:
        return None
    m = _SURNAME_BEFORE.search(text, max(0, f.start - 40), f.start)
    if m is None or _CELL_END.match(text, f.end) is None:
        return None
    low = m.group("s").lower()
    tags = lexicon().tags.get(low)
    if (tags & WORD and not tags & LAST) or town(low):
        return None
    return m.start("s")


# one or two given names after a surname's comma ("Mbatha, Sipho", "Bui, Thanh Huong")
_GIVEN_NAMES = re.compile(r", (?P<g>[A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’-]+)?)")


def _given_after(text: str, f: Finding) -> int | None:
    """Where the given names of an inverted name end, when `f` is its surname alone (one word)
    opening a field or a table's cell and the rules did not find the given names that close it
    ("Name: Mbatha, Sipho   Grade 11"): each a listed first name or a word of no language."""
    if " " in text[f.start : f.end] or not (
        _field_start(text, f.start) or _COLUMN_START.search(text, max(0, f.start - 2), f.start)
    ):
        return None
    m = _GIVEN_NAMES.match(text, f.end)
    if m is None or _CELL_END.match(text, m.end()) is None:
        return None
    lex = lexicon()
    for word in m.group("g").split():
        low = word.lower()
        if (lex.is_word(low) and not lex.is_name(low)) or town(low):
            return None
    return m.end()


def _joinable(text: str, prev: Finding, f: Finding) -> bool:
    """`prev` and `f` (after it, on its line) are pieces of one name: an inverted name's two parts,
    or two pieces with particles, a maiden name's word or a nickname's bracket between them; not
    two persons ("… ROJO y DOÑA LAIA …", "Ana Pérez y Luis Gómez")."""
    if "\n" in text[prev.end : f.start]:
        return False
    if not _inverted(text, prev, f) and _BETWEEN.fullmatch(text, prev.end, f.start) is None:
        return False
    return not _DON_START.match(text, f.start) and not (
        _AND.search(text, prev.end, f.start) and " " in text[f.start : f.end].strip()
    )


def with_joined_names(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with the pieces of one name joined and capitals names grown (see above)."""
    if not any(f.kind == "PERSON" for f in merged):
        return merged
    out: list[Finding] = []
    for f in merged:
        if f.kind == "PERSON":
            f = _grown(text, f)
            if (end := _given_after(text, f)) is not None:
                f = Finding(f.kind, f.start, end, f.detector, f.score, f.bbox)
            prev = out[-1] if out else None
            at = _surname_before(text, f)
            if at is not None and (prev is None or prev.end <= at):  # (the surname not found)
                f = Finding(f.kind, at, f.end, f.detector, f.score, f.bbox)
            # (a grown name may now reach into the next finding: taken in too)
            if (
                prev is not None
                and prev.kind == "PERSON"
                and (f.start < prev.end or _joinable(text, prev, f))
            ):
                out[-1] = Finding(
                    "PERSON", prev.start, max(prev.end, f.end), prev.detector, prev.score, prev.bbox
                )
                continue
        out.append(f)
    return out
