"""What the model reads as an address and no address holds: a span with no street's word, no
postcode of letters and digits and no box, but an amount ("£8,400"), a quantity with its unit
("64 kWh", "68,000 km"), a count ("2× Pad See Ew"), a product's version ("Gen 11", "CU18"), two
tickets' keys ("PAY-441, PAY-452"), a match's score or minute ("3–2 Bayern", "Rodrygo 90+2'"),
a clock's time, a day's or a month's name, a list's semicolons, a dose's schedule ("1-0-1"), a sum
in cents ("210,00"), a law's or a land register's reference ("Ley 29/1994", "Blatt 4471"), a year as
its only number ("Merit Award 2024"). A vendors' table, a cricket scorecard, a laptop's
specification: capitalised words and numbers, as an address is."""

from __future__ import annotations

import re

from ._dates import MONTH_WORDS
from .address import STREET_RUN

_WORD = re.compile(r"[^\W\d_]+")
# the months' names of the languages read, four letters or more ("julio", "Juni"; not "mar", "mai")
_LONG_MONTHS = "|".join(sorted((w for w in MONTH_WORDS if len(w) >= 4), key=lambda w: (-len(w), w)))
# what an address holds though no street's word does: a postcode of letters and digits (UK "W1C
# 1AP", Ireland "T12 X2K5", Canada "V5N 2T4", the Netherlands "4793 QZ"), a box ("PO Box 30218",
# "Postfach 10 12", "Apartado 45"), a state's code and a ZIP or postcode ("AZ 85046", "NSW 2001")
_ADDRESS_SIGN = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b|\b[A-Z]\d{2}[ \t]?[A-Z0-9]{4}\b"
    r"|\b[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b"
    r"|\b\d{4}[ \t]?[A-Z]{2}\b|(?i:\b(?:p\.?[ \t]?o\.?|gpo|post(?:al)?)[ \t]*box\b|\bpostfach\b|\bapartado\b)"
    r"|\b[A-Z]{2,3}[ \t]+\d{4,5}(?:-\d{4})?\b"
)
_UNLIKE = re.compile(
    # an amount: a currency's sign or code beside a number
    r"[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|INR|AUD|NZD|CAD|ZAR|KES|NGN)[ \t]?\d|\d[ \t]?(?:EUR|USD|GBP)\b"
    # a quantity and its unit
    r"|(?<![\w.])\d+(?:[.,]\d+)?[ \t]?(?:kWh|kW|mAh|km|kms|miles?|kg|lbs?|Hz|kHz|MHz|GHz|rpm|GB|TB|MB|mm|cm|"
    r"sq[ \t]?ft|sqft|m²|ml|mg|pieces|pcs|ov|runs|pts|points|goals?|tries)\b"
    # a count of items
    r"|(?<![\w!])\d+[ \t]?[x×](?=[ \t])|(?<!\w)[x×][ \t]?\d+\b"
    # a product's version or build, an update's number
    r"|(?i:\b(?:version|build|gen|firmware|bios|cu\d+|kb\d{5,})\b)"
    # two tickets' keys
    r"|\b[A-Z]{2,6}-\d{2,6}\b[^\n]*\b[A-Z]{2,6}-\d{2,6}\b"
    # a score before a team's name, a match's minute
    r"|\b\d{1,3}[–—]\d{1,3}[ \t]+[A-Z]|\b\d{1,3}'(?!\w)"
    # a clock's time
    r"|(?i:\b\d{1,2}(?:[.:]\d\d)?[ \t]?(?:am|pm)\b)|\b\d{1,2}:\d\d\b"
    # a day's or a month's name
    r"|\b(?:Mon|Tues?|Wed|Thu|Thur|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b(?=\.?[ \t]?\d)"
    r"|(?<=\d[ \t])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
    # a list's items
    r"|;[^\n]*;"
    # a dose's schedule ("Ramipril 5 1-0-0", "Metoprolol 47,5 1-0-1"), a sum with decimal cents
    # ("Betriebskosten 210,00 €")
    r"|(?<![\w.,-])[0-3](?:[.,]5)?-[0-3](?:[.,]5)?-[0-3](?:[.,]5)?(?:-[0-3](?:[.,]5)?)?(?![\w-]|[.,]\d)"
    r"|(?<![\w.,])\d{1,3}(?:\.\d{3})*,\d\d(?![\d,])"
    # a law's, a parliament's paper's or a land register's reference ("Ley 29/1994", "§ 3",
    # "Kamerstukken II 1997/98", "Grundbuch von Othmarschen, Blatt 4471"), a ward's room and bed
    r"|§|\b(?:Ley|Real[ \t]Decreto|Decreto|Kamerstukken|BGBl|Grundbuch|Blatt|Flurstück|finca|folio|Bett)\b"
)


# a day and its month in a language read ("15 de janeiro", "31 janvier", "14. Juli"; the month alone
# is none: "Rio de Janeiro"), and a number of four or five digits that is no year (a postcode)
_DAY_MONTH = re.compile(r"\b\d{1,2}\.?[ \t]+(?:de[ \t]+)?(?i:" + _LONG_MONTHS + r")\b")
_CODE_NOT_YEAR = re.compile(r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)\d{4,5}(?![\d.,]\d)")


_TITLED_YEAR = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*[ \t]+(?:19|20)\d\d")
# a date's year after its preposition, alone ("… de marzo de 2024", "van 2023")
_YEAR_OF = re.compile(r"(?i:de|del|of|van|di|du|do|da)[ \t]+(?:19|20)\d\d")


def unlike_address(text: str, start: int, end: int) -> bool:
    """`text[start:end]` has no street's word and no `_ADDRESS_SIGN`, and one of `_UNLIKE`, or a
    date's day and month and no postcode ("Málaga, 13 de marzo de 2025")."""
    if any(STREET_RUN.fullmatch(m.group()) for m in _WORD.finditer(text, start, end)):
        return False
    if _ADDRESS_SIGN.search(text, start, end) is not None:
        return False
    if _UNLIKE.search(text, start, end) is not None:
        return True
    if _TITLED_YEAR.fullmatch(text, start, end) or _YEAR_OF.fullmatch(text, start, end):
        return True  # capitalised words and a year, the span's only number ("Merit Award 2024")
    return _DAY_MONTH.search(text, start, end) is not None and _CODE_NOT_YEAR.search(text, start, end) is None
