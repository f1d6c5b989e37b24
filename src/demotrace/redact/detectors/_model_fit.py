"""The edges of the model's spans: `lead_back` grows a span back over the words that open it (a
street's type, a name's initials) or cuts an id's label; `fit_person` cuts the role, kinship and
bracket words around a name."""

from __future__ import annotations

import re

from ._model_false_hits import NAME_PARTICLES, STREET_TYPES, WORD_RUN
from ._person_context import name_lead
from .address import street_lead
from .lexicon import lexicon


def lead_back(kind: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown back over the words that open it, as the rules grow theirs: a street's type
    and box words ("rue de", "postbus"), a name's initials or "Surname, " (`street_lead`,
    `name_lead`)."""
    if kind == "STREET_ADDRESS":
        return street_lead(text, start), end
    if kind == "PERSON":
        return name_lead(lexicon(), text, start, end), end
    if kind == "ACCOUNT_ID" and (m := _ID_LABEL.match(text, start, end)) is not None and m.end() < end:
        return m.end(), end  # "ID 8302145312087": the label is no part of the id
    return start, end


# an id's label the model's span took in: "ID ", "No. ", "Ref: " (not "#": the sets disagree, and
# our own forms and letters mark "#6841152004" whole; an id's acronym, "MRN 00481127", too: cutting
# it lost 30 labelled spans' acronyms in the open sets)
_ID_LABEL = re.compile(r"(?:ID|Id|No\.?|Nr\.?|Ref\.?)(?::[ \t]*|[ \t]+)(?=[A-Z]*\d)")


# what the model's PERSON span takes in beside the name: a role's or a kinship's word before it
# ("husband Bill", "manager, Catrin", "Brother Karim", "guide Pa Ariki"), a bracket's unclosed
# start of words after it ("Babajide Oyelaran (Platinum"; not "(Amir": a name may follow), an
# abbreviation in brackets ("Sienna Kowalczyk (GS)"), the end of a sentence ("Marama! Here")
_ROLE_WORDS = frozenset(
    (
        *("husband", "wife", "partner", "brother", "brothers", "sister", "sisters", "daughter"),
        *("mum", "mom", "dad", "uncle", "aunt", "auntie", "grandma", "grandpa", "cousin", "nephew"),
        *("niece", "manager", "guide", "coach", "nurse", "sgt", "sergeant", "constable", "detective"),
        *("officer", "inspector", "ballerina", "message", "says", "said", "via", "thanks", "ask", "asks"),
        # the other languages' kinship words before a name ("Tia Guida", "Zio Franco", "Tante Jo")
        *("tia", "tio", "tía", "tío", "zia", "zio", "tante", "onkel", "oom", "avó", "avô", "nonna", "nonno"),
    )
)
_LEAD_WORD = re.compile(r"([^\W\d_][\w'’]*)(\.?,?|:)[ \t]+(?=[^\W\d_])")
_ABBREVIATION_END = re.compile(r"[ \t]*\([A-Z][A-Z&./ -]*\)[ \t]*\Z")
# a nickname in brackets inside a name: "W.J. (Willem) van den Berg", "Adriana (Jans) van der Heijden"
_NAME_GOES_ON = re.compile(r"[^()\n]{1,30}\)[ \t]+(?:[A-Z]|(?:van|de|der|den|da|di|du|la|le|ter|von|del)\b)")
_SENTENCE_CUT = re.compile(r"[!?][ \t]")
_TRAIL_WORD = re.compile(r"[ \t]+([^\W\d_]+)\Z")


def _only_words(part: str) -> bool:
    """Every word of `part` is a word of a list and no listed name ("Platinum", "Japanese",
    "Computer"; not "Amir")."""
    lex = lexicon()
    words = WORD_RUN.findall(part)
    return bool(words) and all(lex.is_word(w.lower()) and not lex.is_name(w.lower()) for w in words)


def fit_person(text: str, start: int, end: int) -> tuple[int, int]:
    """A model's PERSON span less the words around the name that `_ROLE_WORDS` and the brackets
    and sentence ends above name."""
    while (m := _LEAD_WORD.match(text, start, end)) is not None:
        word = m.group(1)
        low = word.lower()
        if low in NAME_PARTICLES or low in STREET_TYPES:  # "boulevard Brunel": a street, taken whole
            break
        label = m.group(2) == ":" and not lexicon().is_name(low)  # "Time Off Request: Connor Walsh"
        if not (label or low in _ROLE_WORDS or (word.islower() and lexicon().is_word(low))):
            break
        start = m.end()
    span = text[start:end]
    if (cut := _SENTENCE_CUT.search(span)) is not None:
        end = start + cut.start() + 1
        span = text[start:end]
    while (m := _TRAIL_WORD.search(span)) is not None and m.start() > 0:
        word = m.group(1)  # "Giorgia Meloni oggi": a lower-case word of a language, no name's
        if (
            not word.islower()
            or word in NAME_PARTICLES
            or lexicon().is_name(word)
            or not lexicon().known(word)
        ):
            break
        if span[: m.start()].islower():
            break  # ("u xx": no capitalised name is left to stand alone)
        end = start + m.start()
        span = text[start:end]
    if "(" in span:
        open_at = span.rfind("(")
        inside = span[open_at + 1 :]
        if (
            ")" not in inside
            and not any(c.isdigit() for c in inside)  # "Patricia Nolan (300517": an id, kept masked
            and not _NAME_GOES_ON.match(text, start + open_at + 1)
            and _only_words(inside)  # "(Amir": a name may follow, kept masked
        ):
            end = start + len(span[:open_at].rstrip())  # "… (Platinum": the bracket is no part of it
        elif (m := _ABBREVIATION_END.search(span)) is not None:
            end = start + len(span[: m.start()].rstrip())  # "(GS)"
    elif span.endswith(")"):
        end -= 1
    while end > start and text[end - 1] in ",;:!?":
        end -= 1
    return start, end
