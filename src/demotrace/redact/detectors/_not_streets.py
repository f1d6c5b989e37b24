"""What a street rule's match is not, though its words fit (`address.AddressDetector`): a duration
or a distance ("5 mins walk"), a country, a title's "Dr", "c/o", a law's paragraph, "take place",
a sentence's end inside it, code's attribute path called right after it."""

from __future__ import annotations

import re

from ._code_names import _IDENTIFIER_PATH
from ._dates import MONTHS_ALTERNATION
from ._number_shapes import quantity_ends
from ._places import NO_ONES_NAME
from ._public_names import media_title
from ._street_words import SUFFIX_WORDS

# "Dr" after a name, read as the street type "Drive", but followed by a name, an initial or a
# degree: the title of "Prof. Dr. Sabine Hoffmann", "Oberarzt Dr. med.", "bij Dr. P. van Leeuwen"
_DR_END = re.compile(r"(?<![\w.])Dr\.?$")
_NAME_AFTER = re.compile(
    r"[ \t]+(?:[^\W\d_a-zà-ÿ]\.|(?:med|rer|phil|jur|dent|vet)\.|[^\W\d_a-zà-ÿ][^\W\d_A-ZÀ-Þ]+\b)"
)


# "c/o" (care of) is no Spanish "c/" (calle): "Street address, P.O. box, company name, c/o"
_CARE_OF = re.compile(r"(?i)c/o(?![^\W\d_])")


_LETTERS = re.compile(r"[^\W\d_]+")
_DURATION = re.compile(
    r"\b\d+[ \t]*(?i:mins?|minutes?|hrs?|hours?|secs?|seconds?|days?|weeks?|months?|mos|years?|yrs?|km|kms|"
    r"miles?|mi|yards?|jours?|d[íi]as|giorni|tage[n]?|dagen|dni|semaines?|semanas|settimane|wochen|"
    r"weken|mois|meses|mesi|monate[n]?|maanden)\b"
)


_LAST_NUMBER = re.compile(r"\d+\Z")


def _days_after(text: str, m: re.Match[str]) -> bool:
    """The match ends with a number that counts what follows it ("au cours des repas, 3 jours")."""
    last = _LAST_NUMBER.search(m.group())
    return last is not None and _DURATION.match(text, m.start() + last.start()) is not None


def no_house(m: re.Match[str]) -> bool:
    """The number is a duration or a distance ("5 mins walk", "10 minutes drive"), or the "street"
    is a country ("Shipping to Norway takes 3 days")."""
    first = _LETTERS.search(m.group())
    return _DURATION.search(m.group()) is not None or (
        first is not None and first.group().lower() in NO_ONES_NAME
    )


# a German legal reference, "§ 4 Abs. 5 Satz 1 Nr. 6b EStG", "Art. 6 Abs. 1 lit. b DSGVO": its
# numbers are a law's paragraphs, not a house's
_LEGAL_REF = re.compile(r"\d+[a-z]?[ \t]+(?:U?Abs|Art|Ziff|Satz|lit|Nrn?|Buchst|Anl|Anh)\b")
_LEGAL_BEFORE = re.compile(r"(?:§§?|\b(?:Art|Abs|Artikel|Absatz|Ziff))\.?[ \t]*$")
# a US or UK legal citation: a volume, a code's or a reporter's abbreviation, a page or a section
# ("42 U.S.C. 4852d", "34 CFR Part 99", "538 U.S. 408", "66 Cal.2d 425", "[2019] UKSC 41"; not
# "KB", "AC", "QB": Dutch postcodes' letters, "7411 KB Deventer"), or a state's statutes
# ("Chapter 720, Florida Statutes"): its numbers are a law's, not a house's
_CITATION = re.compile(
    r"\d+[ \t]+(?:U\.S\.C\.?|C\.?F\.?R\.?|U\.S\.|S\.[ \t]?Ct\.|L\.[ \t]?Ed\.|F\.(?:[234]d|[ \t]?Supp\.)|"
    r"[A-Z][a-z]{1,4}\.(?:[ \t]?[234]d|[ \t]?App\.)|Stat\.|UKSC|EWCA|EWHC|WLR)(?![\w])"
    r"|(?i:chapter|title)[ \t]+\d+[A-Z]?,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"[ \t]+(?:Statutes|Code|Laws)\b"
)


def legal_citation(text: str, start: int, end: int) -> bool:
    """A legal citation (`_CITATION`) lies in or starts `text[start:end]`."""
    return _CITATION.search(text, start, min(len(text), end + 12)) is not None


# "take place" is no street called Take ("Year 6 take place after the holiday"); a sentence's end
# inside the match ("Settings > Appearance > Dark. Close the app": a word of four letters or more,
# no street's abbreviation, a full stop, a capital)
_TAKE_PLACE = re.compile(r"(?i:tak(?:e|es|en|ing)|took)[ \t]+place$")
_SENTENCE_INSIDE = re.compile(r"([^\W\d_]{4,})\.[ \t]+[A-Z]")
_ABBREVIATED = frozenset(
    (
        *("blvd", "pkwy", "hwy", "expy", "frwy", "ctra", "avda", "str"),
        # a title in a street's name ("Alameda Prof. Hernâni Monteiro, 42", "Av. Pres. Vargas, 1200")
        *("prof", "pres", "gral", "cmdt", "dott", "eng", "cap", "cel", "maj", "sen", "dep", "des"),
    )
)


def _sentence_inside(group: str) -> bool:
    return any(m.group(1).lower() not in _ABBREVIATED for m in _SENTENCE_INSIDE.finditer(group))


def not_a_street(text: str, m: re.Match[str]) -> bool:
    """The match is a title's "Dr" (`_title_dr`), "c/o", a law's paragraph (`_LEGAL_REF`), or an
    attribute path of code called or indexed right after it: `os.Getenv(` ("os." is Polish for
    "osiedle", "ul." for "ulica", but a street's abbreviation is not glued to a call's brackets;
    `_code_names._IDENTIFIER_PATH`)."""
    called = text[m.end() : m.end() + 1] in ("(", "[") and "." in m.group()
    return (
        no_house(m)
        or _days_after(text, m)
        or _TAKE_PLACE.search(m.group()) is not None
        or _sentence_inside(m.group())
        or _LEGAL_REF.match(m.group()) is not None
        or _LEGAL_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None
        or legal_citation(text, m.start(), m.end())
        or _title_dr(text, m)
        or (called and _IDENTIFIER_PATH.fullmatch(m.group()) is not None)
        or _CARE_OF.match(m.group()) is not None
        or _PLACE_OF.search(m.group()) is not None
        or _COURT.search(m.group()) is not None
        or _STATION_AFTER.match(text, m.end()) is not None
        or _CLOCK_ZONE.search(m.group()) is not None
        or told_place(text, m)
        or quantity_ends(text, m.start(), m.end())
        or _DOSE_INTERVAL.match(m.group()) is not None
        or _day_of_month(text, m)
        or media_title(text, m.start())  # "Frank Sinatra – My Way • Spotify": a song
        or _searched_on_a_map(text, m)
        or _HTTP_STATUS.match(m.group()) is not None
    )


# an HTTP status and its reason phrase ("502 Bad Gateway - nginx", "301 Moved Permanently"): "Gateway",
# "Way" and "Gate" are street words
_HTTP_STATUS = re.compile(
    r"[1-5]\d\d[ \t]+(?i:bad[ \t]+(?:gateway|request)|gateway[ \t]+time-?out|moved[ \t]+permanently|"
    r"not[ \t]+(?:found|modified|acceptable|implemented)|service[ \t]+unavailable|"
    r"internal[ \t]+server[ \t]+error|temporary[ \t]+redirect|permanent[ \t]+redirect|"
    r"too[ \t]+many[ \t]+requests|method[ \t]+not[ \t]+allowed|switching[ \t]+protocols|"
    r"proxy[ \t]+authentication[ \t]+required|network[ \t]+authentication[ \t]+required)\b"
)


# a map's window title after a street searched without a house number ("Via Giuseppe Garibaldi,
# Torino - Google Maps"): a public place looked up, no one's address
_MAP_APP_END = re.compile(
    r"[ \t]+[-–—|·][ \t]+(?:Google[ \t]+Maps|Apple[ \t]+Maps|Bing[ \t]+Maps|Mapy\.cz|Waze|OpenStreetMap|"
    r"Χάρτες[ \t]+Google|Google[ \t]+지도|네이버[ \t]+지도)[ \t]*$",
    re.M,
)


def _searched_on_a_map(text: str, m: re.Match[str]) -> bool:
    if any(c.isdigit() for c in m.group()):
        return False
    line_end = text.find("\n", m.end())
    return _MAP_APP_END.search(text, m.end(), len(text) if line_end < 0 else line_end) is not None


def _day_of_month(text: str, m: re.Match[str]) -> bool:
    """The match's only number ends it and a month's name follows: a day ("Orders close 31 Jan",
    "Entries Close 1 March"), no house's number."""
    group = m.group()
    return (
        group[-1:].isdigit()
        and not any(c.isdigit() for c in group.rstrip("0123456789"))
        and _MONTH_AFTER.match(text, m.end()) is not None
    )


# the number is a day: a month's name follows it
_MONTH_AFTER = re.compile(rf"[ \t]+(?i:{MONTHS_ALTERNATION})\b")


# a dose's interval, not Spanish "c/" (calle) and a number: "875 mg c/8 h", "c/12 hs" (cada 12 horas)
_DOSE_INTERVAL = re.compile(r"(?i:c)/\d{1,2}(?:-\d{1,2})?$")


# an English street named without a house number after a preposition of a story ("stolen from
# sheds on Churchill Road", "walking home along Manningham Lane", "pick up on Shakespeare Street"):
# a place where something happened, as a landmark is; no one's address unless a residence's word
# comes before it ("lives on Fulton Avenue") or a town or a postcode follows it
_ENGLISH_SUFFIX = re.compile(
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Way|Close|Gardens|Park|Court|Walk|Row|Place|"
    r"Terrace|Crescent|Hill|Square|Parade|Grove|Mews|Boulevard|Blvd|Bridge|Green)\.?$"
)
_STORY_BEFORE = re.compile(
    r"(?i:\b(?:on|along|near|outside|from|off|past|via|into|onto|opposite|towards?|down|up|across|"
    r"behind|beside|between|around|reopen|shuts?|closes?|resurfacing\s+of|junction\s+of|corner\s+of))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_RESIDENCE_BEFORE = re.compile(
    r"(?i:\b(?:lives?|lived|living|resides?|resided|residing|residence|moved|moving|home|address|"
    r"house|flat|apartment|stay(?:s|ed|ing)?|born|grew\s+up|tenant|property|room|share)\b)"
)
_TOWN_AFTER = re.compile(r"\.?(?:,[ \t]*[A-Z][a-z]|[ \t]*,?[ \t]*[A-Z]{1,2}\d)")


def told_place(text: str, m: re.Match[str]) -> bool:
    """The numberless English street of a story (`_STORY_BEFORE`, no `_RESIDENCE_BEFORE` in the
    sentence's 80 characters before it, no town or postcode after it)."""
    value = m.group()
    if any(c.isdigit() for c in value) or not _ENGLISH_SUFFIX.search(value):
        return False
    line = text.rfind("\n", 0, m.start()) + 1
    if not _STORY_BEFORE.search(text, max(line, m.start() - 40), m.start()):
        return False
    if _RESIDENCE_BEFORE.search(text, max(line, m.start() - 80), m.start()):
        return False
    return _TOWN_AFTER.match(text, m.end()) is None


# a day and its month's word first: "1 Jan New Year's Day", "18 Apr Good Friday" of a calendar, no
# line of an address (`address._NUMBER_LINE`; a street's match keeps its type: "6 April Riverway")
_DAY_AND_MONTH = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|\.)?[ \t]+(?i:" + MONTHS_ALTERNATION + r")\.?\b"
)
_SUFFIX_ON_LINE = re.compile(r"(?i:\b(?:" + SUFFIX_WORDS + r")\b)")


def calendar_line(text: str, at: int) -> bool:
    """The line at `at` opens with a day and its month's word and names no street after it ("18 Apr
    Good Friday"; not "12 Jan Smuts Ave", a street named after a person called Jan)."""
    m = _DAY_AND_MONTH.match(text, at)
    if m is None:
        return False
    end = text.find("\n", m.end())
    return _SUFFIX_ON_LINE.search(text, m.end(), len(text) if end < 0 else end) is None


# a court's name, whose "Court" is no street's ("Croydon Crown Court", "Durban Magistrate's Court",
# "The Federal High Court"), and a police station named after its street ("Mill Street Garda Station")
_COURT = re.compile(
    r"(?i:\b(?:crown|magistrates?['’]?s?|high|law|supreme|district|county|family|federal|appeals?|circuit|"
    r"sheriff|coroners?['’]?s?|youth|juvenile|labou?r|employment|probate)[ \t]+courts?\b)"
)
# a clock's time zone between a time's seconds and a year ("10:21:44 CET 2024" of a certificate's
# validity): no house number and street
_CLOCK_ZONE = re.compile(
    r"^\d\d[ \t]+(?:UTC|GMT|CES?T|EES?T|WES?T|[PMCE][SD]T|AES?T|AEDT|BST|IST|JST|KST|MSK|SGT|HKT)[ \t]+\d{4}$"
)
_STATION_AFTER = re.compile(r"(?i:[ \t]+(?:garda|police|fire|ambulance)[ \t]+station\b)")


_PLACE_OF = re.compile(r"(?i:\bplace[ \t]+of$)")  # a form's "Place of birth:", not a street "Place"


def _title_dr(text: str, m: re.Match[str]) -> bool:
    """The match ends in the title "Dr" (`_DR_END`, `_NAME_AFTER`) rather than a street type: no
    house number, or a number followed by lower-case words ("6 weken bij Dr. P. van Leeuwen"); a
    house number and capitalised words stay a street ("12 Oak Dr. Springfield")."""
    if not _DR_END.search(m.group()) or not _NAME_AFTER.match(text, m.end()):
        return False
    words = re.findall(r"[^\W\d_]+", m.group())
    return not any(map(str.isdigit, m.group())) or not capitalised(" ".join(words))


def capitalised(s: str) -> bool:
    words = re.findall(r"[^\W\d_]+", s)
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 2)


# a street named in a sentence after a preposition or an article, with no number near it: a place
# of the news or of a review ("a fire on Ngong Road", "the Karangahape Rd branch", "the corner of
# Carrington Rd and Woodward Rd"), not a home's address. Measured on the 97 open sets before it
# was written: 76 such spans outside every private span (1,181 characters), one inside (21: a
# name, "Aroha Ngata", read as a street).
_PROSE_BEFORE = re.compile(
    r"\b(?:on|at|in|of|near|along|off|onto|into|from|to|down|up|past|via|outside|opposite|where|"
    r"and|the|"
    # the same in the other languages read ("richting Wibautstraat", "aan de Oudegracht", "op het
    # Rembrandtplein", "entlang der Leopoldstraße", "en la calle", "sur le boulevard")
    r"op|aan|bij|naar|richting|langs|door|het|de|auf|an|bei|nach|zur|zum|der|die|den|dem|entlang|"
    r"sur|dans|vers|la|le|les|du|au|aux|en|por|hacia|desde|hasta|del|el|su|per|il|lo|della|verso|na|no|"
    r"pela|pelo|em|da|do)[ \t]+$"
)
_DIGIT_NEAR = 15
# where a person lives or stays, said before the street: its name alone points at a home
_HOME_BEFORE = re.compile(
    r"\b(?i:lives?|living|lived|moved|moving|resides?|residing|stays?|staying|stayed|home|house|flat|"
    r"address|relocated|grew[ \t]+up|woon\w*|wohn\w*|viv[eo]|vivimos|habit\w*|mor[ao]|moramos|abit\w*|"
    r"domicil\w*|adres|adresse|direcci[óo]n|indirizzo|endere[çc]o|thuis|zuhause|casa|chez)\b[^.\n]{0,14}$"
)


def named_in_prose(text: str, start: int, end: int) -> bool:
    """`text[start:end]`, a street's name without a number, comma or line break in it, follows a
    lower-case preposition or article and has no digit within `_DIGIT_NEAR` characters."""
    if any(c.isdigit() or c in ",\n" for c in text[start:end]):
        return False
    if _PROSE_BEFORE.search(text, max(0, start - 12), start) is None:
        return False
    if _HOME_BEFORE.search(text, max(0, start - 24), start) is not None:
        return False  # "Mrs Okonjo lives on Tennyson Road": where someone lives
    near = text[max(0, start - _DIGIT_NEAR) : start] + text[end : end + _DIGIT_NEAR]
    return not any(c.isdigit() for c in near)
