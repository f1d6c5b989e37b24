"""A street address's finding less the words around the address that the detectors take in.

The address rule and the model end an address where the text's next word does not look like one;
news and listings go on with words that are no part of it: "445 Danforth Avenue, Toronto in 1985",
"… M14 5TQ from September 2021" (a time after it), "3/71 Oriental Parade (blue door, top floor)"
(a note in brackets), "… Road (opposite bp) – 3:36pm" (a timetable's time). `trim_addresses` cuts
those off; the address itself stays whole. Nothing is cut that another finding could have been
merged into: a note in brackets with a digit or a capital in it stays ("(tenant Kofi Ampofo)").

The model also starts an address early, at the words that lead to it: "domiciliée 45 avenue du
Prado", "wird 80! Adresse: Lindenweg 7, 74072 Heilbronn". An address's label inside the finding
cuts it after the label, and a lower-case word that leads to an address (where one lives, "at",
"in") right before its house number is cut; no other word ("markt 5", "w5 4aw" stay).
"""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors._street_words import GLUED_ENDINGS, PREFIX_WORDS
from .detectors.lexicon import STOPWORDS, WORD, lexicon, word_set

# a time, a note or a bracket after the address
_TAIL = re.compile(
    r"(?:[ \t]+(?:in|from|since|until|before|after)[ \t]+(?:(?:19|20)\d\d|[A-Z][a-z]+[ \t]+(?:19|20)\d\d)"
    r"|[ \t]*\([a-z][^()\n\dA-ZÀ-ÖØ-Þ]*\)"
    # a note of how long or what price in brackets ("(2 yrs 4 mths)", "(purchase price $935k)")
    r"|[ \t]*\((?=[^()\n]*(?:\b(?i:yrs?|years?|mths?|months?|weeks?|price|rent|pcm|asking)\b|[$£€]\d))"
    r"[^()\n]*\)"
    r"|[ \t]+[–—-][ \t]+\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?"
    # a contract's name for the party, a delivery's or a door's note, an open day's hours in
    # brackets ("(hereinafter "Licensor")", "(rear loading, before 9am)", "(Sat 1–3pm)")
    # (not a bell's or a door's name: "(ring "Beridze")" holds the person's)
    r"|[ \t]*\((?=(?i:hereinafter|rear|back|side|front|sat|sun|mon|tue|wed|thu|fri)\b)"
    r"[^()\n]*\)"
    r")[ \t]*[.,;]?\Z"
)
# a chat line's stamp that the finding took in before its speaker and the address ("[14/03/2024,
# 19:08:30] Priya: Flat 4, 27 Stanmore Road"; the speaker's name stays in: another finding of it
# may have been merged into this one)
_STAMP_SPEAKER = re.compile(r"\[[^\]\n]{4,30}\][ \t]*(?=[^\W\d_][\w.'’-]{0,30}:[ \t]+)")
_CAPITAL_AFTER_FIRST = re.compile(r"[^\W\d_][\w'’]*[ \t]+(?:[^\n]*?[ \t])?[A-Z]")
# lower-case words of a sentence after a postcode of letters and digits ("Bristol BS8 1LA within ten
# working days", "Hawthorn VIC 3122. Buzz 12 and ask for Lachlan")
_POSTCODE_THEN_WORDS = re.compile(
    r"(?P<code>\b[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|\b[A-Z]{2,3}[ \t]+\d{4,5}(?:-\d{4})?)\b"
    r"(?:[ \t]+[a-z]+(?:[ \t]+[a-z]+)+|\.[ \t]+[A-Z][a-z]+[ \t]+[^\n]*)[ \t]*[.,;!?]?\Z"
)


# an address's label: the address follows it
_LABEL = re.compile(
    r"(?i:\b(?:adresse|address|addr|dirección|direccion|domicilio|indirizzo|endereço|endereco|morada|adres|"
    r"anschrift|woonadres|postadres|residenza)[ \t]*:[ \t]*)"
)
# a lower-case word before the address
_LEAD = re.compile(r"([a-zà-öø-ÿß][^\W\d_]*),?[ \t]+")
# the lower-case words that lead to an address's house number: where one lives, where to go
_LEADS = word_set(
    """
    at in to on en à au aux em na te bij nel a
    domicilié domiciliée domiciliés domiciliado domiciliada residente residenti demeurant demeurante
    wohnhaft woonachtig wonende lives living resides residing resident
    """
)


# a capitalised word before a street written as one compound with its house number ("Huurcontract
# Lindengracht 118-II", "Lägenhet Sveavägen 44"): the word is the letter's subject unless it is a
# street's own first word, an adjective, an ordinal, a rank or a given name ("Korte Noordsstraat",
# "Stora Nygatan", "Prins Hendrikkade", "Willem Buytewechstraat")
_COMPOUND_LEAD = re.compile(
    rf"([^\W\d_a-zà-öø-ÿ][^\W\d_]+)[ \t]+(?=[^\W\d_a-zà-öø-ÿ][^\W\d_]*?(?:{GLUED_ENDINGS})[ \t,]+\d)"
)
_STREET_FIRST_WORDS = word_set(
    """
    korte lange nieuwe oude eerste tweede derde vierde hoge lage grote kleine groot klein binnen
    buiten noorder zuider ooster wester noord zuid oost west sint prins prinses koning koningin
    burgemeester dokter graaf hertog keizer baron jonkheer pastoor president generaal
    stora lilla gamla nya norra södra östra västra sankt drottning kung prinsessan
    große grosse kleine alte neue obere untere hohe kurze breite lange innere äußere sankt st
    herzog könig kaiser graf fürst kurfürst bischof doktor professor bürgermeister
    store lille gamle nye nørre søndre østre vestre
    """
)


def _subject_word(word: str) -> bool:
    """`_COMPOUND_LEAD`'s word: a word of a language read ("Wohnung", "Lägenhet"), no street's first
    word, no given name, no place's adjective ("Eppendorfer Landstraße", "Kölner Landstraße")."""
    low = word.lower()
    lex = lexicon()
    return (
        lex.known(low) and not low.endswith("er") and low not in _STREET_FIRST_WORDS and not lex.is_name(low)
    )


def _start(text: str, start: int, end: int) -> int:
    """Where the address of the finding `text[start:end]` starts: after a label in it, after
    the word that leads to it right before its house number (`_LEADS`: "domiciliée 45 avenue")."""
    if (stamp := _STAMP_SPEAKER.match(text, start, end)) is not None:
        start = stamp.end()
    for label in _LABEL.finditer(text, start, end):
        if any(c.isdigit() for c in text[label.end() : end]):
            start = label.end()
    compound = _COMPOUND_LEAD.match(text, start, end)
    if compound is not None and _subject_word(compound.group(1)):
        start = compound.end(1) + 1
    lead = _LEAD.match(text, start, end)
    if lead is not None and lead.group(1) in _LEADS and text[lead.end() : lead.end() + 1].isdigit():
        start = lead.end()
    return start


# the address's last word after a street's abbreviation and a full stop, or lower-case words
_SENTENCE_AFTER = re.compile(r"(?<=[a-z])\.[ \t]+([A-Z][a-z]+)[.!?]?\Z")
_WORDS_AFTER = re.compile(r"(?:[ \t]+[a-z]+)+[ \t]*[.,;!?]?\Z")
# or after a comma, a few lower-case words of English that are no name and no street's word
# ("… Leicester LE4 6QS, update it")
_CLAUSE_AFTER = re.compile(r",((?:[ \t]+[a-z]+){1,4})[ \t]*[.,;!?]?\Z")
# a sentence's or a clause's words after the code or the number that ends an address: a full
# stop and a capitalised word, or a comma and a lower-case word (the first digit-free part after
# the last digit of the finding)
_AFTER_POSTCODE = re.compile(
    r"(?:(?<=\d)|(?<=\d[A-Z]{2}))(?:[.;!?][ \t]+([A-Z][a-z]+)|,[ \t]+([a-z]+))(?=[^\d]*\Z)"
)
_STREET_TYPES = frozenset(w for w in PREFIX_WORDS.split("|") if w.isalpha())  # "97, rue de Texier"
_STREETISH = word_set("street road lane avenue flat apt unit floor suite block house building rear")


def _end(text: str, start: int, end: int) -> int:
    """Where the address of `text[start:end]` ends: before the next sentence's first word, an
    everyday word of English ("31 Albert St. Reward", "3 Jubilee Street. Membership is free"), or
    before lower-case words of English's commonest after it ("4 Banksia Ct if you"), where a digit is
    left before them."""
    lex = lexicon()
    cut = end
    m = _POSTCODE_THEN_WORDS.search(text, start, cut)
    if m is not None and not _CAPITAL_AFTER_FIRST.search(text, m.end("code"), cut):
        cut = m.end("code")  # (not where a capital follows the first word: "… ask for Lachlan" may
        # be a name merged into the finding, which the cut would lose)
    m = _SENTENCE_AFTER.search(text, start, cut)
    if m is not None and lex.tags.get(m.group(1).lower()) & WORD and not lex.is_name(m.group(1).lower()):
        cut = m.start() + 1
    m = _AFTER_POSTCODE.search(text, start, cut)
    if m is not None and not any(c.isdigit() for c in text[m.end() : cut]):
        first = (m.group(1) or m.group(2)).lower()
        if (
            first not in _STREETISH
            and first not in _STREET_TYPES
            and (first in STOPWORDS or (lex.tags.get(first) & WORD and not lex.is_name(first)))
        ):
            cut = m.start()  # "OH 43215. Mismatch between…", "SW9 8AX. My partner", "BS1 3QY, this Sunday"
    m = _WORDS_AFTER.search(text, start, cut)
    if m is not None and all(w.strip(".,;!?") in STOPWORDS for w in m.group().split()):
        cut = m.start()
    m = _CLAUSE_AFTER.search(text, start, cut)
    if m is not None and all(
        lex.tags.get(w) & WORD and not lex.is_name(w) and w not in _STREETISH for w in m.group(1).split()
    ):
        cut = m.start()
    return cut if any(c.isdigit() for c in text[start:cut]) else end


# a unit of the home after the address, as each language writes it: a floor ("3º", "2º Trás", "3e
# étage gauche", "2. OG rechts", "Hinterhaus 3. OG"), a door or a flat ("pta. 15", "int. 4", "Tür
# 12", "ap 42", "Top 7"), or a Dutch floor glued to the number ("58-III", "12-hs"): the address's own
_UNIT_AFTER = re.compile(
    r"(?:-(?:I{1,3}|IV|hs|HS|bis)(?![\w-])"
    r"|,?[ \t]*(?:(?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus)[ \t]*,?[ \t]*)?"
    r"(?:\d{1,2}(?:[ºª]|\.[ \t]*(?:OG|Stock|Etage|UG|DG)\b|(?:e|er|ème)[ \t]+étage\b)"
    # (a door's or a flat's word only after a comma: "Tür 12", not "… Street top 3 floors")
    r"|(?<=,)[ \t]*(?i:pta|puerta|piso|int|interno|scala|esc|escalera|apto|ap|apt|dpto|depto|tür|top|whg|"
    r"bât|app|andar)(?:\.[ \t]*|[ \t]+)(?:\d{1,4}|[A-Z]\d{0,3})(?:[ºª])?(?![\w-]))"
    r"(?:[ \t]+(?i:izq(?:uierda)?|izda|dcha|der(?:echa)?|links|rechts|gauche|droite|esq(?:uerdo)?|dto|"
    r"trás|tras|frente|centro|dir(?:eito)?)\b\.?)?)"
)


# the rest of a unit the finding stopped inside: its number after its word ("Tür| 12"), its side
# after its floor ("2º| Trás")
_UNIT_WORDS = word_set("tür top pta piso int apt app whg ap")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\Z")
_UNIT_NUMBER = re.compile(r"(?:\.[ \t]*|[ \t]+)(?:\d{1,4}|[A-Z]\d{0,3})(?![\w-])")
_SIDE = re.compile(
    r"[ \t]+(?i:izq(?:uierda)?|izda|dcha|der(?:echa)?|esq(?:uerdo)?|dto|trás|tras|frente|centro|dir(?:eito)?)"
    r"\b\.?"
)


def _units_end(text: str, end: int) -> int:
    """`end` moved past the units of the home right after it (`_UNIT_AFTER`), on its line."""
    word = _WORD_BEFORE.search(text, max(0, end - 8), end)
    rest = None
    if word is not None and word.group(1).lower() in _UNIT_WORDS:
        rest = _UNIT_NUMBER.match(text, end)
    elif end and text[end - 1] in "ºª":
        rest = _SIDE.match(text, end)
    if rest is not None:
        end = rest.end()
    while (m := _UNIT_AFTER.match(text, end)) is not None and m.end() > end and "\n" not in m.group():
        end = m.end()
    return end


def trim_addresses(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with each STREET_ADDRESS cut to the address: a label's or a leading word's start
    (`_start`), a time's or a note's tail (`_TAIL`), the next sentence's word (`_end`)."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if f.kind != "STREET_ADDRESS":
            continue
        start, end = _start(text, f.start, f.end), f.end
        while (m := _TAIL.search(text, start, end)) is not None and m.start() > start:
            end = m.start()
        end = _units_end(text, _end(text, start, end))
        if (start, end) != (f.start, f.end) and any(c.isdigit() for c in text[start:end]):
            if out is None:
                out = list(merged)
            out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else out
