"""A file's name of words joined by "_" ("Invoice_Maria_Gonzalez_2024.pdf",
"Employee_Handbook_2024_FINAL.docx", "Visa_Appointment_Confirmation_P8830472.pdf"): its parts
that are everyday words, years or short capitals' labels say what the file is; the private ones
are the rest (a name, an id, an IBAN). Window titles show such names; a finding over the whole
name had masked its words with them."""

from __future__ import annotations

import itertools
import re

from ._dates import MONTHS_ALTERNATION
from .lexicon import FIRST, LAST, lexicon

_EXTENSION = re.compile(
    r"\.(?i:pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|tsv|jpe?g|png|gif|heic|tiff?|webp|zip|ipynb|"
    r"md|eml|msg|pages|numbers|key|json|xml|html?)(?![^\W\d_])"
)
_PART = re.compile(r"[^_\s]+")


def file_extension(text: str, at: int) -> int | None:
    """The end of a file's extension whose dot is at `at` (`.pdf`, `.docx`), or None."""
    m = _EXTENSION.match(text, at)
    return m.end() if m is not None else None


_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = re.compile(rf"(?i:{MONTHS_ALTERNATION})")
# a period's, a version's or a draft's label: "FY2025", "Q3", "H2", "v2", "rev3", "wk12"
_LABEL = re.compile(
    r"(?i:fy|q[1-4]|h[12]|v|rev|wk|week|sprint|draft)\d{0,4}|(?:19|20)\d\d[-.]?\d\d(?:[-.]?\d\d)?"
)
MIN_PARTS = 3


def named_file(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a name of `MIN_PARTS` parts or more joined by "_" that a file's
    extension follows."""
    return text.count("_", start, end) >= MIN_PARTS - 1 and _EXTENSION.match(text, end) is not None


def stem_end(text: str, start: int, end: int) -> int:
    """Where the name of the file `text[start:end]` ends before its extension ("….pdf"); `end`
    when no extension ends it."""
    dot = text.rfind(".", start, end)
    return dot if dot > start and _EXTENSION.fullmatch(text, dot, end) else end


def plain_part(part: str) -> bool:
    """A part that says what a file is: an everyday word no name is, a year, a label in capitals
    ("FINAL", "DOB", "H2")."""
    if (
        _YEAR.fullmatch(part)
        or _LABEL.fullmatch(part)
        or (part.isalpha() and part.isupper() and len(part) <= 5)
    ):
        return True
    if _MONTH.fullmatch(part) or _EXTENSION.fullmatch("." + part):
        return True  # a file's month ("Payslip_April_2025", April a name too) and its extension
    lex = lexicon()
    low = part.lower()
    return part.isalpha() and lex.is_word(low) and not lex.is_name(low)


_VIEW_WORD = re.compile(r"[^\s_.]+")


def private_of(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`text[start:end]` of a `named_file` (or a finding in it) narrowed to its parts from the first
    to the last that is no `plain_part` ("March_2025_Anand_Kulkarni" → "Anand_Kulkarni"); None
    when every part is one ("2024_FINAL" of a handbook's file says what the file is)."""
    kept = [w for w in _VIEW_WORD.finditer(text, start, end) if not _plain_at(text, w)]
    return (kept[0].start(), kept[-1].end()) if kept else None


_YEAR_BESIDE = re.compile(r"(?:19|20)\d\d_\Z|\A_(?:19|20)\d\d(?!\d)")


def _plain_at(text: str, w: re.Match[str]) -> bool:
    """`plain_part`, or (by its place in the name) a month's number beside its year ("05_2025",
    "2024_03"; not "lease_88_Elm"), or the name's first part saying what the document is in a
    language the word lists lack ("Rechnung_…", "Nomina_…"): a capitalised word no list holds as a
    name."""
    part = w.group()
    if plain_part(part):
        return True
    if part.isdigit() and len(part) <= 2:
        a, b = w.span()
        return bool(_YEAR_BESIDE.search(text[max(0, a - 5) : a]) or _YEAR_BESIDE.search(text[b : b + 6]))
    first = w.start() == 0 or not (text[w.start() - 1].isalnum() or text[w.start() - 1] in "_-")
    return (
        first
        and part.isalpha()
        and part[0].isupper()
        and part[1:].islower()
        and not lexicon().is_name(part.lower())
    )


def name_widened(text: str, start: int, end: int, f_start: int, f_end: int) -> tuple[int, int]:
    """A name found at `f_start:f_end` inside the `named_file` `start:end`, widened over the parts
    beside it that are not `plain_part`s ("Maria" of "Invoice_Maria_Gonzalez_2024"), not over the
    file's words."""
    s, e = f_start, f_end
    while s > start and text[s - 1].isalnum():
        s -= 1
    while e < end and text[e].isalnum():
        e += 1
    lower_name = text[f_start:f_end].islower()
    while s > start and text[s - 1] == "_":
        # (the part's search starts at the file's name: the text's start is no part of it)
        prev = _PART.search(text, text.rfind("_", start, s - 1) + 1 or start, s - 1)
        if prev is None or plain_part(prev.group()) or _document_word(text, prev, lower_name):
            break
        s = prev.start()
    while e < end and text[e] == "_":
        nxt = _PART.match(text, e + 1, end)
        if nxt is None or plain_part(nxt.group()):
            break
        e = nxt.end()
    return s, e


def _document_word(text: str, part: re.Match[str], lower_name: bool) -> bool:
    """A part before a name that says what the file is in a language the word lists lack: the
    name's first part, a capitalised word no list holds as a name ("Expediente_Fernández_Ruiz",
    "Fattura_Rossi_Giulia"), or a word in lower case before a name that is not
    ("Bulletin_salaire_DUBOIS_Thomas")."""
    word = part.group()
    if not word.isalpha():
        return False
    if word.islower():
        return not lower_name
    return _plain_at(text, part)


def _name_token(text: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` grown over the letters, digits, "_" and "-" beside it: the file name's stem it
    lies in, up to the extension's dot."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        end += 1
    return start, end


def words_file(text: str, start: int, end: int) -> bool:
    """The span lies in a `named_file` whose every part is a `plain_part`
    ("Quarterly_Budget_Review_2025_DRAFT.xlsx"): a document's name, no secret or login."""
    start, end = _name_token(text, start, end)
    stem = stem_end(text, start, end)  # (`end` itself when the span stopped at the extension's dot)
    return named_file(text, start, stem) and private_of(text, start, stem) is None


# a `named_file` in running text: its stem of three parts or more, then its extension
_NAMED_FILE = re.compile(
    # (parts of letters, digits and "-" between runs of "_", each taken whole: no two ways to cut
    # one name, so a long name that no extension follows fails in linear time)
    rf"(?<![\w/.-])(?P<stem>[^\W_](?:[^\W_]|-)*+(?:_++(?:[^\W_]|-)++){{{MIN_PARTS - 1},}}+_*+)"
    rf"(?={_EXTENSION.pattern})"
)


def spaced_view(text: str) -> str | None:
    """`text` with the "_" between the parts of each `named_file` read as blanks (the same length:
    every offset holds), for the rules to read its parts as words ("lease_signed_88_Elm_Street_
    Unit_5.pdf": a street, "analysis_patient_MRN_00473821.ipynb": a patient's number); None when
    `text` names no such file."""
    if "_" not in text or "." not in text:
        return None
    files = list(_NAMED_FILE.finditer(text))
    if not files:
        return None
    out = list(text)
    for m in files:
        for i in range(m.start("stem"), m.end("stem")):
            if out[i] == "_":
                out[i] = " "
    return "".join(out)


def in_file_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A token found at `start:end` as it stands in a `named_file`: its private parts only
    ("Payslip_EMP-20931_March2025.pdf" → "EMP-20931_March2025"), None when every part is a
    `plain_part`; `(start, end)` itself outside such a name."""
    s, e = _name_token(text, start, end)
    stem = stem_end(text, s, e)
    if not named_file(text, s, stem):
        return start, end
    kept = private_of(text, max(s, start), min(stem, end))
    if kept is None or not any(c.isdigit() for c in text[slice(*kept)]):
        return None  # (its words alone, "…_Stadtwerke": a name among them is the person rules')
    return kept


# an account's number in a statement's or a bill's file name ("Statement_00418827731_March2024.pdf",
# "bank_statement_00419288713_Feb.pdf", "eStatement_Acct00038812745_May2024.pdf"): the digits after
# the document's word, in the same name, before the next part or the extension (searched from the
# "_" before the digits, a literal `re` finds fast; the word is looked for behind it)
_DOCUMENT_NUMBER = re.compile(
    r"_(?i:acct_?|account_?|konto_?|no_?|nr_?)?"
    r"(?P<id>(?!(?:19|20)\d\d[01]\d[0-3]\d[_.])\d{7,14}"  # (not a date: "Statement_20240331.pdf")
    # or an employee's, a member's, a customer's number with its letters ("Payslip_Mar2024_EMP55821.pdf")
    r"|(?:EMP|EMPL|CUST|MBR|MEM|STU|PAT)-?\d{4,10})(?=[_.])"
)
_DOCUMENT_WORD = re.compile(
    r"(?i:statement|kontoauszug|extracto|relev[ée]|estratto|afschrift|rekeningoverzicht|invoice|"
    r"rechnung|factura|fattura|payslip|bill|paystub|lohnabrechnung|gehaltsabrechnung|n[óo]mina|loonstrook|"
    r"salarisstrook|bulletin|busta[_ ]?paga)[^\s/\\]{0,12}\Z"
)


def document_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each account's number in a document's file name (see above)."""
    if "_" not in text:
        return []
    return [
        m.span("id")
        for m in _DOCUMENT_NUMBER.finditer(text)
        if _DOCUMENT_WORD.search(text, max(0, m.start() - 30), m.start()) is not None
    ]


# a file's name, its stem of words joined by "_" or "-" before its extension
_FILE_STEM = re.compile(r"(?<![\w.-])(?P<stem>[\w-]+)(?=\.[A-Za-z]{2,5}(?![\w-]))")
_LOWER_PART = re.compile(r"[a-zà-öø-ÿ]{2,}")


def lower_names_in_file(text: str) -> list[tuple[int, int]]:
    """(start, end) of each first name and surname in lower case, joined by "_" or "-", in a file's
    name ("passport_ruth_abernathy.jpg", "comprovante_aluguel_joana_carvalho.pdf"): a listed first
    name then a listed surname, neither a word of a language read."""
    if "_" not in text and "-" not in text:
        return []
    lex = lexicon()
    out = []
    for m in _FILE_STEM.finditer(text):
        if _EXTENSION.match(text, m.end()) is None:
            continue
        for a, b in itertools.pairwise(re.finditer(r"[^_-]+", m.group("stem"))):
            first, last = a.group(), b.group()
            if not (_LOWER_PART.fullmatch(first) and _LOWER_PART.fullmatch(last)):
                continue
            if lex.is_word(first) or lex.is_word(last):
                continue
            if lex.tags.get(first) & FIRST and lex.tags.get(last) & LAST:
                out.append((m.start() + a.start(), m.start() + b.end()))
    return out
