"""What the words beside a name say about the words next to it (`person.PersonDetector`): a
second surname joined by "y" / "i" ("Pérez y Gasset"), a name-like word joined by "&" to a person
("Miller & Jimenez"), a first name joined by "and" ("Summer and Autumn Brooks"), a capitalised
word right before a surname ("Kees Visser"), a lone name after an article ("se procede al Alta":
a noun), a word made a name by a verb or a relation after or before it, a word in capitals beside
a name in capitals ("MARCHETTI ROBERTO")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ._base import Span
from ._dates import MONTH_WORDS, WEEKDAY_WORDS
from ._person_context import (
    _AND,
    _ARTICLES,
    _BLANKS,
    _COORDINATORS,
    _PARTICLES,
    _RELATION_CUE,
    _TITLES,
    _VERB_AFTER,
    _initial,
)
from ._person_words import UNKNOWN, WEAK, WORD, _Tok, _Toks
from .address import STREET_RUN
from .lexicon import FIRST, LAST, Lexicon
from .lexicon import WORD as ENGLISH

# a house number after a street's name ("Canale Rosa, 27 Piano 0"), not a phone's first group
_HOUSE_NUMBER = re.compile(r",?[ \t]+\d{1,4}[a-zA-Z]?(?![\d])(?![ \t]*\d)")


def joined_surname(text: str, toks: _Toks, j: int) -> bool:
    """Words `j` and `j + 1` are "y" or "i" and a second surname that it joins to the full name
    before: a capitalised listed surname or a word that is no everyday word ("Puig",
    "Gasset"); not a first name alone ("Carlos Pérez y Ana López": Ana opens a name of her
    own)."""
    if j + 1 >= len(toks) or toks[j].text not in ("y", "i"):
        return False
    conj, t = toks[j], toks[j + 1]
    gaps = ((toks[j - 1].end, conj.start), (conj.end, t.start))
    if not all(_BLANKS.fullmatch(text, a, b) for a, b in gaps):
        return False
    if not t.cap or t.cls == WORD:
        return False
    return bool(t.tag & LAST) or not t.tag & FIRST


def after_article(toks: _Toks, i: int) -> bool:
    """A lone listed name right after an article that no surname opens with ("se procede al
    *Alta*", "die *Ernst* des Lebens", "nel *Sole*"): a noun of the text's language. Not
    after a particle and an article ("de la *Cruz*", "van der *Sluis*"): those are surnames."""
    if i == 0:
        return False
    art = toks[i - 1].text.lower()
    if art not in _ARTICLES:
        return False
    return i < 2 or toks[i - 2].text.lower() not in _PARTICLES


def single_by_context(text: str, t: _Tok, run: list[_Tok], before: str, after: str) -> bool:
    """An unknown word or a lone word-like name, made a name by what is around it."""
    if (t.cls == UNKNOWN or (t.cls == WEAK and len(run) == 1)) and _VERB_AFTER.match(after):
        return True
    return t.cls == WEAK and not _initial(text, t.start) and bool(_RELATION_CUE.search(before))


def coordinated(text: str, toks: _Toks, hits: list[Span]) -> list[Span]:
    """A name-like word joined by "and" / "&" to a person is one too: "Miller & Jimenez".
    Between two adjacent words there is no letter (a word takes every letter beside it), so
    of `_AND` only "&" can join them: only the pairs around an "&" are looked at, in text
    order (the pairs beside every hit were, each with a regex match)."""
    if not hits or "&" not in text:
        return hits
    starts = {h.start for h in hits}
    ends = {h.end for h in hits}
    pairs = set()
    i = text.find("&")
    while i >= 0:
        q = bisect.bisect_right(toks.offs, i + toks.base)  # the piece holding `i`: gap 2m precedes word m
        if q % 2 == 0 and 1 <= q // 2 < len(toks):
            pairs.add(q // 2 - 1)
        i = text.find("&", i + 1)
    extra: list[Span] = []
    for k in sorted(pairs):
        a, b = toks[k], toks[k + 1]
        if not _AND.fullmatch(text, a.end, b.start):
            continue
        if b.start in starts and a.cap and a.cls != WORD and a.start not in starts:
            extra.append(Span("PERSON", a.start, a.end, 0.6))
        if a.end in ends and b.cap and b.cls != WORD and b.start not in starts:
            extra.append(Span("PERSON", b.start, b.end, 0.6))
    return hits + extra


def _word_edges(toks: _Toks) -> tuple[dict[int, int], dict[int, int]]:
    """({start: word index}, {end: word index}) of the text's words, from the split's offsets
    (`_Toks.__getitem__` less its `_Tok`: only the words beside a hit are built)."""
    base, offs, info, raw = toks.base, toks.offs, toks.info, toks.raw
    at = {offs[2 * k] - base: k for k in range(len(toks))}
    ends = {offs[2 * k + 1] - base - info[raw[k]].cut: k for k in range(len(toks))}
    return at, ends


def joined_first_names(text: str, toks: _Toks, hits: list[Span]) -> list[Span]:
    """A capitalised listed first name that "and" (und, et, y, en …) joins to a person found,
    inside a sentence: "Summer and Autumn Brooks", "Anna Smith and Will" (a dictionary word
    alone needs a cue; beside a name it is one)."""
    if not hits or not any(w in text for w in (" and ", " und ", " et ", " y ", " e ", " en ", " och ")):
        return []
    at, ends = _word_edges(toks)
    covered = [(h.start, h.end) for h in hits]
    out: list[Span] = []
    for h in hits:
        for k, step in ((at.get(h.start), -1), (ends.get(h.end), 1)):
            if k is None:
                continue
            c, n = k + step, k + 2 * step
            if not 0 <= n < len(toks) or toks[c].text.lower() not in _COORDINATORS:
                continue
            w = toks[n]
            if not (w.cap and w.tag & FIRST) or any(a <= w.start < b for a, b in covered):
                continue
            if n == 0 or text[max(0, w.start - 2) : w.start].strip() in (".", "!", "?", ":"):
                continue  # a sentence's first word is capitalised whatever it is
            left, right = (toks[n], toks[c]) if step < 0 else (toks[c], w)
            if text[left.end : right.start] == " ":  # the name and "and" one blank apart
                out.append(Span("PERSON", w.start, w.end, 0.6))
    return out


# a pair's mark between two first names, as meeting and chat titles write them ("1:1 Priya / Tom",
# "Kayla ↔ Dev", "Bianca Lowe <> Tom", "Ana + Rob")
_PAIR_MARK = r"(?:[ \t]*(?:/|↔|<>|<->)[ \t]*|[ \t]+\+[ \t]+)"  # ("+" between blanks: not a URL's)
_PAIR_AFTER = re.compile(rf"{_PAIR_MARK}([A-Z][a-zà-öø-ÿ]+)(?![\w'’-])")
_PAIR_BEFORE = re.compile(rf"(?<![\w'’+-])([A-Z][a-zà-öø-ÿ]+){_PAIR_MARK}$")


def paired_first_names(text: str, hits: list[Span], lex: Lexicon) -> list[Span]:
    """A capitalised listed first name that a pair's mark joins to a person found, as a dictionary
    word too ("1:1 Priya / Tom": "Tom" alone needs a cue; beside a name it is one)."""
    if not hits or not any(mark in text for mark in ("/", "↔", "<>", "+")):
        return []
    covered = [(h.start, h.end) for h in hits]
    out: list[Span] = []
    for h in hits:
        after = _PAIR_AFTER.match(text, h.end)
        before = _PAIR_BEFORE.search(text, max(0, h.start - 24), h.start)
        for m in (after, before):
            if m is None or any(a <= m.start(1) < b for a, b in covered):
                continue
            low = m.group(1).lower()
            if lex.tags.get(low) & FIRST and low not in MONTH_WORDS and low not in WEEKDAY_WORDS:
                out.append(Span("PERSON", m.start(1), m.end(1), 0.6))
    return out


_LIST_GAP = re.compile(r"\)?,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+")
_ITEM_END = re.compile(r"[ \t]*(?:[,;)(\n]|and\b|$)")


def listed_first_names(text: str, toks: _Toks, hits: list[Span]) -> list[Span]:
    """A listed first name alone between the commas of a list that names people, beside one found
    ("Attendees: Adaeze Nwankwo, Tomasz Wójcik, priya (notes)", "me (Nadia), Oskar, Thandiwe"), and
    so on along the list: capitalised, or in lower case where it is no dictionary word."""
    if not hits or ("," not in text and " and " not in text):
        return []
    at, ends = _word_edges(toks)
    covered = [(h.start, h.end) for h in hits]
    out: list[Span] = []
    queue = list(hits)
    while queue:
        h = queue.pop()
        for k, step in ((at.get(h.start), -1), (ends.get(h.end), 1)):
            if k is None or not 0 <= k + step < len(toks):
                continue
            w = toks[k + step]
            left, right = (w, toks[k]) if step < 0 else (toks[k], w)
            if _LIST_GAP.fullmatch(text, left.end, right.start) is None or not w.tag & FIRST:
                continue
            if any(a <= w.start < b for a, b in covered) or _ITEM_END.match(text, w.end) is None:
                continue  # (a name found, or a first name before a surname: the rule's own)
            if not w.cap and (w.cls == WORD or w.tag & ENGLISH):
                continue  # "and others", "so" in lower case are words
            span = Span("PERSON", w.start, w.end, 0.6)
            out.append(span)
            covered.append((w.start, w.end))
            queue.append(span)
    return out


def capital_before(text: str, toks: _Toks, i: int) -> bool:
    """A capitalised word stands one blank before toks[i], and is no title: "Kees Visser",
    "Pt. De Boer" (a surname that is a word of the text's language, after a first name)."""
    if i == 0:
        return False
    prev, word = toks[i - 1], toks[i]
    return (
        prev.cap
        and len(prev.text) > 1
        and not word.tag & ENGLISH  # not "Labor Day", "A REAL PERSON": English words are English's
        and word.text.lower() not in _PARTICLES  # "San Vittore Del Lazio"
        and text[prev.end : word.start] == " "
        and prev.text.lower() not in _TITLES
        and STREET_RUN.fullmatch(prev.text) is None  # "Via Rosa": a street's name
        and _HOUSE_NUMBER.match(text, word.end) is None  # "Canale Rosa, 27 Piano 0"
    )


# a word in capitals beside a name in capitals, one blank apart: "MARCHETTI ROBERTO", "COLOMBO
# ALESSANDRO" (a register's or a notary's surname, no listed one), letters of any script
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_a-zß-ÿ]{4,}(?:[-'’][^\W\d_a-zß-ÿ]{2,})?) $")
_CAPS_AFTER = re.compile(r" ([^\W\d_a-zß-ÿ]{4,}(?:[-'’][^\W\d_a-zß-ÿ]{2,})?)(?![\w'’-])")


def capitals_grown(
    text: str, hits: list[Span], is_word: Callable[[str], bool], first: Callable[[str], bool]
) -> list[Span]:
    """`hits` in capitals grown over the words in capitals right beside them (four letters or
    more: not "DNI", "NIF") that are no common word but a name (`is_word`, asked in lower case:
    "PACIENTE", "NOTARIO" stay out; a language's frequent words hold its surnames, "marchetti"),
    one at each side at most; only a name that holds a listed first name (`first`: "ROBERTO"; not
    a heading's words, "DE ZARAGOZA")."""
    out = []
    for h in hits:
        name = text[h.start : h.end]
        if not (name.isupper() and name.replace(" ", "").isalpha() and any(map(first, name.split()))):
            out.append(h)
            continue
        start, end = h.start, h.end
        before = _CAPS_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and before.group(1).isupper() and not is_word(before.group(1).lower()):
            start = before.start(1)
        after = _CAPS_AFTER.match(text, end)
        if after is not None and after.group(1).isupper() and not is_word(after.group(1).lower()):
            end = after.end(1)
        out.append(h if (start, end) == (h.start, h.end) else Span(h.kind, start, end, h.score))
    return out
