"""The person rule's context: which words around a run of capitalised words make it a name or
keep it from being one (form labels, particles, articles, titles, cues, initials, a surname after
a comma, the lower-case lead of a name), as module-level patterns and small functions over the
rule's tokens (`_person_words._Toks`). `PersonDetector` (person.py) reads them; `model.py` uses
`name_lead` to extend a span the model found to a name's lead."""

from __future__ import annotations

import re

from ._base import guarded
from ._dates import CALENDAR_SHORT
from ._person_words import (
    _Tok,
    _Toks,
    honorifics,
)
from .lexicon import FIRST, NOT_NAMES, Lexicon, word_set

_JOIN = re.compile(r"^[ \t]{1,2}$|^,[ \t]$")  # between the words of one name
_PARTICLES = word_set(
    "van von der den de da di du del della le la el al bin ibn ben bint mac st ní nic ui ó dos das"
)
# articles of es, it, fr, de, nl that open no surname (not "de", "del", "la", "le", "van", "der"
# alone: "de la Cruz", "Le Pen", "van der Sluis" are names)
_ARTICLES = word_set(
    "el al los las un una il lo gli nel sul uno au aux les une die das dem des ein eine einem einen "
    "zum zur vom het een"
)
_TITLES = honorifics()
# a house number before a first name: "75 Jessica Trail" is a street (`_surname_word`)
_AFTER_NUMBER = re.compile(r"\d[A-Za-z]?[ \t,]*\n?[ \t]*$")
# capitalised words that follow a first name in titles and greetings, not as its surname
_NOT_SURNAMES = word_set(
    "team thanks thank welcome wins won says said dies died joins joined from with live news "
    "update review meeting call chat profile home page photos video official music band show"
)
_SUFFIXES = word_set("jr sr md phd dds esq ii iii iv")
# the labels of a form's fields, which a name before them does not take as its surname ("Nombre:
# Xiomara  Apellidos: Quiñones", "Vorname: Jörg Nachname: …")
_FORM_LABELS = word_set(
    "name surname lastname firstname nombre apellido apellidos nachname vorname familienname prénom "
    "nom cognome nome sobrenome apelido naam achternaam voornaam nazwisko imię efternamn förnamn "
    "phone telephone teléfono telefon téléphone telefono telefone email correo adresse address "
    "dirección direccion indirizzo endereço adres straße strasse date fecha datum birth geboren"
)
_LABEL_COLON = re.compile(r"[ \t]?:")
_LABEL_AFTER = re.compile(r"[ \t]+(?i:names?|number|no\.?|of birth|address|e-?mail)[ \t]?:")
_NL_DE = word_set("van von ter ten vom zu")  # particles after which a word is a surname
_NOT_COUNTED = _PARTICLES | _SUFFIXES  # once, not a new set per word of a run
# the word lists behind a lookahead on their first characters (`_base.guarded`: same matches)
_WEAK_CUE = re.compile(
    r"\b"
    + guarded(
        r"with|by|and|from|to|for|said|says|asked|told|starring|directed by|ex-\w+|about|of|"
        r"under|partner|wife|husband|son|daughter|kid|mother|father|brother|sister|friend|boss|"
        r"colleague|manager|meet|met|see|saw|invite|invited|ping|email|call|tell|told|ask"
    )
    + r"\W{1,3}$"
)
# a relation word makes the next capitalised word a name even when it is also a word ("my kid Roman")
_RELATION_CUE = re.compile(
    r"\b"
    + guarded(
        "partner|wife|husband|son|daughter|kid|child|mother|father|mom|dad|brother|sister|friend|"
        "boss|colleague|manager|assistant to|commenter|neighbou?r|cousin|aunt|uncle|grandson|granddaughter"
    )
    + r"(?:'s name)?\W{1,3}$"
)


_VERB_AFTER = re.compile(
    r"^(?:['’]s\b|,\s+(?i:can|could|would|will|please|do|did|are|have)\b"
    r"|\s+(?i:said|says|shouted|asked|replied|wrote|writes|told|tells|began|begins|is a|"
    r"was a|is very|was very|had|has|lives|lived|spent|will be|would|wants|joined|left|called|"
    r"commented|mentioned|shared|posted|invited|added|assigned|reviewed|approved|sent|accepted|"
    r"is from|was from|(?:is|was) (?:born|influenced|known|married|hired|promoted|elected)\b"
    # a notification's verb in the other languages: "Chiara ha condiviso", "Jonas hat geteilt"
    r"|ha (?:condiviso|commentato|invitato)|hat (?:geteilt|kommentiert|eingeladen)|"
    r"a (?:partagé|commenté|invité)|ha (?:compartido|comentado|invitado)|"
    r"heeft (?:gedeeld|gereageerd|uitgenodigd)|"
    r"(?:compartilhou|comentou|convidou)|udostępnił[a]?|delade|har delat)\b)"
)

_SUFFIX_AFTER = re.compile(
    r"^(?:,?[ \t]+(?:B\.A\.|B\.Sc\.|BSc|M\.A\.|M\.Sc\.|MSc|MBA\.?|B\.Eng\.|M\.Eng\.|Ph\.?D\.?|MD|"
    r"Jr\.?|Sr\.?|II|III|IV|DDS|Esq\.?|DVM|RN|CPA))+(?![\w.])"
)
_BLANKS = re.compile(r"[ \t]+")  # between a name's words and the "y" or "i" of a double surname
_AND = re.compile(r"[ \t]+(?:and|&|und|et|y|e|och|og|i)[ \t]+")
_COORDINATORS = word_set("and und et y e en och og")


def _form_label(text: str, tok: _Tok, low: str) -> bool:
    """The word opens a form's label: a label word and its colon, or the first word of one."""
    return bool(
        (low in _FORM_LABELS and _LABEL_COLON.match(text, tok.end)) or _LABEL_AFTER.match(text, tok.end)
    )


def _initial(text: str, start: int) -> bool:
    """The word at `start` is the first of a sentence or a line."""
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n;•*" or start == 0


# What opens a name before the word a detector starts it on: initials ("J. García", "J.R.R.
# Tolkien"), and a surname with its comma where a field or a list writes "Last, First" ("Smith,
# Ricky" typed alone, "Gilmore, Bradley - Contact card"): the surname only at the start of its text,
# line or field, a listed name word, with nothing but the end of the field after the first name.
_INITIALS = re.compile(
    r"(?<![\w.])(?:[^\W\d_a-zß-ÿ]\.[ \t]?){1,3}[ \t]*"
    r"(?:(?:van|von|de|der|den|ten|ter|te|da|di|du|del|della|dos|la|le)[ \t]+){0,3}$"  # "D. van Gastel"
)
_SURNAME_COMMA = re.compile(r"(?:^|(?<=[\n\t|;(\[])|(?<=[:·•–—-] ))[ \t]*([^\W\d_][\w'’-]*),[ \t]$")
_FIELD_END = re.compile(r"[ \t]*(?:$|[\n|;(·•–—)]|- )")


# a lower-case word and one blank right before a name: its first name, where it is one
_LOWER_BEFORE = re.compile(r"(?<![\w'’-])([a-zà-ÿ]{3,})[ \t]$")


def name_lead(lex: Lexicon, text: str, start: int, end: int) -> int:
    """Where a name that a detector found at `start`..`end` really begins (`_INITIALS`,
    `_SURNAME_COMMA`)."""
    if start == 0:
        return start
    m = _INITIALS.search(text, max(0, start - 24), start)
    if m:
        return m.start()
    first = _LOWER_BEFORE.search(text, max(0, start - 24), start)
    if first and not text[start:end].istitle():  # a name in lower case: "ask fatima al-zahra"
        low = first.group(1)
        if lex.tags.get(low) & FIRST and not lex.is_word(low) and low not in NOT_NAMES:
            return first.start(1)
    if text[start - 1] not in " \t" or text[start - 2 : start - 1] != ",":
        return start
    m = _SURNAME_COMMA.search(text, max(0, start - 40), start)
    if m is None or not _FIELD_END.match(text, end):
        return start
    word = m.group(1)
    low = word.lower()
    if word[0].isupper() and lex.is_name(low) and low not in NOT_NAMES:
        return m.start(1)
    return start


def _line_at(text: str, at: int) -> str:
    """The line of `text` around `at`."""
    hi = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : hi if hi >= 0 else len(text)]


def _capitalising_line(text: str, at: int) -> bool:
    """The line of `text` around `at` holds an upper-case letter, or is a command's (an option
    "-x", "--name" in it: `openssl rand -base64 32` is no chat in lower case), or the word at `at`
    is the command after a shell's prompt ("$ borg info ::…")."""
    line = _line_at(text, at)
    if line != line.lower() or _OPTION.search(line) is not None:
        return True
    return _PROMPT.search(text, max(0, at - 80), at) is not None


_OPTION = re.compile(r"(?:^|[ \t])--?[a-z]")
# a shell's prompt and "sudo" right before a word (not a reply's "> ")
_PROMPT = re.compile(r"(?:^|\n)[ \t]*(?:[\w@.:~/-]*[$#%]|[\w@.:~/-]+>)[ \t]+(?:sudo[ \t]+)?$")


def _particle(text: str, tok: _Tok) -> bool:
    """A name's particle: "van", "de", "der" (`_PARTICLES`), or Dutch "'t" ("van 't Hof")."""
    low = tok.text.lower()
    return low in _PARTICLES or (low == "t" and text[tok.start - 1 : tok.start] in ("'", "’"))


def _surname_after(text: str, toks: _Toks, named: bool, a: int, b: int) -> bool:
    """Word b, capitalised, follows the particles a to b - 1 after a name (`named`), each one blank
    (or a blank and the apostrophe of "'t") from the word before it: a surname."""
    spaced = all(text[toks[k - 1].end : toks[k].start] in (" ", " '", " ’") for k in range(a + 1, b + 1))
    return named and toks[b].cap and spaced


# a field's label after a word: "Conn Id:", "Conn Type:" (Airflow's connection dump), "Record ID:"
_FIELD_AFTER = re.compile(r"[ \t]+(?:Id|ID|Type|Host|Port|Schema|Status|Mode|Class|Level|Url|URL)[ \t]*:")
_NAME_AFTER = re.compile(r",?[ \t]*[A-Z][a-z]")  # a surname in capitals, the given name after it
_FIELD_WORDS = word_set("id type host port schema status mode class level url")


_CAPITAL_AFTER = re.compile(r" [^\W\d_a-z]")
_RANGE_DASH = re.compile(r"[ \t]?[-–—][ \t]?")
_DATE_WORDS = word_set("mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec")


_DAY_AFTER = re.compile(r"[ \t]+\d{1,2}\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}[ \t]+$")


def date_words(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a date's words: a weekday and a month ("Tue Mar 12"), or a weekday's or
    a month's abbreviation beside a day's number ("Jan 4", "4 Jan"); "Jan", "Jun" alone are names."""
    words = text[start:end].split()
    if len(words) == 1 and words[0].lower().rstrip(".,") in CALENDAR_SHORT:
        return _CAPITAL_AFTER.match(text, end) is None  # "by Thurs", "in Feb" (not "said Thu Ha")
    ends = _RANGE_DASH.split(text[start:end])
    if len(ends) == 2 and all(e.lower().rstrip(".") in _DATE_WORDS for e in ends):
        return True  # "Jan–Dec", "Mon-Fri": a range of months or days
    if not words or not all(w.lower().rstrip(".,") in _DATE_WORDS for w in words):
        return False
    if len(words) >= 2:
        return True
    return bool(_DAY_AFTER.match(text, end) or _DAY_BEFORE.search(text, max(0, start - 4), start))


# Māori greetings and closings that New Zealand's mail and chat write in English text
_MAORI_PHRASE = re.compile(r"(?i:kia[ \t]+ora|ng[āa][ \t]+mihi|mōrena|morena|tēnā[ \t]+koe)\b")


def not_a_name(text: str, start: int, end: int, last: str) -> bool:
    """The run `text[start:end]` (its last word `last`) is no name without a cue before it: an
    acronym of two to four capitals, alone on a line that writes small letters ("the new NAS
    appliance", "shipped to the SIEM"; a form in capitals, "ANA PÉREZ", is two words), or a field's
    label, or the word before one ("Conn Type:", "Conn Id:")."""
    if text[end : end + 1] == ":" and last.lower() in _FIELD_WORDS:
        return True
    if date_words(text, start, end):
        return True  # "Tue Mar 12 15:02:10", "Creation date: Jan 4": a date's words
    if _FIELD_AFTER.match(text, end):
        return True
    if any(
        m.start() <= start and end <= m.end()
        for m in _MAORI_PHRASE.finditer(text, max(0, start - 6), end + 6)
    ):
        return True  # "Kia ora whānau", "Ngā mihi": a greeting's and a closing's words
    span = text[start:end]
    if not (2 <= len(span) <= 4 and span.isalpha() and span.isupper()):
        return False
    line = _line_at(text, start)
    return line != line.upper() and not _NAME_AFTER.match(text, end)  # "CHEN, Rachel"
