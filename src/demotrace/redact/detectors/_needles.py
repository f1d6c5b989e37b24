"""Needles of a trigger regex: lower-case strings of which every match of the regex holds one.

A trigger (`_base.Detector.trigger`) is searched over a whole batch; most of them are words or
alternations of words whose scan costs a regex call per letter of page text that could start
one. Their needles are found for every trigger at once by one Aho-Corasick pass
(`_needle_scan`), and a regex is then searched only in the texts that hold one of its needles:
the same texts come out, since a text without a needle cannot hold a match.

`needles` reads the regex's parse tree (`re._parser`, the one `re.compile` builds): literals,
small classes (`[óo]`, `[ \\t]`), optional pieces, alternations and groups expand into the
finite set of strings they match; zero-width items (`\\b`, look-arounds) expand into "" (a
superset); a sequence's needles are the expansion of its most selective run of such items, or of
one item that holds needles (a group or an alternation whose every branch has some, a piece
repeated at least once). Lower-cased, since they are searched in `TextBatch.lower`: what a regex
literal matches, in either case, lowers to the literal's lower case, for the Latin letters
needles are kept to (`_PLAIN`); a text `lower` blanks is searched as before (`unlowered`)."""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

LIMIT = 400  # strings an expansion may hold (two words of eleven, one of three blanks apart: 363)
CLASS_LIMIT = 6  # characters a class may hold to be expanded
MIN_LEN = 3  # a needle's length: shorter ones are in too many texts to be worth a scan
_LATIN = re.compile(r"[\t\x20-\x7e\xa0-\u024f]")  # ASCII and Latin letters: `lower` is `re`'s fold

Strings = frozenset[str]
_MEMO: dict[tuple[str, int], Strings | None] = {}


def needles(rx: re.Pattern[str]) -> Strings | None:
    """Strings (lower case, `MIN_LEN` or longer) of which every match of `rx` holds one, or None
    where the regex gives none (a class of letters first, `\\d{6}`). Memoised per pattern."""
    key = (rx.pattern, rx.flags)
    if key not in _MEMO:
        try:
            found = _need(sre_parse.parse(rx.pattern, rx.flags))
        except (RecursionError, re.error):
            found = None
        ok = found is not None and all(len(n) >= MIN_LEN and all(map(plain, n)) for n in found)
        _MEMO[key] = frozenset(_shortest(found)) if ok and found else None
    return _MEMO[key]


def plain(c: str) -> bool:
    """Whether every character `re` matches to `c` (either case) lowers to `c`: a Latin letter,
    or a character without case ("’", "—")."""
    return _LATIN.match(c) is not None or c.lower() == c == c.upper()


def _shortest(found: set[str]) -> set[str]:
    """`found` less the strings that hold another one: a text with one of those holds that one."""
    kept: list[str] = []
    for n in sorted(found, key=len):
        if not any(k in n for k in kept):
            kept.append(n)
    return set(kept)


def _need(items: Any) -> set[str] | None:
    """Needles of a sequence: the best of its runs' expansions and its items' own needles."""
    items = _unled(list(items))
    best: set[str] | None = None
    run: set[str] | None = None  # the expansion of the run of expandable items so far

    def better(found: set[str] | None) -> None:
        nonlocal best
        if found and all(n for n in found) and (best is None or _rank(found) > _rank(best)):
            best = found

    for op, av in items:
        grown = _expand_item(op, av)
        if grown is not None:
            run = grown if run is None else _product(run, grown)
            if run is None:  # too many strings: a new run from this item
                run = grown
            better(run)
            continue
        run = None
        better(_item_need(op, av))
    return best


def _unled(items: list[Any]) -> list[Any]:
    """`_lead.led`'s shape read as the words it stands for: a class, zero-width items, then an
    alternation whose every branch starts with a lookbehind of one character (the one the class
    consumed) becomes the zero-width items and the alternation with each lookbehind made the
    literal it asks for."""
    for i, (op, _) in enumerate(items):
        if op is not sre.IN:
            continue
        j = i + 1
        while j < len(items) and items[j][0] in (sre.AT, sre.ASSERT_NOT):
            j += 1
        if j == len(items):
            return items
        op, av = items[j]
        if op is sre.SUBPATTERN and len(av[3]) == 1 and av[3][0][0] is sre.BRANCH:
            op, av = av[3][0]
        if op is not sre.BRANCH:
            continue
        alts = []
        for alt in av[1]:
            first = alt[0] if len(alt) else None
            if first is None or first[0] is not sre.ASSERT or first[1][0] != -1:
                break
            consumed = _expand(first[1][1])
            if consumed is None or any(len(c) != 1 for c in consumed):
                break
            alts.append([(sre.IN, [(sre.LITERAL, ord(c)) for c in sorted(consumed)]), *list(alt)[1:]])
        else:
            return [*items[:i], *items[i + 1 : j], (sre.BRANCH, (None, alts)), *items[j + 1 :]]
    return items


def _rank(found: set[str]) -> tuple[bool, int, int]:
    """Needles that `needles` keeps first, then the longest shortest one, then the fewest."""
    usable = all(len(n) >= MIN_LEN and all(map(plain, n)) for n in found)
    return usable, min(map(len, found)), -len(found)


def _product(a: set[str], b: set[str]) -> set[str] | None:
    if len(a) * len(b) > LIMIT:
        return None
    return {x + y for x, y in itertools.product(a, b)}


def _expand(items: Any) -> set[str] | None:
    """Every string a sequence matches (lower case), or None if they are not few and known."""
    out: set[str] | None = {""}
    for op, av in items:
        grown = _expand_item(op, av)
        if grown is None or out is None:
            return None
        out = _product(out, grown)
    return out


def _expand_item(op: Any, av: Any) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av).lower()}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}  # zero-width: what it asks of the text only narrows the matches
    if op is sre.IN:
        return _class(av)
    if op is sre.SUBPATTERN:
        return _expand(av[3])
    if op is sre.ATOMIC_GROUP:
        return _expand(av)
    if op is sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _expand(alt)
            if e is None:
                return None
            out |= e
        return out if len(out) <= LIMIT else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, body = av
        if hi > 1:
            return None
        e = _expand(body)
        return None if e is None else (e | {""} if lo == 0 else e)
    return None


def _class(av: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, v in av:
        if op is sre.LITERAL:
            chars.add(chr(v).lower())
        elif op is sre.RANGE and v[1] - v[0] < CLASS_LIMIT:
            chars.update(chr(c).lower() for c in range(v[0], v[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return chars if len(chars) <= CLASS_LIMIT else None


def _item_need(op: Any, av: Any) -> set[str] | None:
    """Needles of one item that does not expand: a group, an alternation, a repeated piece."""
    if op is sre.SUBPATTERN:
        return _need(av[3])
    if op is sre.ATOMIC_GROUP:
        return _need(av)
    if op is sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _need(alt)
            if not found:
                return None
            out |= found
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _need(av[2])
    return None


class NeedleScan:
    """Every needle (and literal trigger) seen so far, in one Aho-Corasick automaton
    (pyahocorasick) over `TextBatch.lower`: one pass gives, for each needle, the texts of a batch
    that hold it (`hits`, memoised on the batch). A needle first seen later makes a new automaton
    (a new object, swapped in whole: another thread may be scanning with the old one)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: dict[str, int] = {}
        self._automaton: Any = None

    def add(self, found: Iterable[str]) -> None:
        new = [n for n in found if n not in self._ids]
        if not new:
            return
        with self._lock:
            ids = dict(self._ids)
            for n in new:
                ids.setdefault(n, len(ids))
            automaton = ahocorasick.Automaton()
            for n, i in ids.items():
                automaton.add_word(n, (i, len(n)))
            automaton.make_automaton()
            self._automaton, self._ids = automaton, ids

    def texts_with(
        self, found: Iterable[str], lower: str, starts: Sequence[int], memo: dict[str, Any]
    ) -> set[int]:
        """The indices of the texts (starting at `starts` in `lower`) that hold one of `found`;
        `memo` is the batch's: the scan's hits per needle id, kept for the next caller."""
        found = list(found)
        self.add(found)
        automaton, ids = self._automaton, self._ids
        hits: dict[int, set[int]] | None = memo.get("hits")
        if hits is None or memo.get("automaton") is not automaton:
            hits = {}
            for end, (i, _) in automaton.iter(lower):
                hits.setdefault(i, set()).add(bisect.bisect_right(starts, end) - 1)
            memo["hits"], memo["automaton"] = hits, automaton
        out: set[int] = set()
        for n in found:
            out |= hits.get(ids[n], set())
        return out


SCAN = NeedleScan()
