"""PERSON, STREET_ADDRESS, ACCOUNT_ID, USERNAME and SECRET from the shipped character model.

The model (`redact/model/`, docs/MODEL_CARD.md) is a character CNN trained on generated text in
15 languages; it complements the rules: the checksummed and structured kinds (card, IBAN, SSN, IP,
e-mail, phone) stay with their detectors, and the rules' own person / address / username / secret
findings are kept beside the model's (union), because each catches shapes the other misses
(measured in docs/BENCHMARKS.md, "Redaction: model and rules").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..model import CharModel
from ._base import Detector, Span
from ._code_names import (
    PUBLIC_DIGEST,
    annotation,
    code_name,
    placeholder,
    placeholder_name,
    platform,
    public_key_at,
    variable,
    variable_at,
)
from ._code_shapes import code_person, code_secret, image_data, key_text
from ._dates import MONTH_ABBREVIATIONS, MONTH_WORDS
from ._login_shapes import no_login
from ._person_context import name_lead
from ._places import (
    COMPANY_WORD,
    INSTITUTION_WORD,
    PLACE_HEADS,
    after_place_cue,
    app_segment,
    company_after,
    eponym,
    named_place,
)
from .address import STREET_RUN, street_lead
from .lexicon import FIRST, FREQUENT_BITS, LAST, languages_of, lexicon, plain_word, word_set

# Numbers that identify things, not people (the same words the phone detector skips): an id the
# model finds right after one of them, or spelled like one, is not an account id.
_THING_ID_BEFORE = re.compile(
    r"\b(?:order|invoice|ticket|meeting(?: id)?|isbn|issn|tracking|sku|serial|build|version|model|part|"
    r"issue|pr|commit|release|kb|error|chapter|page|room|flight|gate|bug)\b[^\w\n]{0,4}"
    r"(?:(?:id|no|nr|number|#)[^\w\n]{0,3})?$",
    re.IGNORECASE,
)
_THING_ID_SHAPE = re.compile(r"(?:kb|inv|pr|build|0x)[-_ ]?[0-9a-f]", re.IGNORECASE)


# a quantity, not a house number: a dose or a lab value with its unit, a ratio, a percentage
# (a unit per unit: "112 µmol/L", "45 mL/min"; a dose a day: Dutch "2dd", "3x")
_MEASURE = re.compile(
    r"\d++(?:[.,]\d++)?+[ \t]?(?:/[ \t]?(?:\d|[^\W\d_]{1,4}\b)|%|[^\W\d_]{1,5}/[^\W\d_]{1,5}\b"
    r"|(?i:mg|g|kg|µg|mcg|ml|dl|l|mmol|µmol|umol|nmol|mmhg|mg/dl|ui|iu|cm|mm|µl|ul|mm3|meq|ng|pg|ghz|"
    r"mhz|gb|mb|tb|dd|x|lpm|bpm|rpm|ppm|rpm|kcal|cal|mcg|µg|fl|kpa|pa|s|ms|sec|h|min|°c|°)"
    r"(?![^\W\d_]))"
    r"|(?<=\bpH[ \t])\d[.,]\d{1,2}"  # a pH has no unit: "pH 7,32"
)


_SCORE_CODE = re.compile(r"(?:[A-Za-z]\d){2,4}")  # a score's parts, one letter and one digit each


def _thing_id(text: str, start: int, end: int) -> bool:
    """An "id" that numbers a thing (after "order", "ticket" …), has fewer than three digits
    ("CASE", "5-6"), is a score's letters and digits ("E3M6V5") or is a quantity ("500" of "500/125
    mg": `_MEASURE`)."""
    if sum(map(str.isdigit, text[start:end])) < 3 or _SCORE_CODE.fullmatch(text, start, end):
        return True  # no digit ("CASE"), too few for an account ("5-6" of "EMV 4-5-6"), a score ("E3M6V5")
    if end - start <= 4 and text[start:end].isdigit() and _MEASURE.match(text, start):
        return True  # a dose, not "1234/2023" of a case file
    if _quantities_only(text, start, end):
        return True  # a measurement ("RR 160/90 mmHg"), every number with its unit
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_/") and start > end - 48:
        start -= 1  # the whole id: "4839201" of "Order 112-4839201-7720451" is the order's too
    while start < end and not text[start].isalnum():
        start += 1
    before = _THING_ID_BEFORE.search(text, max(0, start - 32), start)
    return bool(before or _THING_ID_SHAPE.match(text, start))


# A number followed by a month (`_dates.MONTH_ABBREVIATIONS`) and a day is a date column ("4096
# Dec  2 06:26" in `ls -l`, "12 Mar 14:05" in a log), not a house number and a street.
_DATE_AFTER = re.compile(r"\.?\s+\d{1,2}(?:\b|st|nd|rd|th)")
_TIME_BEFORE = re.compile(r"\d:$|\d:(?=\d)")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
# the lower-case particles of surnames that are also articles or prepositions of their language ("van
# de klant", "validé la maquette"); fewer than the person rule's `_PARTICLES`, which also holds
# "ben", "bin", "mac": a name in lower-case chat
_LOWER_PARTICLES = word_set("de da di do du del della der den des dos das van von la le lo ter ten zu y e")
# a currency's sign or code: "1,234,567.89 EUR" is an amount, not a house number and a street
_CURRENCY = re.compile(r"[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|INR)\b")


_MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]+(\d{1,2}[ \t]+)?$")
_DAY_THEN_YEAR_OR_TIME = re.compile(r"\d{1,2}[ \t]+(?:(?:19|20)\d\d|\d{1,2}:\d\d)\b")
_YEAR_OR_TIME = re.compile(r"(?:19|20)\d\d\b|\d{1,2}:\d\d\b")


def _date_before(text: str, start: int, end: int) -> bool:
    """The span is the rest of a date whose month comes before it, and one word: "[20 2025
    base-passwd]" after "May ", "[2026 PackageKit]" after "May 9 " (a listing whose OCR read
    split the columns). More words after the date ("3 2021 at 12 Oak Street") may be an address."""
    m = _MONTH_BEFORE.search(text, max(0, start - 16), start)
    if m is None or m.group(1).lower() not in MONTH_ABBREVIATIONS:
        return False
    date = (_YEAR_OR_TIME if m.group(2) else _DAY_THEN_YEAR_OR_TIME).match(text, start)
    return date is not None and len(text[date.end() : end].split()) <= 1


_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_of_date(text: str, start: int, end: int) -> bool:
    """An "id" that is the year of a date whose month comes before it ("May 20 2023" of `ls -l`),
    or a year alone, four digits from 1900 to 2099 no id runs on from ("Nómina marzo 2024",
    "Piano ferie 2025": a title's period)."""
    if not _YEAR.fullmatch(text, start, end):
        return False
    if not _ID_JOINER.match(text, end) and (start == 0 or not _ID_JOINER.match(text, start - 1)):
        return True
    m = _MONTH_BEFORE.search(text, max(0, start - 16), start)
    return m is not None and m.group(1).lower() in MONTH_ABBREVIATIONS


_ID_JOINER = re.compile(r"[-/_.#:]?\w")  # "2024-00123", "KL/2024/08812": a year inside an id


def _date_column(text: str, start: int, end: int) -> bool:
    """An "address" that is a number, a month and a day, or a month and a day ("Dec  2" of "4096
    Dec  2 06:26"), or whose number is a time's minutes ("06:26 ImageMagick"): tabular output,
    file listings, logs."""
    if _TIME_BEFORE.search(text, max(0, start - 3), start + 1) and text[start : start + 1].isdigit():
        return True
    if text[start : start + 1].isdigit() and _date_before(text, start, end):
        return True
    first = _WORD.match(text, start)
    if first and first.group().lower() in MONTH_ABBREVIATIONS and _DATE_AFTER.match(text, first.end()):
        return True
    for m in re.finditer(r"\d+\s+([^\W\d_]+)", text[start : min(len(text), end + 8)]):
        if m.group(1).lower() in MONTH_ABBREVIATIONS and _DATE_AFTER.match(text, start + m.end()):
            return True
    return False


_PERMISSIONS = re.compile(r"[-dlcbps][-rwxsStT]{9}[.+@]?")
"""A file's mode as `ls -l` prints it ("drwxr-xr-x")."""


def _listing_line(text: str, start: int) -> bool:
    """`start` is on a line of `ls -l` output: the line starts with a file's mode."""
    line = text.rfind("\n", 0, start) + 1
    while line < start and text[line] in " \t":
        line += 1
    return _PERMISSIONS.match(text, line) is not None


def _file_modes(text: str, start: int, end: int) -> bool:
    """The span's words, whole, are file modes only (a column of them, as OCR reads a terminal's
    `ls -l`; the model's span may stop at a "-" of one)."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    words = text[start:end].split()
    return bool(words) and all(_PERMISSIONS.fullmatch(w) for w in words)


def _letters_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over the letters on each side: its first and last words whole (a run of
    letters never crosses a line)."""
    while start > 0 and _LETTER.match(text, start - 1):
        start -= 1
    while end < len(text) and _LETTER.match(text, end):
        end += 1
    return start, end


def _interface_line(text: str, start: int, end: int) -> bool:
    """A "person" on a line made only of interface and dictionary words that are not names ("File
    Edit View History Bookmarks Tools Help", a menu bar): title case there is not a name. A line
    that also holds a name or an address keeps every span ("3 Via Rossi Piazza")."""
    # the span's own words first (those of the line that overlap it): usually a name, which
    # settles it without the rest of the line
    a, b = _letters_around(text, start, end)
    if not all(map(plain_word, _WORD.findall(text, a, b))):
        return False
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    words = _WORD.findall(text, lo, len(text) if hi < 0 else hi)
    return bool(words) and all(map(plain_word, words))


@functools.lru_cache(maxsize=32768)
def _tag(low: str) -> int:
    """The lexicon's tag of a lower-case word (memoised: a page repeats its words)."""
    return lexicon().tags.get(low)


LANG_CONTEXT = 160
"""Characters on each side of a span whose words say the text's languages (`_words_of_text`)."""
_POSTCODE = re.compile(r"\d{4,}")


def _words_of_text(text: str, start: int, end: int, own_words: bool = False) -> bool:
    """Every word of the span (grown to whole words) is an everyday word where it stands, and no
    name: an English or other common word (`WORD`), an interface word, or one of the most
    frequent words of the language that the words around it are in ("Resonancia Magnética",
    "Derecha" in a Spanish report; `lexicon.languages_of`). False where a word is a name (but one
    of other locales that every language the text may be in has among its most frequent words:
    "Tage" in German) or is frequent only in another language than the text's ("Delvis" in
    English)."""
    lo, hi = _letters_around(text, start, end)
    words = _WORD.findall(text, lo, hi)
    if not words:
        return False
    langs = -1  # the text's languages, read only when a word needs them
    for word in words:
        if plain_word(word):  # an interface or common word, no name
            continue
        if word in _LOWER_PARTICLES and len(words) > 1:  # "validé la maquette": an article between words
            continue
        w = word.lower()
        tag = _tag(w)
        name = tag & (FIRST | LAST)
        if name and not tag & FREQUENT_BITS:  # a name that is a frequent word of no language
            return False
        if langs < 0:
            around = _WORD.findall(text, max(0, lo - LANG_CONTEXT), lo) + _WORD.findall(
                text, hi, hi + LANG_CONTEXT
            )
            langs = languages_of([_tag(a.lower()) for a in around])
            if (
                not langs
                and own_words
                and len(words) > 1
                and not any(_tag(a.lower()) & (FIRST | LAST) for a in words)
            ):
                # a title, a line alone, and no word of the span a name anywhere: its own words
                # say its language too ("Strona główna - Allegro")
                langs = languages_of([_tag(a.lower()) for a in words + around])
        if name:  # a word only where every language the text may be in has it (`_Toks.resolved`)
            if not langs or langs & ~(tag & FREQUENT_BITS):
                return False
        elif not (tag & langs or (langs and _term_shaped(w))):
            return False
    return True


# the endings of clinical and scientific terms in the Romance languages, English and Dutch/German
# ("inguinal", "neutrofilia", "apendicitis", "adenocarcinoma", "colecistectomía"): a word too rare
# for the frequency lists, in a text whose language is known, is a term, not a name, when it ends
# so; no listed name ends so and is no name (names are in the lexicon and fail before this)
_TERM_ENDINGS = tuple(
    sorted(
        word_set(
            """
            itis osis emia emie oma omas algia algie patía patia pathie ectomía ectomia ectomie tomía
            tomia grafía grafia grafie scopia scopía scopie plastia ología ologia ologie ólogo ólogos
            inal inale cular culaire ción sión zione sione tion ismo ismus ítico ítica ático ática ético
            ética ógico ógica ílico ílica oide oides ocito ocitos ocyt ocyten cito citos filia fília penia
            penie trofia trofie plasia plasie tensión tensie tension tivo tiva tivos tivas iosa ioso iosas
            iosos énica énico émica émico ánica ánico ísica ísico ósica ósico ífica ífico
            """
        )
    )
)
_TERM_MIN = 7


def _term_shaped(low: str) -> bool:
    return len(low) >= _TERM_MIN and low.endswith(_TERM_ENDINGS)


_NUMBER = re.compile(r"\d+")


# the first word of an establishment's name: "Hotel Adlon Kempinski", "Café Central"
_ESTABLISHMENTS = word_set(
    "hotel hostel motel restaurant café cafe bar pub museum hospital clinic airport station park church "
    "cathedral university college school bank theatre theater cinema stadium mall gallery"
)
# a care home's, a hospital's, a school's word before its name, in the languages the engine reads:
# "verpleeghuis De Zonnebloem", "Pflegeheim Sonnenhof", "residencia Los Olivos"
_INSTITUTIONS = _ESTABLISHMENTS | word_set(
    "verpleeghuis verzorgingshuis ziekenhuis kliniek zorgcentrum basisschool pflegeheim altenheim "
    "seniorenheim krankenhaus klinik klinikum schule ehpad clinique hôpital hopital résidence lycée "
    "école residencia hospital clínica clinica colegio ospedale scuola escola hospice"
)


def _a_place(text: str, start: int, end: int) -> bool:
    """A "person" that names a place: it opens with an establishment's word ("Hotel Adlon
    Kempinski"), follows an institution's ("verpleeghuis De Zonnebloem") or a place head ("New
    York", "San Jose": `_places.PLACE_HEADS`)."""
    first = _WORD.match(text, start)
    if first and first.group().lower() in _ESTABLISHMENTS:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in _INSTITUTIONS:
        return True  # "verpleeghuis De Zonnebloem": the house's name
    return word[0].isupper() and word.lower() in PLACE_HEADS


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]$")


def _quantities_only(text: str, start: int, end: int) -> bool:
    """The span has a number that stands alone ("SatO2", "CO2" are words), and each is a quantity's
    (`_MEASURE`: its digits, the 90 of "160/90" too; its unit may lie just past the span)."""
    numbers = [m for m in _NUMBER.finditer(text, start, end) if not text[m.start() - 1 : m.start()].isalpha()]
    near = min(len(text), end + 12)
    # a quantity has a few digits before its unit; "47262093L" is an id and its letter
    if not numbers:
        return False
    quantities = [
        q.span()
        for q in _MEASURE.finditer(text, start, near)
        if len(q.group()) - len(q.group().lstrip("0123456789")) <= 5
    ]
    return all(any(a <= m.start() < b for a, b in quantities) for m in numbers)


def _a_date(text: str, start: int, end: int, words: list[re.Match[str]]) -> bool:
    """The span is a month's name with a day and a year ("March 11, 2024", "11 mars 2024")."""
    if not words or not all(m.group().lower() in MONTH_WORDS for m in words):
        return False
    return all(int(n) <= 31 or 1900 <= int(n) <= 2099 for n in _NUMBER.findall(text, start, end))


# three or more groups of digits, one blank, dot or dash apart: a phone number's shape
_DIGIT_GROUPS = re.compile(r"(?<![\d.,/-])\+?\d{1,4}(?:[ .-]\d{2,4}){2,}(?![\d,/-])")


def _not_a_street(text: str, start: int, end: int) -> bool:
    """An "address" with no street word and no postcode that is no address: without a word of
    three letters ("Q3") or without a number ("Urotelial de Vejiga de Alto Grado"), or whose
    numbers are quantities ("Ácido Clavulánico 875/125 mg", "Hemoglobina 11,2 g/dL": `_MEASURE`),
    or whose words are all everyday words of the text's language, none a name (`_words_of_text`
    on its words of three letters or more)."""
    words = [m for m in _WORD.finditer(text, start, end) if len(m.group()) > 2]
    if _a_date(text, start, end, words):  # "March 11, 2024" (its year no postcode)
        return True
    lines = text[start:end].split("\n")
    if len(lines) > 2 and sum(line.strip().isdigit() for line in lines) >= len(lines) - 1:
        return True  # a column of numbers ("seq 1 40" in a terminal), no postal block
    if any(STREET_RUN.fullmatch(m.group()) for m in words):
        return False
    if any(len(re.sub(r"\D", "", m.group())) >= 8 for m in _DIGIT_GROUPS.finditer(text, start, end)):
        return True  # no street word, a phone number ("Elena Marino al 02 8734 1195"; not its postcode)
    if _POSTCODE.search(text, start, end):
        return False
    if not words:  # "Q3", "3º B": no street's name
        return True
    if not _NUMBER.search(text, start, end) or _quantities_only(text, start, end):
        return True  # no number ("Urotelial de Vejiga de Alto Grado"), or only quantities
    return all(_words_of_text(text, m.start(), m.end()) for m in words)


def _company(text: str, start: int, end: int) -> bool:
    """A "person" that is a company's name: its last word is a legal form ("Globex Corp") or one
    follows it (`company_after`)."""
    words = _WORD.findall(text, start, end)
    last = words[-1] if len(words) > 1 else ""
    return (
        COMPANY_WORD.fullmatch(last) is not None
        or INSTITUTION_WORD.fullmatch(last) is not None
        or company_after(text, end)
    )


# a listing line up to its file name: mode, links, owner, group, size, date, time or year
_LISTING_HEAD = re.compile(
    r"[ \t]*[-dlcbps][-rwxsStT]{9}[.+@]?[ \t].*?(?:\d{1,2}:\d\d|(?<!\d)(?:19|20)\d\d)[ \t]+$"
)


def _listed_file(text: str, start: int) -> bool:
    """`start` is in the file-name column of an `ls -l` line ("… 4096 Jun 24 2025 build-essential"):
    a file's name, not a user's (the owner column, before the date, stays the model's)."""
    line = text.rfind("\n", 0, start) + 1
    return _LISTING_HEAD.fullmatch(text, line, start) is not None


def _false_hit(kind: str, text: str, start: int, end: int) -> bool:
    """A model span that is not private."""
    if kind != "STREET_ADDRESS" and _listed_file(text, start):
        return True
    # an image's or a public key's base64: "ssh-ed25519 AAAAC3Nz…", a PUBLIC KEY block, a JWK's
    # `e: 'AQAB'` (`key_text` first: `public_key_at` can be true only in a text that holds one)
    if image_data(text, start, end) or (key_text(text) and public_key_at(text, start)):
        return True
    if kind == "ACCOUNT_ID":
        return _thing_id(text, start, end) or _year_of_date(text, start, end)
    if kind == "SECRET" and variable_at(text, start):
        return True  # `${REDIS_PASSWORD}@cache`
    if kind == "STREET_ADDRESS":  # not on a line of `ls -l`: "4096 Jun GConf", the day and year lost
        return _date_column(text, start, end) or _listing_line(text, start) or _not_a_street(text, start, end)
    if kind == "PERSON":
        return (
            text[start:end] in _LOWER_PARTICLES  # "van de klant": a particle alone, in lower case, is no name
            or _company(text, start, end)
            or code_name(kind, text, start, end)
            or _a_place(text, start, end)
            or _interface_line(text, start, end)
            or after_place_cue(text, start)
            or eponym(text, start, end)
            or app_segment(text, start, end)
            or named_place(text, start, end)
            or _words_of_text(text, start, end, own_words=True)
            or code_person(text, start, end)
        )
    return False


_CAPITALS_ONLY = re.compile(r"[A-Z][A-Z \t]*")
# a file's extension right after a name (the common ones of code, documents, data and images)
_FILE_EXTENSION = re.compile(
    r"\.(?:ipynb|py|js|ts|tsx|jsx|java|go|rs|rb|php|cpp|cs|swift|kt|sh|sql|md|txt|csv|tsv|json|ya?ml|"
    r"toml|xml|html?|css|pdf|docx?|xlsx?|pptx?|odt|ods|png|jpe?g|gif|svg|zip|tar|gz|log|ini|cfg|conf)\b"
)
# a colour of CSS or a design tool: "#" and 3, 4, 6 or 8 hex digits, a digit among them
_COLOUR = re.compile(r"#(?=[a-fA-F]*\d)(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
# a variable of Perl, PHP or a shell in lower case, its sigil included (`$self`, `$user`)
_SIGIL_VARIABLE = re.compile(r"\$[a-z_][a-z0-9_]*")
# a reverse domain name that names a package or an app: a top-level domain, then two or more parts
# (`org.jetbrains.kotlinx`, `com.example.app`); a login has no top-level domain first
_REVERSE_DOMAIN = re.compile(r"(?:org|com|net|io|dev|edu|gov|app|co)(?:\.[a-z][a-z0-9_-]*){2,}")


def _sigil_variable(text: str, start: int, end: int) -> bool:
    """The span is a lower-case variable with its sigil, or one without the sigil before it."""
    return any(_SIGIL_VARIABLE.fullmatch(text, s, end) for s in (start, max(0, start - 1)))


def _reverse_domain(text: str, start: int, end: int) -> bool:
    """The span lies in a reverse domain name of lower-case parts (`_REVERSE_DOMAIN`)."""
    s, e = start, end
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._-"):
        s -= 1
    while e < len(text) and (text[e].isalnum() or text[e] in "._-"):
        e += 1
    while e > end and text[e - 1] == ".":  # a sentence's full stop
        e -= 1
    return _REVERSE_DOMAIN.fullmatch(text, s, e) is not None


# A secret the model finds with fewer characters than this is a short code typed alone ("w0x"), not a
# password: the shortest in the held-out sets has 6, generated passwords have 8 or more, and the
# secrets rule keeps short ones after a cue ("password: abc1").
MIN_SECRET = 5


def _too_bare(kind: str, text: str, start: int, end: int) -> bool:
    """A grown model span too bare to be what the model calls it: a street address without a
    letter (a number alone: the "42" of "Mixed CASE 42!"; its street and box words were taken
    back by `_lead`), a secret shorter than `MIN_SECRET`, an account id in a text without a
    letter ("730215" typed alone: a one-time code, an amount; the model has no word to go by), a
    user name or secret that is a variable's name, a platform's, a name in code (`_code_names`) or
    file modes ("drwxr-xr-x")."""
    if kind in ("USERNAME", "SECRET") and (
        variable(text, start, end)
        or platform(text, start, end)
        or _file_modes(text, start, end)
        or code_name(kind, text, start, end)
        or code_secret(text, start, end)
    ):
        return True
    if kind == "USERNAME" and text[start - 1 : start] == "." and text[start - 2 : start - 1] in ("/", ""):
        return True  # a dot-directory of a path ("$HOME/.local/bin"), not a user's name
    if kind == "USERNAME" and no_login(text, start, end):
        return True  # words with no login's cue ("anyone know"), a manifest's resource name
    if kind == "USERNAME" and text[start - 1 : start] == "@" and annotation(text, start - 1, end):
        return True  # `@Test` without its "@"
    if kind == "USERNAME" and text[start : start + 1] == "@" and annotation(text, start, end):
        return True  # `@dataclass`, `@Override`
    if kind == "USERNAME" and _FILE_EXTENSION.match(text, end):
        return True  # `model_eval_v3.ipynb`, `notes_2026.md`: a file's name, as a handle has no extension
    if kind == "USERNAME" and _COLOUR.fullmatch(text, start, end):
        return True  # `border-color: #0a58ca`: a colour, as a handle has no hex digits alone
    if kind == "USERNAME" and (_sigil_variable(text, start, end) or _reverse_domain(text, start, end)):
        return True  # Perl's and PHP's `$self`; `org.jetbrains.kotlinx`, a package's name
    if kind == "STREET_ADDRESS":
        return not _LETTER.search(_CURRENCY.sub("", text[start:end]))
    if kind == "SECRET":  # (one class of characters, capitals: an acronym, a heading, or a column
        # of digits that OCR read as letters, "NWNNWNHN DON FW W" of `ls -la`; the secrets rule
        # wants three classes too)
        before_host = text.find("@", start, end)  # `USER:PASSWORD@localhost`: the value is before it
        return (
            end - start < MIN_SECRET
            or _CAPITALS_ONLY.fullmatch(text, start, end) is not None
            or (before_host > start and placeholder_name(text[start:before_host]))
            or placeholder(text[start:end])  # `ghp_XXXX…`, `your-api-key-here`
            or PUBLIC_DIGEST.match(text, start) is not None  # `sha512-…` of a lockfile
        )
    if kind == "ACCOUNT_ID":  # digits with no word anywhere: a quantity, a code, a cell as likely
        return not _LETTER.search(text)
    return False


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown to whole words: a hit inside a word hides all of it, never leaves its first or
    last letters beside the placeholder ("echo b[SECRET]")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _lead(kind: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown back over the words that open it, as the rules grow theirs: a street's type
    and box words ("rue de", "postbus"), a name's initials or "Surname, " (`street_lead`,
    `name_lead`)."""
    if kind == "STREET_ADDRESS":
        return street_lead(text, start), end
    if kind == "PERSON":
        return name_lead(lexicon(), text, start, end), end
    return start, end


class ModelDetector(Detector):
    name: ClassVar[str] = "model"
    kinds: ClassVar[tuple[str, ...]] = ("PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "USERNAME", "SECRET")

    def __init__(self) -> None:
        self.model = CharModel.load()

    def detect(self, text: str) -> Iterable[Span]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans of each text, the model run in batches across them (same spans as one by one)."""
        out: list[list[Span]] = []
        for text, found in zip(texts, self.model.spans_many(texts), strict=True):
            spans = []
            for s in found:
                if _false_hit(s.kind, text, s.start, s.end):
                    continue
                start, end = _lead(s.kind, text, *_widen(text, s.start, s.end))
                if not _too_bare(s.kind, text, start, end):
                    spans.append(Span(s.kind, start, end, 1.0))
            out.append(spans)
        return out
