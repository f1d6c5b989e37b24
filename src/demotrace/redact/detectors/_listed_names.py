"""Names of the shipped lists that are no private person's: some 8,700 public figures' full names
(`data/public_figures.txt`: heads of government and ministers of some 90 countries, athletes,
actors, musicians, authors, scientists, business people, broadcasters, chefs, royals, fiction's
characters; names of two very common words left out, accents also without them) and some 1,700
brands, shops, firms and clubs named like people (`data/brands.txt`: "Allen & Overy", "Westpac";
two given or family names alone left out, "Paul Smith" is everyone's, and one word only where it
is no listed name and no English word). Both were written from general knowledge as hard
negatives (issue 11), never from a labelled set.

A listed name is kept where nothing makes it a private namesake's (`private_cue`): a form's label
(not a public one such as "Keynote:"), a title or a greeting before it, a mailbox, a number, an id's
label or a chat header's time after it, or a private person's name beside it in a list."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from importlib import resources

from .lexicon import FIRST, lexicon


def _listed(name: str) -> frozenset[str]:
    text = resources.files("demotrace.redact.data").joinpath(name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# the two lists, as the module's docstring says
LISTED_FIGURES = _listed("public_figures.txt")
LISTED_BRANDS = _listed("brands.txt")

# what makes a listed name a private person's namesake: a form's label, a title or a greeting right
# before it ("Patient: Julia Roberts", "Dear Ravi Shankar"), an address, a number or a mailbox right
# after it ("Li Na <li.na@…>", "Dev Patel (07700 …)", "Thomas Müller, 12 Elm St"); labels that
# announce a public figure are no cue ("Keynote:", "Highlights:", "Starring:")
_PUBLIC_LABELS = (
    "talk|speakers?|guests?|authors?|director|starring|cast|hosts?|presenters?|keynote|featuring|artists?|"
    "composer|narrator|screenplay|inspo|inspiration|quote|topic|readings?|playing|lecture|subject|re|"
    "highlights?|news|headlines?|breaking|update|review|interview|watch|listen|podcast|episode|book|novel|"
    "film|movie|album|song|track|panel|session|moderator|chair"
)
_CUE_BEFORE = re.compile(
    rf"(?:(?<![^\W\d_])(?!(?i:{_PUBLIC_LABELS})[\"']?[ \t]*:)[^\W\d_]{{2,}}[\"']?[ \t]*:[ \t]*[\"']?"
    r"|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Dear|Hi|Hello|Hey|Thanks|Cc|cc|Attn|Herr|Frau|Sr|Sra|Mevr|Dhr)"
    r"\.?(?:[ \t]+(?:med|dent|phil|rer\.[ \t]*nat)\.)?,?)[ \t]*$"  # a title, a greeting: "Dr. med."
)
# an address, a number, a mailbox, a contact's brackets or an identity number's label after the name
_CUE_AFTER = re.compile(
    r"[ \t]*(?:<|\(\+?\d|\([^()\n]*@|,[ \t]*\d|[ \t]\d{4}|\([A-Za-z]+\)|,[ \t]*(?:DOB|born|aged?)\b"
    r"|[ \t]{2,}\d{1,2}:\d\d"  # a chat message's header: "Ravi Shankar  9:02"
    r"|[ \t]*[-–—,][ \t]*(?:PESEL|DNI|NIE|NIF|BSN|SSN|DOB|MRN|NHS|NHI|PPSN?|ID)\b)"
)


# a name beside it in a list ("Dr. Anjali Menon (Fairhaven), Piotr Zielinski, Hana Kobayashi",
# "Attendees: Josh Kerr, Mei Tanaka", "owners Lee Min-ho & Jung So-ra")
_NAME = r"([^\W\d_a-z][\w'’-]+)[ \t]+([^\W\d_a-z][\w'’-]+)"
_LISTED_AFTER = re.compile(rf"(?:,|;|[ \t]&|[ \t]and)[ \t]+{_NAME}")
_LISTED_BEFORE = re.compile(rf"{_NAME}(?:[ \t]*\([^()\n]{{1,30}}\))?(?:,|;|[ \t]&|[ \t]and)[ \t]+$")


def _private_neighbour(m: re.Match[str] | None, public: Container[str]) -> bool:
    """The match's two words are a private person's name: a listed given name, the pair no one's
    listed and none of `public`."""
    if m is None:
        return False
    pair = f"{m.group(1)} {m.group(2)}"
    listed = any(pair in name for name in _LISTED_BY_WORD.get(m.group(1), ()))  # "F. Scott Fitzgerald"
    return m.group(1).lower() in lexicon().first and not listed and pair not in public


def private_cue(text: str, start: int, end: int, public: Container[str] = ()) -> bool:
    """A cue around `text[start:end]` names a private namesake; a neighbour's name in `public` (the
    caller's other public figures) is none."""
    return (
        _CUE_BEFORE.search(text, max(0, start - 24), start) is not None
        or _CUE_AFTER.match(text, end) is not None
        or _private_neighbour(_LISTED_AFTER.match(text, end), public)
        or _private_neighbour(_LISTED_BEFORE.search(text, max(0, start - 60), start), public)
    )


# each word of a listed figure's or brand's name → those names
_LISTED_BY_WORD: dict[str, list[str]] = {}
for _name in sorted(LISTED_FIGURES | LISTED_BRANDS):
    for _w in _name.split():
        _LISTED_BY_WORD.setdefault(_w, []).append(_name)
        if _w.endswith(("'s", "’s")):  # "Jerry" of "Ben & Jerry's", a run without the possessive
            _LISTED_BY_WORD.setdefault(_w[:-2], []).append(_name)


def around(text: str, start: int, end: int, names: Iterable[str]) -> bool:
    """One of `names` is written around `text[start:end]` ("Marks" of "Marks & Spencer")."""
    return written_around(text, start, end, names) is not None


def written_around(text: str, start: int, end: int, names: Iterable[str]) -> tuple[int, int] | None:
    """Where the first of `names` written around `text[start:end]` stands, or None (`around`)."""
    for name in names:
        at = text.find(name, max(0, start - len(name)), end + len(name))
        while 0 <= at <= start:
            if at + len(name) >= end:
                return at, at + len(name)
            at = text.find(name, at + 1, end + len(name))
    return None


def listed_name(text: str, start: int, end: int, words: Sequence[str], public: Container[str] = ()) -> bool:
    """The run `text[start:end]` (its words `words`) is a listed name, or lies inside one written
    around it, and no cue makes it a namesake's (`public`: names a neighbour may be and stay no
    cue, `_public_names.PUBLIC_FIGURES`)."""
    listed = _LISTED_BY_WORD.get(words[0]) or _LISTED_BY_WORD.get(words[-1]) or []
    if len(words) == 1 and listed and lexicon().tags.get(words[0].lower()) & FIRST:
        # a one-word brand in the possessive ("Sainsbury's", "McDonald's") is no given name's
        # ("Colin's right", "Wendy's turn"): a person's possessive is written so as often
        listed = [n for n in listed if " " in n or n[:-2] != words[0]]
    if not listed or (where := written_around(text, start, end, listed)) is None:
        return False
    if not private_cue(text, start, end, public):
        return True
    # (a cue inside the listed name is its own: "Dr." of "Dr. Martens"; one around it still counts)
    return where[0] < start and not private_cue(text, *where, public)


def cue_in_brand(text: str, start: int, end: int) -> bool:
    """A listed brand or figure whose name opens with a title is written around `text[start:end]`,
    the title before the run ("Dr. Martens Official Site", "Dr Pepper | Zero", "Doctor Dolittle!"):
    the cue is the name's own word. Not before a word in lower case: "spoke with Dr. Martens about
    the scan" is a doctor's."""
    names = _LISTED_BY_WORD.get(text[start:end].split(" ", 1)[0], ())
    titled = [n for n in names if _TITLE_FIRST.match(n)]
    where = written_around(text, start, end, titled)
    return where is not None and _LOWER_AFTER.match(text, where[1]) is None


_LOWER_AFTER = re.compile(r"[ \t]+[a-zà-ÿ]")
_TITLE_FIRST = re.compile(
    r"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Professor|Prof|Captain|Uncle|Aunt)\.?[ \t]"
)
