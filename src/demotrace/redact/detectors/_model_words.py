"""Spans the model calls a login or a secret that are words, not either: a capitalised noun of
the text's language ("Krankenkasse"), a dictionary word in lower case on a line of no credential
("workstation"), a place's name or a capitalised word ("Lisbon" of `&query=Lisbon`), Markdown's
emphasis of words ("**Glossary**"), and code a span took in (a call, a format's field). Used by
`model.ModelDetector`'s filters."""

from __future__ import annotations

import re

from ._everyday_spans import COMPOUNDING, compound, words_of_text
from ._places import PLACE_NAMES
from ._secret_lookalikes import LINE_CREDENTIAL_CUE
from .lexicon import lexicon

# a call of a camelCase or a member's function ("pan.takeLast(4", "main.(*Server).handle(0x…"), a
# format's or a template's field ("%d{ISO8601", "{FAKE_GITHUB_TOKEN"): code a secret's span took in
CODE_IN_SPAN = re.compile(
    r"[a-z]{2,}[A-Z][a-z]{2,}\w*\(|\.[a-z_][A-Za-z_]{2,}\(|%\w\{|^\{[A-Z][A-Z0-9_]+$|\\b\("
)

_EMPHASIS = re.compile(r"(\*\*?|__)([^*_\n]{1,60}?)\1")
_LETTERS = re.compile(r"[^\W\d_]+")


def emphasised_words(text: str, start: int, end: int) -> bool:
    """The span lies in Markdown's emphasis of dictionary words alone (no digit: a password in bold,
    "**Winter2024!**", stays a secret)."""
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    for m in _EMPHASIS.finditer(text, line, len(text) if stop < 0 else stop):
        if m.start() <= start and end <= m.end() + 1:
            inner = m.group(2)
            words = _LETTERS.findall(inner)
            lex = lexicon()
            return (
                bool(words)
                and not any(c.isdigit() for c in inner)
                and all(lex.is_word(w.lower()) for w in words)
            )
    return False


def noun_of_text(text: str, start: int, end: int) -> bool:
    """A capitalised word of letters alone that is an everyday word of the text's language or a
    compound of them (`words_of_text`): German capitalises its nouns, and the model, trained on
    logins of letters, takes one as a login or a password."""
    word = text[start:end]
    capitalised = word.isalpha() and word[:1].isupper() and word[1:].islower()
    low = word.lower()
    lex = lexicon()
    if not capitalised or lex.is_name(low):
        return False
    if not (lex.tags.get(low) & COMPOUNDING or compound(low, COMPOUNDING)):
        return False  # a noun of the languages that capitalise or glue theirs ("Małgorzata" of Polish stays)
    return words_of_text(text, start, end, True)


def bare_word(text: str, start: int, end: int) -> bool:
    """A lower-case word of the dictionary, no name, on a line that names no credential: a word of
    code or prose the model called a secret ("workstation", "conditional", "authorized"); such
    spans on the labelled sets were wrong 8 times in 8, the right ones logins ("kfedorov")."""
    word = text[start:end]
    if not (word.isalpha() and word.islower()):
        return False
    lex = lexicon()
    if not lex.is_word(word) or lex.is_name(word):
        return False
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return LINE_CREDENTIAL_CUE.search(text, lo, len(text) if hi < 0 else hi) is None


def place_or_word(word: str) -> bool:
    """A place's name ("Lisbon") or a capitalised dictionary word that is no name, letters alone:
    no password (the secrets rule keeps "password: Sunshine" after its cue); a lower-case word
    stays the model's ("admin", "grafana": a login it called a secret)."""
    low = word.lower()
    if low in PLACE_NAMES:
        return True
    lex = lexicon()
    return word[0].isupper() and word[1:].islower() and lex.is_word(low) and not lex.is_name(low)


# German's abbreviations of two letters whose second one reads as an initial ("z. B. Hashimoto",
# "V. a. Morbus Parkinson", "u. a. Basedow"): a disease or an example follows, no name
_ABBREVIATION = re.compile(r"\b(?:z\.[ \t]?B|[Vv]\.[ \t]?a|u\.[ \t]?a|d\.[ \t]?h|s\.[ \t]?o)\.")


def abbreviation_initial(text: str, start: int, end: int) -> bool:
    """Such an abbreviation (`_ABBREVIATION`) ends in or right before `text[start:end]`'s start."""
    return _ABBREVIATION.search(text, max(0, start - 6), min(end, start + 6)) is not None
