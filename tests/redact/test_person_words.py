"""The person rule's word classing: `_word`'s short path for words of ASCII letters only gives
what the general `_any_word` gives, on every word of the held-out texts and the fixture (as
found, lower- and upper-cased) and on words at the edges of each branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from demotrace.redact.detectors._person_words import _SPLIT, _any_word, _word
from demotrace.redact.detectors.lexicon import lexicon

from .helpers import batch_corpus

EDGES = [
    # cue ends ("is" of "my name is", "s" of "name's", honorifics), in any case
    "is",
    "IS",
    "Is",
    "s",
    "S",
    "dr",
    "Dr",
    "DR",
    "me",
    "hi",
    "Hey",
    "dear",
    "nee",
    "cc",
    "Attn",
    # names: strong, weak (also a word), first and last, short, upper-case
    "tracy",
    "Tracy",
    "TRACY",
    "maria",
    "Maria",
    "young",
    "Young",
    "rose",
    "ana",
    "Ana",
    "an",
    "li",
    "Li",
    "LI",
    "hiltunen",
    "Nielsen",
    "kristin",
    # unknown words, acronyms, one and two letters, app words
    "duqyaha",
    "Duqyaha",
    "DUQYAHA",
    "ASAP",
    "HTTP",
    "Ok",
    "OK",
    "a",
    "A",
    "I",
    "x",
    "Gmail",
    "gmail",
    "Inbox",
    "the",
    "The",
    "THE",
]


def _words(shared_dir: Path) -> set[str]:
    text = "\n".join(batch_corpus(shared_dir))
    out = set()
    for t in (text, text.lower(), text.upper()):
        out.update(_SPLIT.split(t)[1::2])
    return out


def test_short_path_is_the_general_one(shared_dir: Path) -> None:
    lex = lexicon()
    words = _words(shared_dir) | set(EDGES)
    short = [w for w in words if w.isascii() and w.isalpha()]
    assert len(short) > 1000 and len(words) > len(short)  # both paths met
    for w in sorted(words):
        assert _word(lex, w) == _any_word(lex, w), w


@pytest.mark.parametrize("raw", ["Megan's", "O’Brien", "Jean-Luc", "Ωmega", "ſam", "İsmail", "张慧"])
def test_other_words_take_the_general_path(raw: str) -> None:
    lex = lexicon()
    assert _word(lex, raw) == _any_word(lex, raw)
