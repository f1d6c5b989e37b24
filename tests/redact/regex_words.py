"""The words a regex of words matches, written out: to prove that a lower-case stem list used as a
trigger (`Detector.lower_trigger`) is found in every match of the case-insensitive word regexes
it stands for."""

from __future__ import annotations

import itertools
import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

OTHER = "\x01"
"""Stands for a character class (`\\s`, `\\W`, `.`): a stem must not need to cross it."""


def words(regex: str) -> set[str]:
    """Every string `regex` matches, each character class as `OTHER` and each unbounded repeat
    as its least count and one more; look-arounds and anchors match nothing. Raises on a regex
    with more than 100,000 of them."""
    return _seq(_parser.parse(regex))


def _seq(items: list[tuple[object, object]] | _parser.SubPattern) -> set[str]:
    out = {""}
    for op, av in items:
        here = _item(op, av)
        out = {a + b for a in out for b in here}
        if len(out) > 100_000:
            raise ValueError("too many words")
    return out


def _item(op: object, av: object) -> set[str]:
    if op is c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is c.IN:
        lits = [chr(v) for o, v in av if o is c.LITERAL]  # type: ignore[attr-defined]
        ranges = [r for o, r in av if o is c.RANGE]  # type: ignore[attr-defined]
        if len(lits) + len(ranges) != len(av) or any(o is c.NEGATE for o, _ in av):  # type: ignore[arg-type, attr-defined]
            return {OTHER}
        return set(lits) | {chr(x) for a, b in ranges for x in range(a, b + 1)}
    if op in (c.NOT_LITERAL, c.ANY, c.CATEGORY):
        return {OTHER}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    if op is c.BRANCH:
        return set().union(*(_seq(b) for b in av[1]))  # type: ignore[index]
    if op is c.SUBPATTERN:
        return _seq(av[-1])  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, sub = av  # type: ignore[misc]
        top = min(hi, lo + 1)
        body = _seq(sub)
        return {"".join(p) for n in range(lo, top + 1) for p in itertools.product(sorted(body), repeat=n)}
    raise ValueError(f"not a word regex: {op}")


def unfolded_letters(stems: list[str]) -> dict[str, list[str]]:
    """For each letter of `stems`: the characters `re`'s IGNORECASE matches to it that
    `str.lower` does not lower to it (the characters `TextBatch.lower` must not rely on)."""
    everything = "".join(chr(x) for x in range(0x110000) if not 0xD800 <= x < 0xE000)
    out: dict[str, list[str]] = {}
    for letter in sorted({ch for s in stems for ch in s if ch.isalpha()}):
        odd = [ch for ch in re.findall(f"(?i){re.escape(letter)}", everything) if ch.lower() != letter]
        if odd:
            out[letter] = odd
    return out
