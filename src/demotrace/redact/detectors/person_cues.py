"""PERSON / USERNAME: people the word rule cannot read, found by how a text introduces them.

- "Surname, First" where a record or a sentence names someone ("Kowalczyk, Anna submitted",
  "At the request of Okafor, Emeka we", "Passenger Hunter, Grace missed"): a listed surname (or
  a capitalised word that is no dictionary word), a comma, a listed first name, then a verb, a
  bracket, a comma or the end; not two places ("Paris, France"; "Jordan, Georgia");
- a first name that is also a word, by what follows or precedes it: a department ("Grace from
  accounts", "Mark in billing says") or a role ("her manager Will will email", "technician Bill");
  a listed name, even a word, set off by commas or brackets after a role ("The agent, Page, tried",
  "Reception (Carol) is brisk"; not "Contact (Sales)", "The host (Airbnb)");
- a chat's self-introduction in lower case: "hi its wojtek again", "hey it's chloe from the tour"
  (a listed first name that is no dictionary word);
- a listed first name greeted, thanked or wished well ("happy bday ruby!!!", "thanks bill,"), or
  whose e-mail, address or number is asked for ("whats sunny's email");
- a handle joined by underscores in prose, after a word that introduces one ("flagged
  satoshi_fan_77", "streaming as khoa_plays", "alias darkmarket_vendor", "Seller retro_games_uk",
  "Buyer: oksana_k") or before what a marketplace's notice says it did ("karim_b left feedback"):
  never in code (a line with brackets, braces, "=" or a semicolon).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span, TextBatch, _by_first_letter, guarded, triggered
from ._file_names import lower_names_in_file
from ._gazetteer import big_town
from ._lead import led
from ._person_words import _SPLIT as PERSON_SPLIT
from ._person_words import KIN_LEADS
from ._places import PLACE_NAMES
from ._public_names import public_name
from .lexicon import NOT_NAMES, lexicon, plain_word, word_set

_CAP = r"[A-Z][a-zà-öø-ÿ]+(?:['’-][A-Z]?[a-zà-öø-ÿ]+)?"
_LOW = r"[a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{1,15}"
_INVERTED = re.compile(
    rf"(?<![\w'’-])(?P<last>(?:O['’]|Mc|Mac)?{_CAP}(?:[ \t]{_CAP})?),[ \t]"  # "Gómez Herrera, Raúl"
    rf"(?P<first>{_CAP}(?:[ \t]{_CAP})?)(?P<init>[ \t][A-Z](?:\.|(?=[ \t]*\()))?"
    r"(?=[ \t]+[a-z]|[ \t]*[(,;:|]|[ \t]+[-–—·][ \t]|[ \t]{2,}|[ \t]*$|\.(?:[ \t]|$))",
    re.M,
)
# a surname in capitals, its particles too, before a given name as registers and court lists write
# it ("KOWALCZYK, Marek", "VAN DER MERWE, Johannes Hendrik", "O'LEARY, Patrick", "GOMEZ, MARIA ELENA")
_UP = r"[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?"
_INVERTED_CAPS = re.compile(
    r"(?<![\w'’-])(?P<last>(?:(?:VAN|DE|DER|DEN|VON|DA|DI|DU|DOS|LE|LA|TE|TEN|TER|BIN|BEN)[ \t]+)*"
    rf"{_UP}(?:[ \t]{_UP})?),[ \t](?P<first>{_CAP}(?:[ \t]{_CAP})?|{_UP}(?:[ \t]{_UP})?)(?P<init>)"
    r"(?=[ \t]+[a-z(]|[ \t]*[(,;:|]|[ \t]+[-–—·][ \t]|[ \t]+(?:DOB|ID|NHS|MRN)\b|[ \t]{2,}|[ \t]*$"
    r"|\.(?:[ \t]|$))",
    re.M,
)
# a patient's, a name's or a chat's label right before an inverted name ("Paciente: ETXEBERRIA
# GOIKOETXEA, Miren Itziar", "Chat mit Schulte, Robin")
_PATIENT_BEFORE = re.compile(
    r"(?i:\b(?:paciente|patient|patiënt|patiente|paziente|pat\.|name|naam|nombre|nom|nome|namn|navn|"
    r"chat[ \t]+(?:mit|with|met|avec|con|com)))[ \t]*:?[ \t]*\Z"
)
# what a record's header prints after its person's name: a birth date's label, a record's number
_RECORD_NEXT = re.compile(r"[ \t]*\(?(?:DOB|D\.O\.B|MRN|NHS|born|\d)")
_DEPARTMENTS = (
    "accounts|accounting|billing|finance|payroll|hr|human resources|recruiting|recruitment|sales|"
    "support|marketing|legal|it|ops|operations|reception|the front desk|procurement|compliance|"
    "customer service|dispatch|admissions|security|facilities"
)
_FROM_DEPARTMENT = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP})[ \t]+(?:from|in|at)[ \t]+(?i:{_DEPARTMENTS})\b")
_ROLES = (
    "manager|colleague|coworker|co-worker|boss|supervisor|agent|driver|technician|engineer|nurse|"
    "assistant|teammate|landlord|tenant|neighbour|neighbor|tutor|coach|courier|advisor|adviser|"
    "caseworker|recruiter|contact|guide|ranger|waiter|waitress|receptionist|reception|instructor|"
    "trainer|stylist|barber|bartender|cashier|concierge|mechanic|plumber|electrician|installer|"
    "cleaner|housekeeper|porter|chef|host|hostess|rep|representative|crew lead|team lead"
)
ROLE_WORDS = rf"\b(?i:{_ROLES})"  # tests/redact/test_triggers.py expands it (and LABEL_ROLE_WORDS)
_ROLE_GUARDED = r"\b" + guarded(_ROLES)  # the same matches, tried only where a role can begin
_ROLE_SET = frozenset(_ROLES.split("|"))
_DEPARTMENT_SET = frozenset(_DEPARTMENTS.split("|"))
_ROLES_AND_DEPARTMENTS = _ROLE_SET | _DEPARTMENT_SET  # words beside a role that name no one
# a role and the name set off beside it, as reviews and notes write it ("The agent, Page, tried",
# "the crew lead, Stone, insisted", "Reception (Carol) is brisk"): a capitalised name, listed or no
# dictionary word, or a word when the commas or brackets close around it
_ROLE_APPOSITION = re.compile(
    _ROLE_GUARDED + rf"[ \t]*(?:,[ \t]*(?P<a>{_CAP}),|\([ \t]*(?P<b>{_CAP})[ \t]*\))"
)
# kin and neighbours, in the languages read, before a name ("oma Truus", "la abuela Remedios",
# "Mormor Gun:", "babička Jiřina"): a capitalised word after one is a name unless it is an English
# word no list has as a first name
_KIN = word_set(
    """
    grandma grandpa granny grandad grandmother grandfather aunt auntie uncle cousin oma opa tante oom
    abuela abuelo tía tia tío tio nonna nonno zia zio mamie papi tatie tonton avó avô avo mormor
    morfar farmor farfar moster faster morbror farbror babička babicka děda deda teta strejda babcia
    dziadek ciocia wujek kollege kollegin collègue collegue colega kolega vecino vecina buurman
    buurvrouw voisin voisine nachbar nachbarin vicino vicina granne sąsiad sasiad soused sousedka
    moglie marito figlia figlio sorella fratello cognata cognato suocera suocero
    esposa esposo marido hija hijo hermana hermano cuñada cuñado suegra suegro
    épouse epouse mari fille fils sœur soeur frère frere belle-sœur beau-frère
    ehefrau ehemann tochter sohn schwester bruder schwägerin schwager
    echtgenote echtgenoot vrouw dochter zoon zus zuster broer schoonzus zwager
    filha irmã irmao irmão cunhada cunhado sogra sogro
    wife husband daughter sister brother fiancé fiancée fiance fiancee girlfriend boyfriend
    """
)
_KIN_FORMS = frozenset(f for w in _KIN for f in (w, w.capitalize(), w.upper()))
# a capitalised word after a blank (`re` skips to a capital in C), the word before it read after: a
# regex of the kin words first would be entered at almost every letter
_NAME_AFTER_BLANK = re.compile(rf"(?<=[ \t])(?P<name>{_CAP})(?![\w'’-])(?![ \t]+[A-Z])")
# a passenger as airlines write one: "SHARMA/ARJUNVIKRAM MR", "DELACROIX/LOUIS MSTR" (a title
# closes it: "TCP/IP" is no one)
_PASSENGER = re.compile(
    r"(?<![\w/])(?P<last>[A-Z][A-Z'-]{1,30})/(?P<first>[A-Z][A-Z'-]{1,30}(?:[ ][A-Z][A-Z'-]{1,30})?)"
    r"[ \t]+(?:MR|MRS|MS|MISS|MSTR|DR|PROF|CHD|INF)\b"
)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)[ \t]+$")
_ROLE_NAME = re.compile(rf"{_ROLE_GUARDED}[ \t]+(?P<name>{_CAP})(?![\w'’-])(?![ \t]+[A-Z])")
# a role's label and one name alone after it, to the line's end or a mark ("Instructor: Bishop",
# "Staff: Page", "Vet: Rose"): a listed first name or surname, a word too
_LABEL_ROLES = "staff|teacher|doctor|vet|therapist|physio|midwife|carer|officer|clerk"
LABEL_ROLE_WORDS = rf"\b(?i:{_LABEL_ROLES})"
_ROLE_LABEL = re.compile(
    rf"(?<![\w-])(?i:{_LABEL_ROLES}|{_ROLES})[ \t]*:[ \t]*(?P<name>{_CAP})[ \t]*(?=$|[,;(|·])",
    re.M,
)
_SELF_INTRO = re.compile(
    rf"\b(?:[Ii]t['’]?s|[Tt]his is|I['’]?m|[Ii]m)[ \t]+(?P<name>{_LOW}|[A-Z][a-zà-öø-ÿ'’-]{{1,15}})"
    r"(?=[ \t]*(?:[,.!?]|$)|[ \t]+(?:again|here|from|lol|btw|haha|:))",
    re.M,
)
# the words that greet, thank or wish well, each a word of its own ("hi" of "hi sam", not of "his")
_GREETING_WORDS: tuple[str, ...] = (
    *("hi", "hey", "hiya", "yo", "thanks", "thank you", "thx", "congrats", "congratulations"),
    *("hoi", "hola", "ciao", "hallo", "olá", "salut", "moin", "hej"),  # the other languages' chat
)
_WISHES = ("love you", "miss you", "bye", "cheers")
_GREETINGS = tuple(w + r"\b" for w in (*_GREETING_WORDS, "happy", *_WISHES))
# a name greeted, thanked or wished well ("happy bday ruby!!!", "thanks bill,", "hey sam"), or
# whose e-mail, address or number is asked for ("whats sunny's email"): a listed first name
_GREETED = re.compile(
    rf"\b(?i:{'|'.join((*_GREETING_WORDS, 'happy (?:bday|birthday)', *_WISHES))})"
    r"[ \t]*,?[ \t]+(?P<name>[A-Za-zà-öø-ÿ][a-zà-öø-ÿ'’-]{1,15})"
    r"(?=[ \t]*(?:[!?.,]|$))",
    re.M,
)
_POSSESSED = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Za-zà-öø-ÿ][a-zà-öø-ÿ-]{1,15})['’]s[ \t]+"
    r"(?i:e-?mail|address|number|phone|mobile|birthday|bday|mum|mom|dad|house|place|flat|car)\b"
)
_NOT_GREETED = word_set(
    """
    again all guys there you everyone everybody team folks mate man bro babe love dear hun
    so much a lot heaps guys girls boss doc
    allemaal iedereen todos todas tutti ragazzi zusammen leute tout monde tous
    """
)
_HANDLE = re.compile(
    r"\b(?i:as|alias|flagged|by|from|user|handle|account|follow|named|called|seller|buyer|host|member|"
    r"player|streamer|uploader|reviewer|moderator)[ \t]*:?[ \t]+@?"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?![\w@.(])"
    # or before what a marketplace's or a network's notice says its user did ("karim_b left feedback")
    r"|(?<![\w@.])(?P<actor>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)[ \t]+(?=(?:left|sent|posted|replied|commented|"
    r"liked|shared|followed|mentioned|invited|reviewed|rated)\b)"
)
_CODE = re.compile(
    r"[(){}\[\];=`<>]|\b(?:SELECT|DELETE|UPDATE|INSERT|WHERE|JOIN|FROM)\b|^[ \t]*(?:from|import)[ \t]+[\w.]+"
)  # (Python's `from pydantic_settings import …`)
# a sign-off: a dash and one word, the last of its line, at a line's start or after a sentence
_SIGN_OFF = re.compile(
    r"[—–-](?:(?<=^.)|(?<=[.!?)][ \t].)|(?<=[.!?)][ \t][ \t].))"
    r"[ \t]?(?P<name>[A-Z][a-zà-öø-ÿ'’]{1,15})[ \t]*[.!]?[ \t]*$",
    re.M,
)
# a phone number's run of digits (eight or more), and a name right before it at a list's item
_PHONE_RUN = re.compile(r"\d[\d \t()-]{6,}\d")
_NAMED_NUMBER = re.compile(
    r"(?:^|[/,;:|]|\b(?:mechanic|plumber|electrician|builder|landlord|neighbour|neighbor|babysitter|"
    r"nanny|cleaner|tutor|coach|driver|dentist|vet|doctor|gp|us|me|and))[ \t]+"
    r"(?P<name>[A-Z][a-zà-öø-ÿ]{1,14})[ \t]+(?=\+?\(?0?\d[\d \t()-]{6,}\d)",
    re.M,
)
_NUMBER_BEFORE = re.compile(
    r"(?i:\b(?:tel|phone|mob|mobile|ph|cell|fax|call|ring|text|ext)\.?[ \t]*:?[ \t]*)\Z"
)
_NOT_SIGNED = word_set(
    "thanks thank cheers regards love admin management reception office team staff x xx "
    "acc acct ref tel ext fax mob ph no nr bsb iban swift bic"
)
# where a record or a sentence starts a name: a line's start, a field's label or bar, a sentence's
# end, a window title's separator ("PowerChart - Rodriguez, Maria E"), or a noun that introduces a
# person ("At the request of", "Passenger", "Client")
_FIELD_START = re.compile(
    r"(?:^|[:|(]|[.!?][ \t]|[ \t][-–—·][ \t]|\b(?i:of|by|for|from|under|client|passenger|defendant|"
    r"plaintiff|customer|patient|candidate|employee|applicant|member|tenant|holder|owner|name|guest|"
    r"student|caller))[ \t]*\Z",
    re.M,
)
_CLAN = re.compile(r"^(?:O['’]|Mac(?=[A-Z])|Mc)")
_LIST_GOES_ON = re.compile(r"[ \t]*,[ \t]*[A-Z]")
_LABEL_NEXT = re.compile(r"[ \t]*:")
_VERB_NEXT = re.compile(r"[ \t]+(?P<w>[a-z]+)")
_AND_OR = frozenset(("and", "or", "y", "e", "o", "und", "oder", "en", "of", "et", "ou", "i", "lub"))


# a nickname in quotes or brackets inside a name ('Nokuthula "Thuli" Zungu', 'Lachlan (Lachie) Duong') or
# after what introduces one ('prefers "Tev"', 'known as "Mags"'): the first name, the nickname and
# the surname are one person's; the nickname is theirs wherever the text repeats it
# (searched from its opening quote or bracket, a literal `re` skips to in C; the first name before
# it read back, the nickname, its closing and the surname after it read forward)
_NICK_OPEN = re.compile(r"[\"“(](?<=[ \t][\"“(])[A-Z]")
_FIRST_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)[ \t]+\Z")
_NICK_REST = re.compile(
    r"(?P<nick>[A-Z][^\W\d_]{1,14})[\"”)][ \t]+(?P<last>[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)*)(?![\w'’-])"
)
# a mail's display name before its address in angle brackets ("On Wed, Apr 10, 2024 at 8:12 PM Tsali
# Walkingstick <tsali@…> wrote:", "From: Siosaia Taufa <s.taufa@…>"): the capitalised words right
# before "<", read back from the address (found from its ">" and "@")
_ADDRESS_IN_BRACKETS = re.compile(r"[ \t]*<[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>")
_NAME_WORDS_BEFORE = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][^\W\d_]*(?:[-'’][A-Z]?[^\W\d_]+)*\.?[ \t]+){0,3}"
    r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*)\Z"
)
_NOT_DISPLAY = word_set(
    "on from to cc bcc reply sent date am pm wrote mon tue wed thu fri sat sun jan feb mar apr may jun jul "
    "aug sep sept oct nov dec the re fw fwd von an am de le "
    # a title before the name ("From: Lic. …", "Von: Mag. …", "Dr. …")
    "dr dra mr mrs ms mx lic mag ing prof dott sr sra herr frau mme"
)
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+")
# a form's name field at its line's start (in the languages read), its value after a colon, an
# asterisk and blanks, or on the next line ("Last name*            Bhattacharya", "Family
# name\nKHOSRAVI", "Preferred name:  Mo"): capitalised words (or capitals), a name's particles
_NAME_WORD = r"(?-i:[A-Z][^\W\d_'’-]*(?:[-'’][A-Za-z][^\W\d_]*)*)"
_NAME_FIELD = re.compile(
    r"(?im)^[ \t]*(?:(?:first|last|given|family|middle|preferred|legal|maiden|nick)[ \t]*names?|surname|"
    r"nickname|forenames?|"
    # the same fields of other languages' forms ("Vorname*: Ayşe", "Apellidos *  García Ruiz")
    r"vornamen?|nachname|familienname|nombres?|apellidos?|prénoms?|nom|cognome|nome|sobrenome|apelidos?|"
    r"voornamen?|achternaam|roepnaam|nazwisko|imię|förnamn|efternamn|fornavn|efternavn|etternavn)"
    r"[ \t]*\*?[ \t]*(?::[ \t]*|[ \t]{2,}|\n[ \t]*)"
    rf"(?P<v>{_NAME_WORD}(?:[ \t](?:{_NAME_WORD}|de|van|von|da|di|del|der|le|la|bin|al)){{0,4}})"
    r"[ \t]*$"
)
# what every `_NAME_FIELD` holds: a label's word that ends the label ("Vorname" holds "name",
# "achternaam" "naam", "cognome" "nome", "efternamn" "namn", "etternavn" "navn")
_NAME_FIELD_WORD = re.compile(
    r"(?=[nNfFaApPiI])(?i:name|forename|nombres?|apellidos?|prénoms?|nom|nome|apelidos?|naam|nazwisko|imię|namn|navn)"
    r"[ \t]*\*?[ \t]*(?::|[ \t]{2}|\n)"
)
_FIELD_VALUES = word_set("required optional none n/a na tbc unknown same mandatory email date")
# Korean names in a list that ends with "and N others" or an honorific ("이수진, 김도현 외 3명",
# "박지훈님"): two or three syllables after a common surname's syllable
_KO_NAME = (
    r"[김이박최정강조윤장임한오서신권황안송류전홍고문"
    r"양손배백허유남심노하곽성차주우구민진엄채원천방][가-힣]{1,2}"
)
_KO_NAMES = re.compile(
    rf"(?<![가-힣])({_KO_NAME}(?:[ \t]*[,·][ \t]*{_KO_NAME})*)[ \t]*(?:외[ \t]*\d+[ \t]*명|님)"
)
# (searched from the quote, a class `re` skips to in C; the cue read back from it)
_QUOTED_NICK = re.compile(r"[\"“](?P<nick>[A-Z][^\W\d_]{1,14})[\"”]")
_NICK_CUE_BEFORE = re.compile(r"\b(?i:prefers|known as|goes by|aka|a\.k\.a\.|called|nicknamed)[ \t]+\Z")


# a chat's window title: its contact, then the messaging app ("Fenella — Messages", "(2) Maripaz 🌻 -
# WhatsApp"); one or two capitalised words, an emoji after them at most (a group's words are a
# language's: "Book Club - WhatsApp", "Archived - WhatsApp" stay)
_CHAT_TITLE = re.compile(
    r"^(?:\(\d+\)[ \t]+)?(?P<name>[^\W\d_a-z][\w'’.-]+(?:[ \t]+[^\W\d_a-z][\w'’.-]+)?)"
    r"(?:[ \t]+[^\w\s|–—-]{1,4})?[ \t]+[-–—|·][ \t]+(?:WhatsApp|Messages|Signal|Telegram|Messenger|Viber)"
    r"(?:[ \t]+[-–—|·][ \t]+(?:Google[ \t]Chrome|Mozilla[ \t]Firefox|Microsoft[ \t]Edge|Chromium|Brave))?$"
)
_BLANKS = re.compile(r"[ \t]+")
_CHAT_APP = re.compile(r"[ \t][-–—|·][ \t](?:WhatsApp|Messages|Signal|Telegram|Messenger|Viber)\b")
# or the app first, as Signal's and Telegram's desktop windows write it ("Signal - Lior", "Telegram –
# Ana Souza"); the same words are read
_APP_FIRST = re.compile(r"(?:WhatsApp|Signal|Telegram|Messenger|Viber)[ \t][-–—|·][ \t][^\W\d_a-z]")
_CHAT_TITLE_APP_FIRST = re.compile(
    r"^(?:\(\d+\)[ \t]+)?(?:WhatsApp|Signal|Telegram|Messenger|Viber)[ \t][-–—|·][ \t]"
    r"(?P<name>[^\W\d_a-z][\w'’.-]+(?:[ \t]+[^\W\d_a-z][\w'’.-]+)?)(?:[ \t]+[^\w\s|–—-]{1,4})?$"
)


class PersonCueDetector(Detector):
    name = "person_cues"
    kinds = ("PERSON", "USERNAME")
    # in every match: a comma before a capital, a department before a name, a self-introduction,
    # an underscore (searched once in the batch joined, in C); a role, in the batch lower-cased
    # (a case-insensitive regex is entered at every letter: five times slower)
    trigger = (
        re.compile(r",[ \t][A-Z]"),
        re.compile(r"['’]s[ \t]"),
        # (the greetings of 3 letters or more have needles for the batch's scan, `_needles`)
        re.compile(led([g for g in _GREETINGS if len(g) > 4], word_start=True, ignore_case=True)),
        re.compile(led([g for g in _GREETINGS if len(g) <= 4], word_start=True, ignore_case=True)),
        re.compile(led(["from", "in", "at"], word_start=True) + rf"[ \t]+(?i:{_DEPARTMENTS})\b"),
        re.compile(
            led(["it['’]?s", "this is", "i['’]?m", "im"], word_start=True, ignore_case=True)
            + r"[ \t]+[^\W\d_]"
        ),
        "_",
        re.compile(
            r"/[A-Z][A-Z'-]+(?:[ ][A-Z][A-Z'-]+)?[ \t]+(?:MR|MRS|MS|MISS|MSTR|DR|PROF|CHD|INF)\b"
        ),  # a passenger
        _SIGN_OFF,
        _PHONE_RUN,
        # a nickname in quotes or in brackets between two names (`_nicknames`)
        re.compile(r"[\"“](?<=[ \t][\"“])[A-Z]"),
        re.compile(r"\((?=[A-Z][^\W\d_]{1,14}\)[ \t]+[A-Z])"),
        re.compile(r"@[\w-]+(?:\.[\w-]+)+>"),  # a mail's address in brackets (`_display_names`)
        re.compile(r"외[ \t]*\d|님"),  # Korean names in a list (`_KO_NAMES`)
        _NAME_FIELD_WORD,  # `_NAME_FIELD`
        _CHAT_APP,  # a chat's title (`_CHAT_TITLE`)
        _APP_FIRST,  # (`_CHAT_TITLE_APP_FIRST`)
    )
    # (whole words: every regex that reads a role reads it so; "rep" of "report", "host" of "ghost"
    # triggered 150 texts of the prose page instead of 22)
    lower_trigger = re.compile(r"\b(?:" + _by_first_letter(_ROLES + "|" + _LABEL_ROLES) + r")\b")

    def __init__(self) -> None:
        self._lex = lexicon()

    def _triggered_in(self, batch: TextBatch) -> list[int]:
        """The triggers' texts, and those with a kin word (`_KIN_FORMS`) that the batch holds as a
        word (`TextBatch.words`, as the person rule split it: a set's lookup first, where a regex
        of sixty short words would be entered at every letter and "tio" is in every "-tion"),
        then searched for only the kin words found."""
        found = super()._triggered_in(batch)
        held = _KIN_FORMS.intersection(batch.words(PERSON_SPLIT).raw)
        if not held:
            return found
        kin = re.compile(rf"(?:{'|'.join(sorted(held))})[ \t]")  # (a literal's prefix: searched in C)
        return sorted(set(triggered(kin, batch)).union(found))

    def detect(self, text: str) -> Iterable[Span]:
        out: list[Span] = []
        if "," in text:
            out += self._inverted(text)
        if "/" in text:
            for m in _PASSENGER.finditer(text):
                out += [Span("PERSON", m.start(g), m.end(g), 0.8) for g in ("last", "first")]
        beside_roles = [(m, "a" if m.group("a") else "b") for m in _ROLE_APPOSITION.finditer(text)]
        beside_roles += [(m, "name") for m in _ROLE_LABEL.finditer(text)] if ":" in text else []
        for m, g in beside_roles:
            low = m.group(g).lower()
            if (low in self._lex.first or low in self._lex.last) and low not in _ROLES_AND_DEPARTMENTS:
                out.append(Span("PERSON", m.start(g), m.end(g), 0.7))
        for rx in (_FROM_DEPARTMENT, _ROLE_NAME):
            for m in rx.finditer(text):
                word = m.group("name")
                if word.lower() in self._lex.first and not word.isupper():
                    out.append(Span("PERSON", m.start("name"), m.end("name"), 0.7))
        for m in _NAME_AFTER_BLANK.finditer(text):
            kin = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if kin is None or kin.group(1) not in _KIN_FORMS:
                continue
            word = m.group("name")
            end = m.end("name") - 2 if word.endswith(("'s", "’s")) else m.end("name")  # "Sienna's"
            word = text[m.start("name") : end]
            low = word.lower()
            if (low in self._lex.first or not self._lex.is_word(low)) and not word.isupper():
                out.append(Span("PERSON", m.start("name"), end, 0.7))
        for m in _SELF_INTRO.finditer(text):
            word = m.group("name")
            low = word.lower()
            from_somewhere = text.startswith("from", m.end() + 1)  # "its dawn from next door"
            listed = low in self._lex.first and (from_somewhere or not self._lex.is_word(low))
            # (capitalised, from somewhere, a word of no list: "this is Kalinda from the clinic")
            unknown = word[0].isupper() and from_somewhere and self._unknown(low)
            if listed or unknown:
                out.append(Span("PERSON", m.start("name"), m.end("name"), 0.7))
        for rx in (_GREETED, _POSSESSED):
            for m in rx.finditer(text):
                word = m.group("name")
                low = word.lower()
                if low in _NOT_GREETED:
                    continue
                listed = low in self._lex.first and (word.islower() or not plain_word(word))
                # (greeted by a capitalised word no list holds, a comma or a "!" after it: "Hey Jas,")
                greeted = (
                    rx is _GREETED
                    and word[0].isupper()
                    and text[m.end("name") : m.end("name") + 1] in (",", "!")
                    and self._unknown(low)
                )
                if listed or greeted:
                    out.append(Span("PERSON", m.start("name"), m.end("name"), 0.7))
        out += self._contacts(text)
        if "@" in text and ">" in text:
            out += self._display_names(text)
        if "외" in text or "님" in text:
            for m in _KO_NAMES.finditer(text):
                out += [
                    Span("PERSON", m.start(1) + k.start(), m.start(1) + k.end(), 0.7)
                    for k in re.finditer(_KO_NAME, m.group(1))
                ]
        if _NAME_FIELD_WORD.search(text):
            out += [
                Span("PERSON", *m.span("v"), 0.75)
                for m in _NAME_FIELD.finditer(text)
                if m.group("v").lower() not in NOT_NAMES and m.group("v").lower() not in _FIELD_VALUES
            ]
        if ('"' in text or "“" in text or ") " in text) and _NICK_OPEN.search(text):
            out += self._nicknames(text)
        if "\n" not in text and (
            (_CHAT_APP.search(text) and (chat := _CHAT_TITLE.match(text)) is not None)
            or (chat := _CHAT_TITLE_APP_FIRST.match(text)) is not None
        ):
            words = [w.lower() for w in chat.group("name").split()]
            start = chat.start("name")
            blank = _BLANKS.search(text, start, chat.end("name"))  # (a blank or a tab: the regex's)
            if len(words) == 2 and words[0] in KIN_LEADS and blank is not None:
                start = blank.end()  # "WhatsApp - Mamá Rocío": the name after the kin word
                words = words[1:]
            if not any(w in NOT_NAMES or (self._lex.is_word(w) and w not in self._lex.first) for w in words):
                out.append(Span("PERSON", start, chat.end("name"), 0.7))
        if "." in text:  # "passport_ruth_abernathy.jpg"
            out += [Span("PERSON", a, b, 0.7) for a, b in lower_names_in_file(text)]
        if "_" in text:
            for m in _HANDLE.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                g = "name" if m.group("name") else "actor"
                if not _CODE.search(line) and any(c.islower() for c in m.group(g)):
                    out.append(Span("USERNAME", m.start(g), m.end(g), 0.7))
        return out

    def _display_names(self, text: str) -> list[Span]:
        """A person's display name before their address in angle brackets: its words from the last
        one that is a mail header's, a date's or a time's; one of them a listed name, or none of
        them a word of any language read ("Acme Billing <…>", "Comité Organizador <…>": a team's)."""
        out: list[Span] = []
        for m in _ADDRESS_IN_BRACKETS.finditer(text):
            before = _NAME_WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if before is None:
                continue
            words = list(re.finditer(r"\S+", before.group(1)))
            while words and words[0].group().rstrip(".,").lower() in _NOT_DISPLAY:
                words.pop(0)
            lows = [w.group().rstrip(".").lower() for w in words]
            if not words or any(w in _NOT_DISPLAY for w in lows):
                continue
            if self._lex.is_word(lows[-1]) and lows[-1] not in self._lex.last:
                continue  # "Dev Team <…>", "Comité Organizador <…>": a team's, a word last
            named = any(w in self._lex.first or w in self._lex.last for w in lows)
            if named or (len(words) >= 2 and not any(self._lex.known(w) for w in lows)):
                start = before.start(1) + words[0].start()
                out.append(Span("PERSON", start, before.start(1) + words[-1].end(), 0.75))
        return out

    def _unknown(self, low: str) -> bool:
        """A short word no list holds ("kalinda", "jas"): a nickname or a name of no list, not a
        place, an app's or an interface's word."""
        return len(low) <= 8 and not self._lex.known(low) and low not in NOT_NAMES and not big_town(low)

    def _nicknames(self, text: str) -> list[Span]:
        """The parts of a name with a nickname in quotes (`_NICK_OPEN`: its first name or its
        surname a listed one), a nickname after its cue (`_NICK_CUE_BEFORE`), and the nickname again
        wherever the text says it alone."""
        lex = self._lex
        out: list[Span] = []
        nicks: set[str] = set()
        for o in _NICK_OPEN.finditer(text):
            before = _FIRST_BEFORE.search(text, max(0, o.start() - 40), o.start())
            m = _NICK_REST.match(text, o.start() + 1)
            if before is None or m is None or (text[o.start()] == "(") != (text[m.end("nick")] == ")"):
                continue
            first, last = before.group(1), m.group("last")
            if m.group("nick").isupper() and not (first.isupper() and last.isupper()):
                continue  # "London Heathrow (LHR) Sun": an airport's code, no nickname
            if (first.lower() in lex.first or last.lower() in lex.last) and not any(
                plain_word(w) and w.lower() not in lex.first and w.lower() not in lex.last
                for w in (first, last)
            ):  # (not 'the Steve "Jobs" Theatre')
                out += [
                    Span("PERSON", *before.span(1), 0.75),
                    *(Span("PERSON", *m.span(g), 0.75) for g in ("nick", "last")),
                ]
                nicks.add(m.group("nick"))
        for m in _QUOTED_NICK.finditer(text):
            if _NICK_CUE_BEFORE.search(text, max(0, m.start() - 24), m.start()) is None:
                continue
            lead = text[max(0, m.start() - 40) : m.start()]
            if "(" not in lead and not any(w.lower() in lex.first for w in _CAPITALISED.findall(lead)):
                continue  # ("a quasar nicknamed "Earendel"", "Marketing prefers "Hopper"": no one's)
            if m.group("nick").lower() not in NOT_NAMES:
                out.append(Span("PERSON", *m.span("nick"), 0.7))
                nicks.add(m.group("nick"))
        for nick in nicks:
            for m in re.finditer(rf"(?<![\w'’\"“-]){re.escape(nick)}(?![\w'’\"”-])", text):
                out.append(Span("PERSON", *m.span(), 0.7))
        return out

    def _contacts(self, text: str) -> list[Span]:
        """A message's sign-off after a dash on its last line ("… not far. - Jarrah", "— Kiri"),
        and a name right before its phone number in a list ("Us: Tasha 0413 882 014 / Ben 0422 671
        390", "mechanic Baz 07 348 2290"): a listed first name, or a word of no dictionary and no
        place."""
        out: list[Span] = []
        found = [m for m in _SIGN_OFF.finditer(text) if not text[m.end() :].strip()]
        if any(c.isdigit() for c in text):
            found += [
                m for m in _NAMED_NUMBER.finditer(text) if _NUMBER_BEFORE.search(text, 0, m.start()) is None
            ]
        for m in found:
            word = m.group("name")
            low = word.lower()
            listed = low in self._lex.first and not self._lex.is_word(low)
            # (an unknown word: short, as a nickname is, not a compound noun of another language,
            # "Kundennummer"; and a sign-off's only in a message of lines, not a window's title)
            unknown = (
                len(low) <= 7
                and not self._lex.known(low)
                and low not in NOT_NAMES
                and not big_town(low)
                and (m.re is not _SIGN_OFF or "\n" in text.strip())
            )
            if (
                (listed or unknown)
                and not word.isupper()
                and low not in _NOT_SIGNED
                and not public_name(text, m.start("name"), m.end("name"))
            ):
                out.append(Span("PERSON", m.start("name"), m.end("name"), 0.7))
        return out

    def _inverted(self, text: str) -> list[Span]:
        lex = self._lex
        out: list[Span] = []
        for m in (*_INVERTED.finditer(text), *_INVERTED_CAPS.finditer(text)):
            last, first, start = m.group("last"), m.group("first"), m.start("last")
            labelled = (
                _PATIENT_BEFORE.search(text, max(0, start - 24), start) is not None
                and first.split()[0].isalpha()  # (not "Zimmermann, Fall-Nr. 2024-…")
                and not (" " in last and not last.isupper() and last.split()[0].lower() in lex.first)
            )  # (not two names in a row: "Chat met Ruud Hermans, Fleur de Graaf")
            if (
                not labelled
                and not last.isupper()
                and " " in last
                and last.split()[0].lower() not in lex.last
            ):
                start += last.index(" ") + 1  # "Passenger Hunter, Grace": one surname after a word
                last = last.split()[1]
            low_last, low_first = _CLAN.sub("", last).lower(), first.split()[0].lower()  # "O'Neill": "neill"
            if low_last in PLACE_NAMES or low_first in PLACE_NAMES:
                continue
            if low_first not in lex.first and not (labelled and not plain_word(first.split()[0])):
                continue  # (a given name no list holds after a patient's or a name's label: "Miren")
            if last.isupper():  # in capitals a surname is a surname: listed, or no word ("AL-AMIN")
                tail = low_last.split()[-1]  # "van der merwe": "merwe"
                unlikely = plain_word(tail) and tail not in lex.last
            else:  # each of two surnames listed ("Gómez Herrera")
                unlikely = any(w not in lex.last for w in low_last.split()) or plain_word(last.split()[-1])
            if unlikely and m.group("init") and _RECORD_NEXT.match(text, m.end()):
                unlikely = False  # "Smith, John A (DOB 04/12/1961)": a chart's patient, initial and all
            if not labelled and (unlikely or not _FIELD_START.search(text, 0, start)):
                continue  # "Hi Ms Patel, Ollie won't", "Groet, Bart": a greeting, a sign-off
            if _LIST_GOES_ON.match(text, m.end()):
                continue  # "Ravi, Li, Hunter present": a list, read by the word rule
            nxt = _VERB_NEXT.match(text, m.end())
            if nxt and nxt.group("w") in _AND_OR:
                continue  # "Smith, Anna and Joe"
            end = m.end("first")
            if " " in first and (_LABEL_NEXT.match(text, end) or plain_word(first.split()[1])):
                end = m.start("first") + first.index(" ")  # "Kaur, Jasmeet Pet: Biscuit": a label
            elif m.group("init"):
                end = m.end("init")
            # one span, the comma inside: "[PERSON]" says less than "[PERSON], [PERSON]" (that the
            # name was written surname first), and labelled sets mark "Smith, Anna" whole
            out.append(Span("PERSON", start, end, 0.75))
        return out
