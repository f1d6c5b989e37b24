"""STREET_ADDRESS: postal addresses, in running text and as multi-line blocks, in many languages.

Street lines are found by shape (there is no free offline address parser that covers Europe;
`pyap` misses most non-US forms):
- a street-type word in the language's position: suffix words (`12 Argyll Road`, `Whittaker St`),
  prefix words (`rue Descartes`, `Calle Mayor 5`, `Πλατεία Μαβίλη 170`) or glued suffixes
  (`Nassaustraat 123`, `Auerstrasse 12`, `aðalgata 37`); the word lists follow the USPS street
  suffix table (Publication 28, appendix C1) and the UPU's "Postal addressing systems" notes per
  country, abridged; the rest of the USPS table (`Course`, `Stream`, prose words too) only
  capitalised after a house number and capitalised words (`1032 Michael Course`);
- `house-number street-name number` with capitalised words (`06 Reyes Católicos 17`), or after an
  address cue (`lives at`, `address:`, `ship to`, …) also lower-case or number-last forms;
- units (`Apt. 018`, `Suite 771`) and labelled postcodes (`ZIP: 11164`);
- after an address cue ("send it to", "my address is"), everything up to the last postcode within
  reach (`_address_cue.py`).
A street line in a block of short lines takes the whole postal block with it: the addressee and
organisation lines before it and the town / region / postcode / country lines after it, up to a
postcode, a labelled line (`Mobile: …`) or a blank gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ._address_cue import LEAD, cue_spans
from ._address_gate import GLUED, NUMBERED, PREFIX, STREET, SUFFIX, AddressGate, StreetAlternatives, union
from ._base import Detector, Span, guarded
from ._dates import MONTHS_ALTERNATION
from ._not_streets import calendar_line, named_in_prose, no_house, not_a_street
from ._numberless_streets import numberless_ok, numberless_placed
from ._person_words import _SPLIT
from ._postal_block import ADDRESS_CUE, MAX_BLOCK_LINE, TAIL_POSTCODE, block_end, block_start, building_lead
from ._postcode_lines import POSTCODE, postcode_lines
from ._street_words import GLUED_ENDINGS as _GLUED
from ._street_words import GLUED_NUMBERED as _GLUED_NUMBERED
from ._street_words import PREFIX_WORDS as _PREFIX_WORDS
from ._street_words import SUFFIX_WORDS as _SUFFIX_WORDS
from ._street_words import USPS_MORE as _USPS_MORE
from ._three_two_postcodes import TRIGGER as THREE_TWO_TRIGGER
from ._three_two_postcodes import three_two_addresses

_WORD = r"[^\W\d_][\w'’.-]*"
_CAP = r"[^\W\d_a-zà-ÿα-ωа-я][\w'’.-]*"  # starts with an upper-case (or caseless) letter
# ("214bis", "12a", "3/14"; not a date's or a time's first numbers: "17/06/2024", "22.05.2024")
_NUM = r"\d{1,5}(?:bis|ter|[A-Za-z])?(?:[/-]\d{1,4}[A-Za-z]?)?\b(?!/\d{4}|/\d\d?/\d{2,4}|\.\d\d\.\d{4}|:\d\d)"
_REPEAT = r"(?:bis|ter|quater)\b"  # a house number's repeat, before the street: "12 bis rue des Lilas"
_UNIT = (
    guarded(
        "apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|app|appt|wohnung|piso|"
        "studio|appartamento|interno|scala|lgh|étage|etage|whg|apto|apta|dpto|depto|bloco|lote|conj"
    )
    + r"\.?\s?#?\s?\d{1,5}[A-Za-z]?(?![^\W_])"  # (or a file name's "_": "Unit 3B_signed.pdf")
)
# the word lists behind a lookahead on their first characters (`_base.guarded`: same matches)
_SUF = guarded(_SUFFIX_WORDS)
_PRE = guarded(_PREFIX_WORDS)
_FRENCH = guarded("rue|avenue|boulevard|bd|chemin|allée|impasse|quai|cours|route|place|square")

_MONTHS = MONTHS_ALTERNATION  # of every language the engine reads (`_dates`)
_STOP = rf"(?!{guarded('the|of|and|to|in|for|a|an|you|your|my|our|is|are|was|but|or|not|with|by')}\b)"
_B = r"(?<![\w.,/#-])"  # a street starts at a word boundary, not inside a number or a word
# a sentence's small words between a number and a street's word: "0922 is on its way", "111 or visit
# the walk-in centre" (lower case only: "12 On Street" stays, and "the": "5 the walk, Bristol")
_PROSE_STOP = (
    rf"(?!{guarded('is|on|its|it|or|and|to|in|an|of|for|at|by|be|was|are|has|his|her|our|your|my')}\b)"
    rf"(?!{guarded('visit|take|per|from|with')}\b)"
)
# a street's word (French "place", "route") followed by an English sentence's small word: "take
# place on 18 June", "your place on 9 Marigold Crescent" (the address is what follows)
_PREFIX_PROSE = r"(?![ \t]+(?:on|in|at|for|to|the|and|with|by|from|is|was|will|this|that|of|we|you|it)\b)"
_STREET_ALTS = (
    # 12 Argyll Road, 27 2279 President St, 8 wressle road suite 771, 5712 N Martin Luther King Jr Drive
    # (not a date: "12 maart gezien door dr. Bakker")
    rf"{_B}{_NUM}(?:[ \t]+{_NUM})?[ \t]+(?:[NSEW]\.?[ \t]+)?(?!{guarded(_MONTHS)}\b){_PROSE_STOP}{_WORD}"
    rf"(?:[ \t]+{_PROSE_STOP}{_WORD}){{0,2}}?(?:[ \t]+(?:Jr|Sr)\.?)?"
    rf"[ \t]+{_SUF}\b\.?(?:[ \t]+{_NUM})?",
    # Whittaker Street, Kate Edger Place 4 (capitalised, checked below)
    rf"{_B}(?:{_CAP}[ \t]+){{1,3}}{_SUF}\b\.?(?:[ \t]+{_NUM})?",
    # rue Descartes, Calle Mayor 5, 03 Πλατεία Μαβίλη 170, Str. Primăverii nr. 8 (Romanian's "nr."
    # before the number), avenue du Maine 12 (a word alone ends
    # it only where no number follows within three words: not "avenue du" of that one)
    rf"{_B}(?:{_NUM}(?:[ \t]+{_REPEAT})?[ \t]+){{0,2}}{_PRE}(?:(?<=[./])|\b){_PREFIX_PROSE}"
    rf"[ \t]*(?:{_WORD}[ \t]+){{0,3}}?(?:{_WORD},?[ \t]+(?:nr\.[ \t]*)?{_NUM}|{_NUM}|"
    rf"{_WORD}(?![\w'’.-]|[ \t]+(?:{_WORD},?[ \t]+){{0,2}}(?:nr\.[ \t]*)?\d))",
    # Nassaustraat 123, 75 Auerstrasse 12, Korte Noordsstraat 307, aðalgata 37
    rf"{_B}(?:{_NUM}[ \t]+){{0,2}}(?:{_CAP}[ \t]+)?[^\W\d_][\w'-]*?{guarded(_GLUED)}(?:\b|(?<=\.))\.?"
    rf"(?:,?[ \t]+{_NUM})?",
    # 97, rue de Texier, 28, boulevard Louis Lejeune: French number, comma, street; the name
    # capitalised ("chapter 3, place the cursor" is no address)
    rf"{_B}{_NUM},[ \t]+{_FRENCH}"
    rf"[ \t]+(?:(?:de[ \t]+la|de[ \t]+l'|du|des|de|d')[ \t]*)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}",
    # Juulboulevard 89, Catohof 7, Jaydabaan 133: Dutch compounds whose ending is a word too
    # ("loopbaan", "Friedhof"), so only with a house number
    rf"{_B}[^\W\d_a-zà-ÿ][\w'-]*?{guarded(_GLUED_NUMBERED)}\b,?[ \t]+{_NUM}",
    # 06 Reyes Católicos 17, 52 Ibirapita 8057 (not 29 March 2017)
    rf"{_B}{_NUM}(?:[ \t]+{_NUM})?(?:[ \t]+(?!{guarded(_MONTHS)}\b){_STOP}{_CAP}){{1,4}}[ \t]+{_NUM}",
    # 1032 Michael Course, 7776 Amber Stream Apt. 3 (the rest of the USPS table, capitalised)
    # (or "69/006, Gour Chowk": a number with a slash may take a comma)
    rf"{_B}(?:\d{{1,5}}/\d{{1,4}},|{_NUM})(?:[ \t]+{_STOP}{_CAP}){{1,3}}[ \t]+(?=[A-Z])"
    rf"{guarded(_USPS_MORE)}\b\.?(?:[ \t]+{_NUM})?",
)
assert all(a.startswith(_B) for a in _STREET_ALTS)
# the kind of street word (`_address_gate`: a whole run of letters) each alternative's match holds:
# a suffix word, a prefix word's first run, a run ending in a glued suffix, either of the first
# two (the French words), a run ending in a Dutch numbered suffix, or none (number + capitalised
# words, the rest of the USPS table)
_STREET_NEEDS = (SUFFIX, SUFFIX, PREFIX, GLUED, SUFFIX | PREFIX, NUMBERED, 0, 0)
# every alternative starts at `_B`: checked once per position instead of once per alternative
# (inside a word all seven failed one by one; same matches, ~15 % less time on page text)
_STREET_BY_KINDS = StreetAlternatives(_B, [a.removeprefix(_B) for a in _STREET_ALTS], _STREET_NEEDS)
_STREET = _STREET_BY_KINDS.whole
# text without a digit can hold only number-less street names: one pass instead of ten
_NO_DIGITS_BY_KINDS = StreetAlternatives(
    _B, [a.removeprefix(_B) for a in _STREET_ALTS[1:4]], _STREET_NEEDS[1:4]
)
_STREET_NO_DIGITS = _NO_DIGITS_BY_KINDS.whole


def street_regex(kinds: int, digits: bool = True) -> re.Pattern[str]:
    """`_STREET` (`_STREET_NO_DIGITS` when not `digits`) for a text whose street words are all of
    `kinds` (`StreetAlternatives`): a text without a glued street word is then not scanned letter
    by letter for a glued suffix in every word (about half of `_STREET`'s time on PII lines)."""
    return (_STREET_BY_KINDS if digits else _NO_DIGITS_BY_KINDS).regex(kinds)


# a line that is only a house number and capitalised words, in a block: "90 Benjamin Nook"
_NUMBER_LINE = re.compile(
    rf"(?m)^[ \t]*{_NUM}(?:[ \t]+{_NUM})?(?:[ \t]+{_STOP}{_CAP}){{1,4}},?[ \t]*(?=\n[^\n])"
)
# a "postcode town" line ("276 01 Kostelec nad Labem", "84047, Segni (RM)", "ΤΚ 21993 Κατερίνη") or a
# "town, region postcode" line ("Davidbury, MO 51743", "Mirzapur 323194"): the line before it that
# ends with a house number, or starts with one, is the street line of a postal address
_TOWN = r"[^\W\d_a-zà-ÿα-ωа-я][\w'’.()/-]*(?:[ \t]+[\w'’.()/-]+){0,4}"
_PC_LABEL = r"(?:(?i:τκ|t\.k\.|cp|pl|d|f|a|nl|b|ch|h)[ -]?)?"
_PC_LINE = re.compile(
    rf"^[ \t]*{_PC_LABEL}\d{{2,6}}(?:[- ]\d{{2,4}})?,?[ \t]+{_TOWN}[ \t.]*$"
    rf"|^[ \t]*{_TOWN}?(?:,[ \t]*[A-Z]{{2,3}})?,?[ \t-]+\d{{4,6}}[ \t.]*$",
    re.MULTILINE,
)
_STREET_TAIL = re.compile(
    rf"(?:{_NUM}[ \t]*,?[ \t]+)?(?:{_PRE}(?:(?<=[./])|\b)[ \t]+)?(?:{_CAP}[ \t]+){{0,3}}{_CAP},?"
    rf"[ \t]+{_NUM},?[ \t]*$"
    rf"|(?:^|(?<=[ \t])){_NUM}[ \t]*,?[ \t]+(?:{_WORD}[ \t]*){{1,4}},?[ \t]*$"
)
# CJK addresses: a run with administrative units and a number (山形県荒川区高田馬場5丁目8番3号)
_CJK_ADDRESS = re.compile(
    r"[\u3040-\u30ff\u4e00-\u9fff]{2,}(?:省|市|県|都|府|道|区|县|縣|州|街|路|町|村|丁目)"
    r"[\u3040-\u30ff\u4e00-\u9fff\w-]*(?:\d|号|號|座)[\u4e00-\u9fff\w-]*(?:[ \t]+\d{5,7})?"
)
# after an address cue: 46 velký průhon 426, 63 30 N. Stadion, Jakobi 69
_CONTEXT_STREET = re.compile(
    rf"{_B}{_NUM}(?:[ \t]+{_NUM})?(?:[ \t]+{_WORD}){{1,4}}(?:[ \t]+{_NUM})?"
    rf"|{_B}{_CAP}(?:[ \t]+{_WORD}){{0,2}}[ \t]+{_NUM}"
)
# alone (not after a street), only dwelling units: "Room 4B" and "Floor 3" are office words
_UNIT_RX = re.compile(
    r"(?<![^\W\d_])"  # a word of its own ("généraliste\n17 rue" holds no suite's "ste")
    + guarded(
        "apt|apartment|suite|ste|unit|flat|app|appt|wohnung|piso|appartamento|interno|lgh|whg|apto|dpto"
    )
    # (not glued to a number of a leading zero: "app01", "unit02" are hosts' names; or a file
    # name's "_" after it: "Unit 3B_signed.pdf")
    + r"(?:(?:\.[ \t]?|[ \t]|#)#?[ \t]?\d{1,5}|(?!0)\d{1,5})[A-Za-z]?(?![^\W_])"
)
_POSTCODE_LABEL = re.compile(  # (a word of its own: "gzip: 131.05 kB" holds no "zip")
    r"(?<![^\W\d_])"
    + guarded(r"zip(?: ?code)?|postal code|post ?code|plz|cep|pin ?code|τκ|t\.k\.")
    + r"\W{0,3}([A-Z0-9](?:[A-Z0-9 -]{1,8}[A-Z0-9])?)\b"
)
# a form's postcode-and-town field, its label naming the postcode first ("Código postal - Población -
# Provincia: 07500 Manacor, Illes Balears", "PLZ/Ort: 50670 Köln", "Postcode en woonplaats: 3511 AX
# Utrecht"): the code and the town's capitalised words after the colon
_TOWN_LABEL = re.compile(
    r"(?<![^\W\d_])"
    + guarded(
        r"código postal|codigo postal|code postal|codice postale|postcode|postleitzahl|plz|kod pocztowy|"
        r"postnummer|postal code|zip code"
    )
    + r"(?:[ \t]*[-/–,&]?[ \t]*[^\W\d_][\w.]*){0,3}[ \t]*:[ \t]*"
    r"(?P<v>(?:\d{4,5}(?:[ -]\d{3})?|\d\d-\d{3}|\d{3}[ ]\d{2})(?:[ \t]?[A-Z]{2}\b)?"
    r"(?:(?:[ \t]+|,[ \t]*)"
    r"(?:[^\W\d_a-zà-ÿ][\w'’.()-]*|(?:de|del|am|an|der|sur|di|im)\b(?=[ \t]+[A-Z]))){1,4})"
)
# a Japanese address as written in English: the block's numbers (chōme-banchi-gō), the district,
# the ward or the city ("-ku", "-shi"), the prefecture and the postcode ("2-14-5 Ebisu, Shibuya-ku,
# Tokyo 150-0013", "4-8-11 Kitazawa, Setagaya-ku, Tokyo 155-0031")
_JP_ADDRESS = re.compile(
    r"(?<![\w-])\d{1,2}-\d{1,3}(?:-\d{1,4}){0,2}[ \t]+[A-Z][a-zōū]+(?:[ \t]+[A-Z][a-zōū]+){0,2},[ \t]*"
    r"[A-Z][a-zōū]+-(?:ku|shi|cho|chō|machi|gun|mura)\b"
    r"(?:,[ \t]*[A-Z][a-zōū]+(?:-(?:to|fu|ken))?)?(?:[ \t]+\d{3}-\d{4}\b)?"
)
# an Indian address of cross and main roads, to its PIN code ("No. 14, 3rd Cross, Indiranagar 2nd
# Stage, Bengaluru 560038", "#27, 2nd Main, 5th Cross, Jayanagar, Bengaluru 560011")
_IN_ADDRESS = re.compile(
    r"(?:(?:No\.?|#)[ \t]*\d{1,4}[A-Z]?(?:/\d{1,4})?,[ \t]*)?"
    r"\d{1,2}(?:st|nd|rd|th)[ \t]+(?:Cross|Main)\b[^\n]{0,80}?\b[1-8]\d{5}\b"
)
# a place's word after a street: a dot only ends an abbreviation ("St. Louis"), not a sentence
# ("12/4, 00-549 Warszawa. Pozdrawiam, Agnieszka" ends at the town)
_PLACE = r"[^\W\d_a-zà-ÿα-ωа-я](?:[\w'’-]{0,4}\.(?![ \t]+[^\W\d_a-zà-ÿ][a-zà-ÿ]{3})|[\w'’-]*(?![\w'’-]))"
# a Romanian address's block, stair, floor, flat and district after its street ("bl. D4, sc. 1, et.
# 6, ap. 117, sector 6"): only after a street and a comma (French "et 5" is "and 5")
_RO_UNIT = (
    r"(?:(?<=,)|(?<=,[ \t]))(?:bl|sc|et|ap|sector)\.?[ \t]*(?:(?:[A-Z]{1,2}[ \t]?)?\d{1,4}[A-Za-z]?|[A-Z])\b"
)
# a floor after the street and its number: French "2e étage", Portuguese "2.º Frente", "3.º Dto",
# Spanish "3º izq."
_FLOOR = (
    r"\d{1,2}(?:e|er|ère|ème|\.?º|\.?ª|°)[ \t]+(?:étage|[A-Z][a-z]{0,7}\.?|dto|esq|izq|izda|dcha)\.?"
    r"|(?<=\d[eº][ \t])(?:étage|andar)\b"  # the floor's word after its number taken as a unit ("2e")
)
_CAP_RUN = re.compile(  # what may follow a street on its line: units, places, postcodes
    rf"(?:[ \t]*+,?+[ \t]*+(?:{_FLOOR}|{_UNIT}|{_RO_UNIT}|{_STOP}{_PLACE}"
    rf"(?:(?:[ \t]+(?:and|de|la|del|am|an|der|nad|pod|im|bei|sur|upon|di)){{1,2}}[ \t]+{_PLACE})?"
    # 4J4 of "H5N 4J4", 1AA of "SW1A 1AA", Polish "00-549", Portuguese "1100-148", Brazil's CEP
    # "60165-070" and its state after a dash ("Fortaleza - CE")
    r"|\d{2,5}-\d{3}\b|\d{4,6}|\d[A-Z]\d\b|\d[A-Z]{2}\b|\([^()\n]{1,30}\)|-[ \t]+[A-Z]{2}\b(?![\w-])"
    r")){1,8}"
)
_DIGIT = re.compile(r"\d")
# a number, then a month and a day: `ls -l`'s size and date ("4096 May 25 2023 bash-completion"),
# not a postcode and a town
_DATED_LINE = re.compile(rf"[ \t]*\d+[ \t]+{guarded(_MONTHS)}\.?[ \t]+\d{{1,2}}\b")
# what the batch gate needs (`_address_gate`): a run of letters that a street's word can be
# (`_STREET_ALTS`: a suffix word, a prefix word's first run, a run ending in a glued suffix or a
# Dutch numbered one), and what any other candidate of a one-line text with a digit holds
_PREFIX_RUNS = _PREFIX_WORDS.replace(r"c/\.", "c").replace(r"\.", "")  # "ul." → "ul", "c/." → "c"
_GLUED_RUNS = _GLUED.replace(r"str\.", "str")
_RUN_KINDS = (
    (SUFFIX, re.compile(_SUF)),
    (PREFIX, re.compile(guarded(_PREFIX_RUNS))),
    (GLUED, re.compile(rf"[^\W\d_]*{guarded(_GLUED_RUNS)}")),
    (NUMBERED, re.compile(rf"[^\W\d_]*{guarded(_GLUED_NUMBERED)}")),
)
_STREET_RUN = re.compile("|".join(kind.pattern for _, kind in _RUN_KINDS))
STREET_RUN = _STREET_RUN
"""Fullmatches a run of letters that can be a street's word ("Calle", "Kerkstraat", "St")."""
# "06 Reyes …", "1032 Michael …", "69/006, Gour …"
_NUMBER_CAPITAL = rf"(?:\d{{1,5}}/\d{{1,4}},|{_NUM}(?:[ \t]+{_NUM})?)[ \t]+[^\W\d_a-zà-ÿα-ωа-я]"
# The words that open a street or a P.O. box before what a detector found ("rue de" of "rue de
# Bonvini 581", "Av. calle 3ª #" of "Av. calle 3ª # 9-2 Este", "postbus" of "postbus 5551"): a
# span that starts on the name or the number is grown back over them (`street_lead`), in any case,
# with the particles and numbers between them and the span.
_POBOX_WORDS = (
    r"postbus|po box|p\.o\. box|p\.o\.box|apartado de correos|apartado|apdo\.|postfach|bp|"
    r"boîte postale|boite postale|caixa postal|casella postale|skrytka pocztowa|"
    # New Zealand's and South Africa's ("Private Bag 92210"), Australia's locked bag
    r"private bag|locked bag"
)
# street types that are everyday words too ("ronda", "cuesta") or rarer, only grown back over, never
# a street's cue by themselves: "Urbanización Nico Raya 19", "Incrocio Marcello, 51"
_LEAD_ONLY_WORDS = (
    r"urbanización|urbanizacion|urb\.|ronda|rambla|pasaje|travesía|travesia|glorieta|callejón|cuesta|"
    r"cañada|incrocio|canale|traversa|lungomare|località|localita|frazione|beco|passeig|carrer"
)
_STREET_LEAD = re.compile(
    rf"(?<![\w.])(?:{guarded(_PREFIX_WORDS + '|' + _POBOX_WORDS + '|' + _LEAD_ONLY_WORDS)})(?:(?<=[./])|\b)"
    rf"(?:[ \t]+(?:{guarded('de la|de l|del|de|du|des|della|di|da|do|dos|van der|van den|van|von|la|le')}\b|"
    rf"{guarded(_PREFIX_WORDS)}(?:(?<=[./])|\b)|\d{{1,5}}[ªº°]?[A-Za-z]?\b|#|n[º°.]|no\.))*[ \t]+$"
)
LEAD_REACH = 48
# a P.O. box and its number, alone: "Postbus 12345", "P.O. Box 771", "Apartado 45", "Postfach 10 20 30"
# (not "BP", which is blood pressure as often as a boîte postale)
_POBOX = re.compile(
    rf"(?<![\w.])(?:{guarded(_POBOX_WORDS.replace('|bp|', '|') + '|p o box|postboks|pob')})(?:(?<=[./])|\b)"
    r"[ \t]*(?:n[º°.]|no\.|nr\.?|#)?[ \t]*\d{1,7}(?:[ \t]\d{2,4}){0,2}\b"
)


def street_lead(text: str, start: int) -> int:
    """Where a street or P.O. box that a detector found at `start` really begins: before the
    street-type or box words right before it, if any (`_STREET_LEAD`)."""
    if start == 0 or text[start - 1] not in " \t":
        return start
    m = _STREET_LEAD.search(text, max(0, start - LEAD_REACH), start)
    return m.start() if m else start


# the stem every `ADDRESS_CUE` alternative starts with, guarded: the gate's union and `_candidates`
# search it where `ADDRESS_CUE` would be searched in a slice
_CUE_STARTS = guarded(
    r"address|live|located at|is at|ship|deliver|return|send|mov|corner of|resid|domicile|home:"
)
_CUE_START = re.compile(_CUE_STARTS)
_GATE_WITH_DIGITS = re.compile(
    union(
        [
            _NUMBER_CAPITAL,
            _CUE_STARTS,
            LEAD,
            _UNIT_RX,
            _POSTCODE_LABEL,
            _TOWN_LABEL,
            POSTCODE,
            THREE_TWO_TRIGGER,
            _CJK_ADDRESS,
            _POBOX,
        ]
    )
)


# a window title's separator and the app's or site's name after an address ("… 80121 Napoli - Google
# Maps", "… NJ 07042 | Zillow"): capitalised words, no digit, to the span's end
_TITLE_TAIL = re.compile(r"[ \t]+[-–—|·][ \t]+(?:[A-Z][\w.&'’-]*)(?:[ \t]+[A-Z][\w.&'’-]*){0,3}(?=[ \t]*$)")


def _title_end(text: str, start: int, end: int) -> int:
    """`end`, or where a window title's tail (`_TITLE_TAIL`) that the span ran over starts."""
    for i in range(start, end):
        if (
            text[i] in "-–—|·"
            and text[i - 1 : i] in (" ", "\t")
            and _TITLE_TAIL.fullmatch(text, i - 1, end) is not None
            and not any(c.isdigit() for c in text[i:end])
        ):
            return i - 1
    return end


class AddressDetector(Detector):
    name = "address"
    kinds = ("STREET_ADDRESS",)

    def __init__(self) -> None:
        self._gate = AddressGate(_STREET_RUN, _RUN_KINDS, _GATE_WITH_DIGITS, _SPLIT)

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` on the texts of the batch that may hold an address (`_address_gate`), none
        found in the others; each searched only for the streets whose word it holds."""
        if len(texts) < 2:
            return [list(self.detect(t)) for t in texts]
        out: list[list[Span]] = [[] for _ in texts]
        for i, kinds in self._gate.texts(texts):
            out[i] = self._detect(texts[i], kinds)
        return out

    def detect(self, text: str) -> Iterable[Span]:
        return self._detect(text, STREET)

    def _detect(self, text: str, kinds: int) -> list[Span]:
        """`detect`, where `kinds` holds the kind of every street word in `text` (`street_regex`)."""
        if not _DIGIT.search(text) and (text.isascii() or not _CJK_ADDRESS.search(text)):
            street = street_regex(kinds, digits=False)
            found = street.finditer(text)
            spans = [
                m.span()
                for m in found
                if numberless_ok(m.group())
                and numberless_placed(text, *m.span())
                and not not_a_street(text, m)
            ]
        else:
            spans = self._candidates(text, kinds)
        # (not extended: each ends at its postcode or its town, its block or street read back)
        named = postcode_lines(text) + three_two_addresses(text)
        if not spans and not named:
            return []
        lower = text.islower()  # once: `_extend` asked it of the whole text for every span
        out = [self._extend(text, street_lead(text, s), e, lower) for s, e in _merge(spans, text)]
        out += named
        return [
            Span("STREET_ADDRESS", s, end, 0.8)
            for s, e in _per_line(text, _merge(out, text))
            if (end := _title_end(text, s, e)) > s and not named_in_prose(text, s, end)
        ]

    def _candidates(self, text: str, kinds: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for m in street_regex(kinds).finditer(text):
            if (
                any(map(str.isdigit, m.group()))
                or (numberless_ok(m.group()) and numberless_placed(text, *m.span()))
            ) and not not_a_street(text, m):
                spans.append(m.span())
        if _CUE_START.search(text):  # each `ADDRESS_CUE` match starts with one
            for m in _CONTEXT_STREET.finditer(text):
                if ADDRESS_CUE.search(text[max(0, m.start() - 40) : m.start()]) and not no_house(m):
                    spans.append(m.span())
        multiline = "\n" in text
        if multiline:  # `_NUMBER_LINE` ends before a newline
            for m in _NUMBER_LINE.finditer(text):
                if not calendar_line(text, m.start()):  # "18 Apr Good Friday": a calendar's day
                    spans.append(m.span())
        spans.extend(cue_spans(text))
        if multiline:
            # from the second line: a match on the first has no line above it (none crosses a line)
            for m in _PC_LINE.finditer(text, text.find("\n") + 1):
                prev_end = m.start() - 1
                if prev_end <= 0 or _DATED_LINE.match(text, m.start()):
                    continue
                prev_start = text.rfind("\n", 0, prev_end) + 1
                st = _STREET_TAIL.search(text, prev_start, prev_end)
                if st and st.start() >= prev_start:
                    # st.start() is a digit or a letter: the strip stops after it
                    spans.append((st.start(), st.start() + len(text[st.start() : m.end()].rstrip(" \t."))))
        if not text.isascii():  # `_CJK_ADDRESS` starts with two CJK characters
            for m in _CJK_ADDRESS.finditer(text):
                spans.append(m.span())
        for m in _UNIT_RX.finditer(text):
            spans.append(m.span())
        for m in _POBOX.finditer(text):
            spans.append(m.span())
        for m in _POSTCODE_LABEL.finditer(text):
            spans.append(m.span(1))
        for m in _TOWN_LABEL.finditer(text):
            spans.append(m.span("v"))
        if "-" in text:
            spans.extend(m.span() for m in _JP_ADDRESS.finditer(text))
        if "Cross" in text or "Main" in text:
            spans.extend(m.span() for m in _IN_ADDRESS.finditer(text))
        return spans

    def _extend(self, text: str, s: int, e: int, lower: bool) -> tuple[int, int]:
        s = building_lead(text, s)
        # same line: units, capitalised place names, postcodes, parenthesised names
        m = _CAP_RUN.match(text, e)
        if m and m.end() > e:
            e = m.end()
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        starts_line = not text[line_start:s].strip(" \t?*•-·>|")
        if starts_line and line_end - line_start <= 2 * MAX_BLOCK_LINE:
            # (a window title's app after its separator and a file's extension are no words of the
            # address: "…118-bis, 3511 AX Utrecht.pdf - Adobe Acrobat")
            title = _TITLE_TAIL.search(text, e, line_end)
            words_end = title.start() if title is not None else line_end
            if (ext := _FILE_END.search(text, e, words_end)) is not None:
                words_end = ext.start()
            rest = re.findall(r"[^\W\d_]+", text[e:words_end])
            if len(rest) <= 4 and (
                lower
                or all(w[0].isupper() or len(w) <= 2 for w in rest)
                or TAIL_POSTCODE.search(text, e, line_end)  # "14b ravensworth close, gateshead NE8 4QT"
            ):
                e = line_end
            s = block_start(text, line_start)
        if line_end < len(text) and (starts_line or line_end - e <= 2):
            e = block_end(text, line_end, e)
        return s, e


_TRIM = " \t\r\n?*•·>|-"


_FILE_WORD = re.compile(r"[^\W\d_]+_+(?=\d|[^\W\d_a-zà-ÿ][a-zà-ÿ])")
# a file's name after the address in it: its words glued by "_" and its extension
# ("…, 10961 Berlin_unterschrieben.pdf", "… Stockholm.pdf")
_FILE_END = re.compile(
    r"(?<=[^\W\d_])(?:_[\w-]*)?\.(?i:pdf|docx?|odt|rtf|txt|xlsx?|ods|csv|jpe?g|png|heic|tiff?|zip|eml|msg)\b"
)


def _after_file_word(text: str, start: int, end: int) -> int:
    """`start` past a file name's word glued by "_" to the house number or the street after it
    ("Lease_14 Larkspur Ct Unit 3B_signed.pdf": the street begins at "14"; `_CAP` reads "Lease_14"
    as a word; "Huurcontract_Oudegracht 118": at "Oudegracht")."""
    m = _FILE_WORD.match(text, start, end)
    return m.end() if m is not None else start


def _before_file_end(text: str, start: int, end: int) -> int:
    """`end`, or where a file's name's tail after the address starts (`_FILE_END`)."""
    m = _FILE_END.search(text, start, min(len(text), end + 6))
    return m.start() if m is not None and m.start() < end else end


def _per_line(text: str, spans: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """One span per line, without the indentation and bullets around it."""
    for s, e in spans:
        pos = s
        while pos < e:
            nl = text.find("\n", pos, e)
            end = e if nl < 0 else nl
            a, b = pos, end
            while a < b and text[a] in _TRIM:
                a += 1
            a = _after_file_word(text, a, b)
            if "." in text[b : b + 6] or "_" in text[a:b] or "." in text[a:b]:
                b = _before_file_end(text, a, b)
            while b > a and text[b - 1] in " \t\r":
                b -= 1
            if _COLUMN_GAP.search(text, a, b) is None:
                yield a, b
            else:  # a table's columns ("1/1     Running   0", "0615   GATE 112   SEAT"): the cells
                for cell in _CELL.finditer(text, a, b):  # long enough to hold an address
                    if (
                        len(cell.group()) >= 12
                        and _WORD3.search(cell.group())
                        and _DIGIT.search(cell.group())
                    ):
                        yield cell.span()
            pos = end + 1


_COLUMN_GAP = re.compile(r"[ ]{2,}|\t")  # no address holds two blanks or a tab: columns do
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_CELL = re.compile(r"\S+(?: \S+)*")  # a run of words one blank apart


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping spans, and spans joined by a short connector (`, `, ` and `), become one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or re.fullmatch(r"[\s,;]*(?:and|&)?[\s,;]*", text[out[-1][1] : s])):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
