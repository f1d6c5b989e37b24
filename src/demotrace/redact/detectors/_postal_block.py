"""A postal block around a street line (`address.AddressDetector`): up to two addressee lines
before it ("Dr. A. Meyer\nPraxis am Markt"), the town, postcode and country lines after it, and the
lines of a message that end a block because they say something ("sis what's ur address again")."""

from __future__ import annotations

import re

from ._base import guarded
from ._person_words import ADDRESS_FORMS, VALEDICTION
from .lexicon import lexicon

MAX_BLOCK_LINE = 48
_FORM_LEAD = re.compile(r"[ \t]*([^\W\d_]+)\.?[ \t]+(?=[^\W\d_])")
# a cue before an address ("ship to", "lives at", "address:")
ADDRESS_CUE = re.compile(
    guarded(
        r"address(?:es)?\b[^\n]{0,25}|lives? (?:at|on|in)|lived (?:at|on|in)|located at|is at|"
        r"ship(?:ped|ping)? to|deliver(?:ed|y)? to|return (?:it )?to|send (?:it )?to|mov(?:e|ed|ing) to|"
        r"corner of|residing at|resides at|domicile|home:"
    )
    + r"\W{0,3}$"
)
TAIL_POSTCODE = re.compile(  # UPU postcode formats, the common ones
    r"\b(?:[A-Z]{1,2}-)?\d{4,8}(?:-\d{3,4})?\b(?:[ \t][A-Z]{2}\b)?"  # 12345, 12345-678, H-8543, 8712 ZJ
    r"|\b\d{2}-\d{3}\b|\b\d{3} \d{2}\b"  # PL 71-435, CZ/SE/GR 326 84
    r"|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"  # UK S6 3DX
)
_CITY_REST = re.compile(  # capitalised town words, a region code: "Sant'Antimo (NA)", "Rios / RR"
    r"[ \t,]*(?:(?:[^\W\d_a-zà-ÿα-ωа-я][\w'’.-]*|\([A-Z]{1,3}\)|/)(?:[ \t,-]+|$)){0,5}"
)
_LABEL_LINE = re.compile(r"^\s*[\w #./()-]{1,40}[ \t]?:\s")  # "Account #: …", "Revenus nets du foyer : …"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ]{2,}\b")
_LETTERS = re.compile(r"[^\W\d_]+")
# a letter's greeting opening a line ("Dear Ms Achieng,", "Hi Tom,", "Liebe Frau Weber,")
_SALUTATION = re.compile(
    r"[ \t]*(?i:dear|hi|hello|hey|good (?:morning|afternoon|evening)|liebe[rs]?|sehr geehrte[rs]?|"
    r"cher|chère|bonjour|estimad[oa]s?|querid[oa]s?|hola|beste|geachte|gentile|caro|cara|prezad[oa])\b"
)


def block_start(text: str, line_start: int) -> int:
    """Take up to two addressee / organisation lines before a street line of a postal block."""
    s = line_start
    for _ in range(3):
        if s == 0:
            break
        prev_start = text.rfind("\n", 0, s - 1) + 1
        prev = text[prev_start : s - 1]
        if not prev.strip():
            if prev_start > 0 and text[max(0, prev_start - 2) : prev_start - 1] != "\n":
                s = prev_start
                continue
            break
        if prev.strip().rstrip(".").lower() in ADDRESS_FORMS:
            break  # "Herrn", "Frau", "Monsieur" alone above the name: the letter's, no one's
        if VALEDICTION.fullmatch(prev):
            break  # "Mit freundlichen Grüßen" above the signature's name and address
        if _SALUTATION.match(prev):
            break  # "Dear Ms Achieng," above: the letter's greeting, then its text
        if _UNIT_OF_ORGANISATION.search(prev) or _PROFESSION.search(prev):
            break  # "Department of Cardiology", "Médecin généraliste": the sender's department or trade
        if (
            len(prev.strip()) > MAX_BLOCK_LINE
            or prev.rstrip().endswith((":", ".", "?", "!"))
            or sentence(prev)
        ):
            break
        if ":" in prev:  # "billing address: tracy sukhorukova" → the part after the label
            after = prev.index(":") + 1
            if ADDRESS_CUE.search(prev[:after]):
                s = prev_start + after
            break
        s = prev_start
        form = _FORM_LEAD.match(prev)
        if form and form.group(1).lower() in ADDRESS_FORMS:
            s += form.end()  # "Monsieur Julien Moreau": the name, not the form of address
    return s


def sentence(line: str) -> bool:
    """A line of a message, not of a postal block: it asks or exclaims, or says something in
    everyday words ("sis what's ur address again", "oh yeah sorry my brain"): four of them, three
    in a line with no capital ("Tyne and Wear", "The Old Rectory", "stoke on trent" stay); or, in
    the other languages, a line of three words or more of which two are small words of their
    prose (`_SMALL_WORDS`: "In dem Rechtsstreit", "Aan het college van burgemeester en
    wethouders", "Klinik und Poliklinik für Kardiologie"); never a line with a number."""
    if any(c.isdigit() for c in line):
        return False  # "7790 North Tonyville, instructs us as follows.": its number is the block's
    stripped = line.rstrip()
    if stripped.endswith(("?", "!")):
        return True
    lex = lexicon()
    words = _LETTERS.findall(line)
    common = sum(1 for w in words if lex.is_word(w.lower()) and not lex.is_name(w.lower()))
    small = sum(1 for w in words if w.lower() in _SMALL_WORDS)
    return common >= 4 or (common >= 3 and line.islower()) or (len(words) >= 3 and small >= 2)


# the small words of Dutch, German, French, Italian, Spanish and Portuguese prose, compared in
# lower case (a heading's "IM NAMEN DES VOLKES" too); a name's particles ("van", "de", "da", "di",
# "von", "la", "del", "dos") and "and" in each language are left out: "Maria de la Cruz", "Jan van
# der Berg", "M. et Mme Hervé et Sophie Delacroix" above a street stay the block's
_SMALL_WORDS = frozenset(
    (
        *("het", "een", "voor", "aan", "met", "op", "over", "naar", "bij", "uit", "tot", "om"),
        *("dem", "den", "die", "das", "für", "über", "zur", "zum", "einer", "eines", "mit", "vom"),
        *("in", "im", "am", "zu"),
        *("les", "des", "du", "pour", "avec", "sur", "dans", "au", "aux", "une", "un"),
        *("il", "della", "dei", "degli", "per", "con", "nel", "nella", "alla", "dalla", "una", "sul"),
        *("el", "los", "las", "para", "por", "con", "una", "al", "ante"),
        *("do", "das", "em", "para", "com", "no", "na", "ao", "uma", "pelo", "pela"),
    )
)


# a department's or an office's line above a street (a letterhead's), no one's address
_UNIT_OF_ORGANISATION = re.compile(
    r"(?i:\b(?:department|dept\.|directorate|division|office|admissions|benefits|revenues|solicitors|"
    r"barristers|faculty|secretariat|registry|bureau)\b)"
)
# a practitioner's trade on a letterhead's line, above the practice's street ("Dr Claire Dubois⏎
# Médecin généraliste⏎27 avenue Jean Jaurès"): the line and those above it are the sender's
_PROFESSION = re.compile(
    r"(?i:\b(?:m[ée]decin|g[ée]n[ée]raliste|huisarts|allgemeinmedizin|fach[äa]rzt(?:in)?|m[ée]dic[oa]|"
    r"avocat|avocate|abogad[oa]|advocaat|avvocato|rechtsanw[äa]lt(?:in)?|notaire|notari[os]s?|"
    r"kin[ée]sith[ée]rapeute|fysiotherapeut|physiotherapist|psycholog(?:ue|ist|e|o)|p[ée]diatre|"
    r"kinderarts|dentiste|tandarts|zahnarzt|zahn[äa]rztin|dentista|pharmacien(?:ne)?|apotheker|"
    r"general[ \t]+practitioner|solicitor)\b)"
)
# a form's line after an address: a box to tick, a dotted leader ("Year built ...... 1924")
_HEADING_END = re.compile(
    r"(?i:\b(?:letter|notice|invoice|statement|summary|report|confirmation|reminder|receipt|certificate|"
    r"agreement|contract|application|minutes|agenda)[ \t]*:?[ \t]*$)"
)
_FORM_LINE = re.compile(r"[☐☒☑✓✔]|\.{4,}|…{2,}")
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*·–])[ \t]+\S")


def block_end(text: str, line_end: int, e: int) -> int:
    """Absorb town / region / postcode / country lines after a street line."""
    pos = line_end
    blank = 0
    # a street line that holds its postcode ("Kaiserstraße 45 · 60329 Frankfurt am Main") ends the
    # block at a blank line: what follows is the next block ("Frau\nMarie Schulz")
    whole = TAIL_POSTCODE.search(text, text.rfind("\n", 0, line_end) + 1, line_end) is not None
    for _ in range(5):
        if pos >= len(text):
            break
        nxt_end = text.find("\n", pos + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        line = text[pos + 1 : nxt_end]
        if not line.strip():
            blank += 1
            if blank > 1 or whole:
                break
            pos = nxt_end
            continue
        blank = 0
        if (
            _LABEL_LINE.match(line)
            or _LIST_ITEM.match(line) is not None  # "1. Hamid Rezaei (IR) — vegetarian": a list's item
            or _FORM_LINE.search(line) is not None
            or _HEADING_END.search(line) is not None  # "Appointment Letter", "Final Notice": a heading
            or "@" in line
            or sentence(line)
            or line.strip().rstrip(".").lower() in ADDRESS_FORMS
            or VALEDICTION.fullmatch(line)  # "Thanks," under the address: the letter's close
            or _SALUTATION.match(line)  # "Dear Ms Achieng," under a subject's address
        ):
            break
        pc = TAIL_POSTCODE.search(line)
        if (
            pc is None
            and line.rstrip().endswith(".")
            and not line.lstrip()[:1].isdigit()
            and (len(_LOWER_WORD.findall(line)) >= 3)
        ):
            break  # "Please remit the balance within 30 days.": a sentence, its number no house's
        if pc and len(_LOWER_WORD.findall(line, 0, pc.start())) >= 2:
            break  # a sentence that holds a number ("We write about your claim PT-65925.")
        if pc and pc.start() <= MAX_BLOCK_LINE:
            # the town after the postcode ("7016 Karup", "80029, Sant'Antimo (NA)")
            end = pc.end()
            rest = _CITY_REST.match(line, end)
            if rest and len(line[end : rest.end()]) <= 36:
                end = len(line[: rest.end()].rstrip(" \t,./-"))
            e = pos + 1 + end
            nxt = text.find("\n", pos + 1 + len(line) + 1)
            after = text[pos + 2 + len(line) : len(text) if nxt < 0 else nxt]
            # a town alone on the next line (Dutch blocks: "8712 ZJ\nLeiderdorp")
            if end == len(line.rstrip()) and re.fullmatch(r"[ \t]*[^\W\d_][\w'’ -]{1,30}", after):
                e = pos + 2 + len(line) + len(after)
            return e
        if len(line.strip()) > MAX_BLOCK_LINE or sum(map(str.isdigit, line)) > 6:
            break
        e = nxt_end
        pos = nxt_end
    return e


# a building's or a unit's name before the street, then a comma ("Unit B, 204 Stanley Road",
# "Résidence Les Acacias, 7 rue Paul Bert", "Mill House, 3 Church Lane")
_BUILDING_LEAD = re.compile(
    r"(?:\b(?:Flat|Unit|Apt\.?|Apartment|Suite|Studio|Block|Building|Bldg\.?|House|Résidence|Residence|"
    r"Residencia|Residencial|Edificio|Bâtiment|Bât\.|Immeuble|Condominio|Palazzina|Wohnung|Appartement|"
    r"Appt\.?)[ \t]+[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,3}"
    r"|\b[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}[ \t]+(?:House|Cottage|Lodge|Farm|Barn|Villa|Hall|Manor|"
    r"Tower|Towers|Mansions|Chambers|Court|Centre|Center|Building)),[ \t]*$"
)


def building_lead(text: str, start: int) -> int:
    """`start` moved back over a building's name and its comma right before it (`_BUILDING_LEAD`)."""
    if text[start - 2 : start - 1] != ",":
        return start
    line_start = text.rfind("\n", 0, start) + 1
    m = _BUILDING_LEAD.search(text, max(line_start, start - 48), start)
    if m is None:
        return start
    return m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
