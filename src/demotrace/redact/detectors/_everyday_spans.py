"""Model spans made of everyday words, not a name or a street: a menu bar's words, the common
words of the text's language ("Resonancia Magnética"), a clinical term, a place or an
establishment ("Hotel Adlon Kempinski"), a company ("Globex Corp"), and an "address" with no
street word that is a date, a phone number or quantities. `model.ModelDetector` drops them."""

from __future__ import annotations

import functools
import re

from ._car_models import car_make, car_model
from ._number_shapes import a_date, any_quantity, quantities_only
from ._places import COMPANY_WORD, INSTITUTION_WORD, PLACE_HEADS, company_after
from ._public_names import brand_word
from .address import STREET_RUN
from .lexicon import FIRST, FREQUENT_BITS, LANG_BIT, LAST, languages_of, lexicon, plain_word, word_set

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"\d+")
# the lower-case particles of surnames that are also articles or prepositions of their language ("van
# de klant", "validé la maquette"); fewer than the person rule's `_PARTICLES`, which also holds
# "ben", "bin", "mac": a name in lower-case chat
LOWER_PARTICLES = word_set("de da di do du del della der den des dos das van von la le lo ter ten zu y e")


def _letters_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over the letters on each side: its first and last words whole (a run of
    letters never crosses a line)."""
    while start > 0 and _LETTER.match(text, start - 1):
        start -= 1
    while end < len(text) and _LETTER.match(text, end):
        end += 1
    return start, end


def interface_line(text: str, start: int, end: int) -> bool:
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
"""Characters on each side of a span whose words say the text's languages (`words_of_text`)."""
_POSTCODE = re.compile(r"\d{4,}")


def words_of_text(text: str, start: int, end: int, own_words: bool = False) -> bool:
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
        if word in LOWER_PARTICLES and len(words) > 1:  # "validé la maquette": an article between words
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
        elif not (tag & langs or (langs and (_term_shaped(w) or (own_words and compound(w, langs))))):
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


def a_place(text: str, start: int, end: int) -> bool:
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


# three or more groups of digits, one blank, dot or dash apart: a phone number's shape
_DIGIT_GROUPS = re.compile(r"(?<![\d.,/-])\+?\d{1,4}(?:[ .-]\d{2,4}){2,}(?![\d,/-])")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_YEAR_BEFORE = re.compile(r"[ \t]*(?:19|20)\d\d[ \t]+$")
_DIGIT_WORD = re.compile(r"\w*\d")


def _branded(text: str, start: int, end: int, words: list[re.Match[str]]) -> bool:
    """The span is a product's name, no street: a year and a car's make ("2016 Honda Civic"), a
    car's make and model ("Tesla Model Y"), or it follows a brand's word ("Dell| Latitude 5440")."""
    first = words[0] if words else None
    if first is not None and brand_word(first.group()) and not _DIGIT_WORD.search(text, first.end(), end):
        # (no number after the brand: "2019 Toyota Corolla KMT519" holds a plate, a model's code
        # may be an id)
        if car_make(first.group()) and _YEAR_BEFORE.match(text, start, first.start()):
            return True
        if len(words) > 1 and car_model(f"{first.group()} {words[1].group()}"):
            return True
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and brand_word(before.group(1))


def not_a_street(text: str, start: int, end: int) -> bool:
    """An "address" with no street word and no postcode that is no address: without a word of
    three letters ("Q3") or without a number ("Urotelial de Vejiga de Alto Grado"), or whose
    numbers are quantities ("Ácido Clavulánico 875/125 mg", "Hemoglobina 11,2 g/dL": `_MEASURE`),
    or whose words are all everyday words of the text's language, none a name (`words_of_text`
    on its words of three letters or more)."""
    words = [m for m in _WORD.finditer(text, start, end) if len(m.group()) > 2]
    if a_date(text, start, end, words):  # "March 11, 2024" (its year no postcode)
        return True
    lines = text[start:end].split("\n")
    if len(lines) > 2 and sum(line.strip().isdigit() for line in lines) >= len(lines) - 1:
        return True  # a column of numbers ("seq 1 40" in a terminal), no postal block
    if any(STREET_RUN.fullmatch(m.group()) for m in words):
        return False
    if "\n" not in text[start:end] and _branded(text, start, end, words):
        return (
            True  # a product's brand, no street: "2016 Honda Civic", "48 Philips Hue", "Dell| Latitude 5440"
        )
    if any(len(re.sub(r"\D", "", m.group())) >= 8 for m in _DIGIT_GROUPS.finditer(text, start, end)):
        return True  # no street word, a phone number ("Elena Marino al 02 8734 1195"; not its postcode)
    if _POSTCODE.search(text, start, end):
        return False

    if not words:  # "Q3", "3º B": no street's name
        return True
    if not _NUMBER.search(text, start, end) or quantities_only(text, start, end):
        return True  # no number ("Urotelial de Vejiga de Alto Grado"), or only quantities
    if any_quantity(text, start, end):
        return True  # a quantity among its numbers: "TA 132/78, FC 84, SatO2 95" (then "%")
    return all(words_of_text(text, m.start(), m.end()) for m in words)


# the last word of a job's title ("Senior Backend Engineer", "Head of Product Design"): no surname
# (the trades that are surnames, "Baker", "Cook", "Mason", "Porter", "Smith", are left out)
_JOB_NOUNS = word_set(
    "engineer engineers developer developers manager managers director directors designer designers "
    "analyst analysts consultant consultants architect architects scientist scientists specialist "
    "specialists coordinator coordinators administrator administrators assistant assistants associate "
    "associates representative representatives recruiter recruiters accountant accountants strategist "
    "strategists advisor advisors adviser technician technicians intern interns officer officers "
    "executive executives supervisor supervisors programmer programmers tester testers researcher "
    "researchers lead"
)


def job_title(text: str, start: int, end: int) -> bool:
    """The span ends in a job's noun and holds no name of the lexicon before it ("Backend
    Engineer", "Product Manager"; not "Anna Lead")."""
    words = _WORD.findall(text, start, end)
    if len(words) < 2 or words[-1].lower() not in _JOB_NOUNS:
        return False
    lex = lexicon()
    return not any(lex.is_name(w.lower()) and not lex.is_word(w.lower()) for w in words[:-1])


def company(text: str, start: int, end: int) -> bool:
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


# the languages that write a compound noun as one word, and the letters that may join its parts
# ("Identifikation·s·nummer", "Leitung·s·wasser", "Sonne·n·schirm"; Dutch "stad·s·deel")
COMPOUNDING = LANG_BIT["de"] | LANG_BIT["nl"] | LANG_BIT["sv"] | LANG_BIT["da"] | LANG_BIT["nb"]
_JOINERS = ("", "s", "es", "n", "en", "e")
_PART_MIN = 3


@functools.lru_cache(maxsize=8192)
def compound(low: str, langs: int) -> bool:
    """`low`, no listed name, is a compound noun of the text's language (German, Dutch or a
    Scandinavian one): two or three of its frequent words one after the other, a joining "s",
    "n", "en" or "e" between them ("mieterselbstauskunft", "schadennummer", "papierstau"), so an
    everyday word too rare for the frequency lists ("Krankenkasse" is in them), not a name."""
    bits = langs & COMPOUNDING
    if not bits or len(low) < 2 * _PART_MIN + 1:
        return False
    return _splits(low, bits, 3)


def _splits(low: str, bits: int, parts: int) -> bool:
    tags = lexicon().tags
    for i in range(len(low) - _PART_MIN, _PART_MIN - 1, -1):  # the longest last part first
        tail = low[i:]
        if not tags.get(tail) & bits:
            continue
        head = low[:i]
        for joiner in _JOINERS:
            if joiner and not head.endswith(joiner):
                continue
            stem = head[: len(head) - len(joiner)]
            if len(stem) < _PART_MIN:
                continue
            if tags.get(stem) & bits or (parts > 2 and _splits(stem, bits, parts - 1)):
                return True
    return False
