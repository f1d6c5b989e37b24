"""What makes a name-like run no person by what stands around it, for the person rule
(`person.py`): a saint's place ("St Mary's Hall"), a place's noun after a word ("Market Street"),
a run after a lower-case "the" ("the River Eden"), a date's month ("Mon 6 Jan"), a measure's letters
glued to a digit ("SatO2"), a day's or a month's short form ("Fri", "Jan–Dec"), a currency's code
("ZAR 1,250"), a file's extension ("Notes.Pages"), a letter's closing ("Best,\nBill",
"Cheers, Ola")."""

from __future__ import annotations

import re

from ._dates import CALENDAR_SHORT, MONTH_ABBREVIATIONS, MONTH_WORDS, WEEKDAY_WORDS
from ._file_names import file_extension
from ._person_words import VALEDICTION, _Toks
from ._places import place_noun_after, saints_place_after
from .lexicon import word_set

DAY_BEFORE = re.compile(r"(?<![\d.,/:])\d{1,2}(?:st|nd|rd|th|\.)?[ \t]+$")
_DAY_OR_YEAR_AFTER = re.compile(r"[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?|'?\d{2}|\d{4})(?![\d:.,/]\d)\b")


def saints_place_at(text: str, toks: _Toks, i: int) -> bool:
    """Word i is "St" (or "Saint") before a saint's name that names a place (`saints_place_after`)."""
    return (
        toks[i].text in ("St", "Saint", "Ste", "Sainte", "ST", "SAINT")
        and i + 1 < len(toks)
        and toks[i + 1].cap
        and text[toks[i].end : toks[i + 1].start] in (" ", ". ")
        and saints_place_after(text, toks[i + 1].end)
    )


def place_noun_of(text: str, toks: _Toks, i: int) -> bool:
    """Word i is the noun of a place named by the capitalised word before it ("Market Street")."""
    return i > 0 and toks[i - 1].cap and place_noun_after(text, toks[i - 1].end)


# what names people after "the" and a surname: "the Novak family", "the Lindqvist–Mensah wedding"
_FAMILY_AFTER = re.compile(
    r"(?:[ \t]*[-–—&/][ \t]*[A-Z][\w'’-]*)*[ \t]+(?i:family|families|household|wedding|kids|children|"
    r"twins|brothers|sisters|couple|estate|case|trial|residence|home|house|clan|boys|girls|parents|"
    r"depo|deposition|hearing|matter|file|interview|appointment|party|funeral|memorial|account|claim)\b"
)


def after_the(text: str, toks: _Toks, i: int, end: int) -> bool:
    """A run right after a lower-case "the" names a place, a thing or an organisation ("the River
    Eden", "the Leela Palace", "the Hudson's Bay Company"), not a person, unless a family's or an
    event's word follows it ("the Novak family")."""
    if i == 0 or toks[i - 1].text != "the" or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    return _FAMILY_AFTER.match(text, end) is None


def month_of_a_date(text: str, start: int, end: int) -> bool:
    """The word is a month's name or its abbreviation with a day before it or a day or a year after
    it: "Mon 6 Jan", "June 5th", "Aug '24" ("Jan", "June", "April" and "August" are names too)."""
    if text[start:end].lower().rstrip(".") not in MONTH_WORDS:
        return False
    return bool(DAY_BEFORE.search(text, max(0, start - 8), start) or _DAY_OR_YEAR_AFTER.match(text, end))


def glued_to_digit(text: str, start: int, end: int) -> bool:
    """A digit touches a run with a capital inside its word: a measure's or a code's letters
    ("SatO2", "HbA1c", "pCO2"), no name ("joshua54", "Anna1990" stay: a name in a handle)."""
    glued = (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
    return glued and not text[start + 1 : end].islower()


def capital_word_before(text: str, toks: _Toks, i: int) -> bool:
    """Token i comes right after a capitalised word, one blank between ("Hawthorn Grove", the
    place's first word a dictionary word and no part of the run)."""
    return bool(i) and toks[i - 1].cap and text[toks[i - 1].end : toks[i].start] == " "


def closing_line(text: str, start: int, end: int) -> bool:
    """The run is a closing alone on its line ("Best,\nBill": "Best" is a surname too)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return VALEDICTION.fullmatch(text, lo, len(text) if hi < 0 else hi) is not None


# a range of months or days: "(Jan–Dec)", "Mon-Fri", "Jan – Mar"
_RANGE_AFTER = re.compile(
    r"[ \t]?[-–—][ \t]?(?i:{}|{})\b".format("|".join(MONTH_ABBREVIATIONS), "|".join(WEEKDAY_WORDS))
)


def calendar_short(text: str, toks: _Toks, i: int) -> bool:
    """The word is a day's or a month's short form standing alone (`CALENDAR_SHORT`), or any
    month's or day's name before a range's dash and another: a date, no one ("Fri", "Jan–Dec")."""
    t = toks[i]
    low = t.text.lower()
    if low in CALENDAR_SHORT:
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return nxt is None or not (nxt.cap and text[t.end : nxt.start] == " ")  # not "Fri Okafor"
    return (low in MONTH_WORDS or low in WEEKDAY_WORDS) and _RANGE_AFTER.match(text, t.end) is not None


# currencies' ISO codes that are also given names ("Aud", "Zar", "Sar"), in capitals as rates and
# prices write them: "AUD/USD 0.6612", "ZAR 1,250"
_CURRENCY_CODES = (
    "AUD CAD CHF EUR GBP USD NZD SGD HKD JPY CNY INR ZAR KES NGN GHS SEK NOK DKK PLN CZK HUF "
    "RON TRY ILS AED SAR QAR EGP MAD BRL MXN ARS CLP COP PEN PHP THB IDR MYR VND KRW TWD"
)
_CURRENCIES = frozenset(_CURRENCY_CODES.split())


def currency_code(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a currency's code in capitals (`_CURRENCIES`), no given name."""
    return end - start == 3 and text[start:end] in _CURRENCIES


def extension_word(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a file's extension after its dot: "(signed).docx" after the cue
    "signed", "Notes.Pages"."""
    return start > 0 and text[start - 1] == "." and file_extension(text, start - 1) == end


_SIGN_OFFS = word_set("love cheers regards thanks best hugs xoxo xx warmly cordially sincerely")


def sign_off(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a letter's closing word at its line's start, a comma after it ("Love,
    Zainab & Omar", "Cheers, Ola"): the names follow it; "Love" is a name too, elsewhere."""
    if text[start:end].lower() not in _SIGN_OFFS or not text.startswith(",", end):
        return False
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


# a street named after someone or something, where a way's preposition leads to it ("onto Church
# Lane", "along Pitshanger Lane", "on Fremont St"): the street's word the run ends with or that
# follows it ("Lane", "Close", "Way" are surnames too: "Lois Lane" after no such word stays)
_WAY_BEFORE = re.compile(
    r"\b(?:onto|along|down|up|on|off|via|into|across|past|near|opposite|towards?|crossing|corner[ \t]+of)"
    r"[ \t]+(?:the[ \t]+)?\Z"
)
_STREET_WORDS = word_set("lane ln street st road rd avenue ave drive dr way close court ct place pl crescent")
_STREET_AFTER = re.compile(
    r"[ \t]+(?:Lane|Ln|Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Way|Close|Court|Ct|Place|Pl)\b"
)


def street_after_way(text: str, start: int, end: int) -> bool:
    """The run `text[start:end]` is a street's name after a way's preposition (above)."""
    if _WAY_BEFORE.search(text, max(0, start - 16), start) is None:
        return False
    last = text[start:end].rsplit(None, 1)[-1].lower().rstrip(".")
    return (" " in text[start:end] and last in _STREET_WORDS) or _STREET_AFTER.match(text, end) is not None
