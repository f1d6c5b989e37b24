"""Streets written without a house number (`address.AddressDetector`): which are a street's name at
all, and which stand where an address is written. A street's name alone in running prose is a
place, labelled a location ("Ladbroke Grove and Westbourne Grove have the best cafés", "at
Westwood Blvd when Unit 1 struck it"); first on its line or after a label (a postal block,
"Address: Calle Mayor"), after a cue ("lives on Elm Road", "ik woon aan de Oudegracht"), beside a
flat's, a plot's or its own number, or before a postcode or its town, it is part of someone's
address."""

from __future__ import annotations

import re

from ._not_streets import capitalised
from ._postal_block import ADDRESS_CUE, TAIL_POSTCODE
from ._street_words import PREFIX_WORDS
from .lexicon import LANG_BITS, NOT_NAMES, WORD, lexicon


def numberless_ok(s: str) -> bool:
    """A street name without a number must be capitalised, not a product ("Google Drive") and not
    an everyday word that only ends like a glued street word ("Medicatie", "Käufer", "Intervalle":
    `_WORD_ENDING_GLUED`)."""
    words = re.findall(r"[^\W\d_]+", s)
    if not capitalised(s) or any(w.lower() in NOT_NAMES for w in words):
        return False
    tags = lexicon().tags
    for w in map(str.lower, words):  # (any word of it: "Auntie Pam" of a gift list, "-tie" glued)
        if (
            _WORD_ENDING_GLUED.search(w)
            and not _PREFIX_WORD.fullmatch(w)  # "Calle" is a street word
            and (tags.get(w) & (WORD | LANG_BITS) or w in _TIE_WORDS)
        ):
            return False
    return True


# where one lives, in the other languages read ("ik woon aan de Oudegracht", "wohnt in der
# Gneisenaustraße", "vivo en la calle Mayor"; English's are `ADDRESS_CUE`'s)
_HOME_BEFORE = re.compile(
    r"\b(?i:woon|woont|wonen|wohne|wohnt|wohnen|vivo|vive|viven|vivimos|habite|habites|habitent|abito|abita|"
    r"moro|mora|moram|bor|bo|mieszkam|mieszka|bydlím|bydlí)\b[^\n.!?]{0,20}\Z"
)
_UNIT_BEFORE = re.compile(
    r"(?i:flat|apt\.?|apartment|unit|suite|house|block|bldg\.?)[ \t]*#?\w{1,5},?[ \t]*\Z"
)


def numberless_placed(text: str, start: int, end: int) -> bool:
    """A street without a house number stands where an address is written: first on its line or
    after a label, the line ending there or at a comma (a postal block, "Address: Calle Mayor"),
    after a cue ("lives on Elm Road"), a flat's or a unit's number before it, or a postcode after
    it on its line. In running prose a street's name alone is a place ("Ladbroke Grove and
    Westbourne Grove have the best cafés", "at Westwood Blvd when Unit 1 struck it"), labelled a
    location, not an address."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    if TAIL_POSTCODE.search(text, end, min(end + 48, line_end)) is not None:
        return True
    if _NUMBER_AFTER.match(text, end, line_end) or _NUMBER_BEFORE.search(before[-24:]):
        return True  # its house's number apart from it: "Paseo de Sagasta, 58", "Plot 12, Mbagathi Way"
    if (
        ADDRESS_CUE.search(text[max(0, start - 40) : start])
        or _HOME_BEFORE.search(before[-40:])
        or _UNIT_BEFORE.search(before)
    ):
        return True
    # first on its line or after a label, the line ending there or going on after a comma
    return (not before.strip(" \t*•-·>|") or before.rstrip().endswith(":")) and _BLOCK_REST.match(
        text, end, line_end
    ) is not None


_NUMBER_AFTER = re.compile(
    r"(?:[ \t]+(?:[^\W\d_a-zà-öø-ÿ][\w'’.-]*|de|da|do|das|dos|del|la|las|los|le|les|du|des|di|e|y)){0,4}"
    r"(?:[^\n\w]{0,3}(?i:n\.?[º°o]\.?|no\.?|nr\.?|núm\.?|num\.?|number|#)?[ \t:]*\d"
    # or its town after a comma, the clause ending there ("Dock Road, Limerick\n", "late of
    # Ballinacurra Road, Limerick and formerly of …")
    r"|,[ \t]+[^\W\d_a-zà-öø-ÿ][\w'’-]+(?:[ \t]+[^\W\d_a-zà-öø-ÿ][\w'’-]+)?(?=[ \t]*(?:$|[\n.,;)]|and\b|&)))"
)
_NUMBER_BEFORE = re.compile(r"\d[\w/-]*[ \t]*[,.]?[^\n\d]{0,20}\Z")
_BLOCK_REST = re.compile(r"(?:[-'’][^\W\d_]+)?[ \t.]*(?:,[^\n]*)?\Z")  # ("Nassaustraat-West")


# English words the word lists lack that end like Finland's "-tie" (a road)
_TIE_WORDS = frozenset(("auntie", "sweetie", "cutie", "bestie", "hottie", "necktie", "bowtie", "sortie"))


# glued street words that are also the endings of other languages' common nouns: Finnish "-tie"
# (Dutch "medicatie", "informatie"), Danish "-gade" ("brigade"), German "-ufer" ("Käufer"), "-weg"
# ("Ausweg"), Danish "-alle" ("Intervalle"), Dutch "-kade" ("blokkade"); a frequent word of some
# language that ends so is that word where no number follows it ("Kerkstraat" stays a street)
_WORD_ENDING_GLUED = re.compile(r"(?:tie|gade|ufer|weg|alle|kade)$")
_PREFIX_WORD = re.compile(PREFIX_WORDS)
