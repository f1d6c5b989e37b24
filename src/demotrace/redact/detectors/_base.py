"""The detector interface: a detector finds spans of one or more kinds; it never rewrites text.

The shape follows presidio-analyzer's `EntityRecognizer`/`PatternRecognizer`: a detector is data
(patterns) plus an optional `validate()` hook (a checksum) that keeps or drops a regex match.
Detectors are stateless after construction, so one instance is shared by every thread.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, NamedTuple

from ._needles import MIN_LEN, SCAN, needles, plain


class Span(NamedTuple):
    """A detector's hit: offsets into the text it was given, never the matched text itself."""

    kind: str
    start: int
    end: int
    score: float = 1.0


Trigger = re.Pattern[str] | str | tuple[re.Pattern[str] | str, ...] | None
"""A regex, or a literal string (found with `str.find`, faster than any regex scan), or several."""


class Detector:
    """Base class. Subclasses set `name` and `kinds` and implement `detect`."""

    name: ClassVar[str] = "detector"
    kinds: ClassVar[tuple[str, ...]] = ()
    trigger: ClassVar[Trigger] = None
    """Regexes or literals of which one matches somewhere in every text `detect` finds anything in (a
    necessary condition: "@" for an e-mail address). Each matches a newline only as its first
    character, and its only look-arounds are `\\b`, a lookahead on characters it then consumes
    and a lookbehind that a newline fails, so that a match in a text (the newline before it
    included) is one in the batch joined by newlines (`TextBatch.joined`) and the reverse;
    tests/redact/test_triggers.py checks each on the held-out texts, the fixture, synthetic
    texts and the bench pages."""
    lower_trigger: ClassVar[Trigger] = None
    """Like `trigger`, but searched case-sensitively in the lower-cased batch (`TextBatch.lower`):
    lower-case stems that stand for case-insensitive words. A text that holds either is
    triggered; so is every text `TextBatch.lower` could not lower-case faithfully."""

    needs_digit: ClassVar[bool] = False
    """Every text `detect` finds anything in holds a `\\d` digit: on a batch, only the texts that
    do (`TextBatch.with_digit`, one search shared by every such detector) are searched for the
    triggers, or all of them passed to `detect` for a detector without triggers."""

    def detect(self, text: str) -> Iterable[Span]:
        raise NotImplementedError

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`[list(detect(t)) for t in texts]`, with `detect` called only on the texts that
        `triggered_in` gives; a detector that batches (the model) overrides it."""
        if (self.trigger is None and self.lower_trigger is None and not self.needs_digit) or len(texts) < 2:
            return [list(self.detect(t)) for t in texts]
        out: list[list[Span]] = [[] for _ in texts]
        for i in self.triggered_in(texts):
            out[i] = list(self.detect(texts[i]))
        return out

    def triggered_in(self, texts: Sequence[str]) -> list[int]:
        """The indices of the texts that hold a `trigger` or a `lower_trigger` (and a digit, if
        `needs_digit`), in order; without triggers, every text (with a digit)."""
        batch = TextBatch.of(texts)
        digits = batch.with_digit if self.needs_digit else None
        if digits is not None:
            keep, sub = digits
            return [keep[i] for i in self._triggered_in(sub)]
        return self._triggered_in(batch)

    def _triggered_in(self, batch: TextBatch) -> list[int]:
        if self.trigger is None and self.lower_trigger is None:
            return list(range(len(batch)))
        found: set[int] = set()
        for rx in _patterns(self.trigger):
            found.update(triggered(rx, batch))
        lower = _patterns(self.lower_trigger)
        if lower:
            found.update(batch.unlowered)
        for rx in lower:
            found.update(triggered(rx, batch, lowered=True))
        return sorted(found)


def _patterns(trigger: Trigger) -> tuple[re.Pattern[str] | str, ...]:
    if trigger is None:
        return ()
    return trigger if isinstance(trigger, tuple) else (trigger,)


_DIGIT = re.compile(r"\d")
NEEDLE_SCAN_CHARS = 2048  # a batch this long or longer is searched for the triggers' needles first

# characters that `re`'s IGNORECASE matches to an ASCII letter but `str.lower` does not lower to
# it: İ and ı (i), ſ (s); İ is also the only character that lowers to two (tests/redact/test_triggers.py
# checks every code point against the letters of every `lower_trigger`)
_UNFOLDED = re.compile("[\u0130\u0131\u017f]")


# characters an ASCII-flagged regex reads as the same regex without the flag does, but for these
# (`TextBatch.odd`): whatever lies beyond ASCII (`\w`, `\d`, case folding) and the information
# separators, which only a Unicode `\s` matches
_SEPARATORS = "\x1c\x1d\x1e\x1f"
_ODD_CHAR = re.compile("[^\x00-\x1b\x20-\x7f]")
_TWINS: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def ascii_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """`rx` compiled with `re.ASCII`: on a text of `TextBatch.odd`'s plain characters it finds the
    same matches, 15-45 % sooner (`\\w`, `\\d` and their classes are a table lookup instead of
    Unicode's); None where the pattern cannot take the flag. Memoised per pattern."""
    twin = _TWINS.get(rx, rx)
    if twin is rx:
        try:
            twin = re.compile(rx.pattern, (rx.flags & ~re.UNICODE) | re.ASCII)
        except (re.error, ValueError):
            twin = None
        _TWINS[rx] = twin
    return twin


class BatchWords(NamedTuple):
    """A batch's words (`TextBatch.words`): word k is `raw[k]`, from `offs[2k]` to `offs[2k + 1]`
    in `TextBatch.joined` (`offs`: the running ends of the gaps and words the split gave, the last
    the batch's end); the words of text i are those from `first[i]` to `first[i + 1]`."""

    raw: list[str]
    offs: list[int]
    first: list[int]


class TextBatch(tuple[str, ...]):
    """The texts of one `redact_many` call, joined once for every detector's trigger search:
    `joined` is each text preceded by a newline, `starts` where each starts in it, `lower` the
    same lower-cased offset for offset. The engine hands the detectors one `TextBatch`, so the
    joins are not redone per detector (`of` wraps any other sequence)."""

    @classmethod
    def of(cls, texts: Sequence[str]) -> TextBatch:
        return texts if isinstance(texts, TextBatch) else cls(texts)

    @cached_property
    def joined(self) -> str:
        return "\n" + "\n".join(self)

    @cached_property
    def starts(self) -> list[int]:
        return list(itertools.accumulate((len(t) + 1 for t in self[:-1]), initial=1))

    @cached_property
    def with_digit(self) -> tuple[tuple[int, ...], TextBatch] | None:
        """The indices of the texts that hold a `\\d` digit, and those texts as a batch; None
        where they are more than a third of the batch (from a tenth of it on, in characters):
        there each rule's triggers search the whole batch, which costs less than this scan
        followed by searches of a batch almost as long (PII-dense lines: every other one)."""
        joined, starts = self.joined, self.starts
        keep: list[int] = []
        held = 0  # characters of the texts kept
        pos = 0
        while (m := _DIGIT.search(joined, pos)) is not None:
            i = bisect.bisect_right(starts, m.start()) - 1
            keep.append(i)
            held += len(self[i]) + 1
            pos = starts[i] + len(self[i])
            if 3 * held > pos and 10 * pos > len(joined):
                return None
        return tuple(keep), TextBatch(self[i] for i in keep)

    def words(self, split: re.Pattern[str]) -> BatchWords:
        """The batch's words as `split` (a regex of one capturing group: the words) cuts `joined`,
        memoised per regex: the person and address gates cut the batch into the same words (no
        word holds a newline, so each text's words are its own), once instead of once each."""
        memo: dict[re.Pattern[str], BatchWords] = self.__dict__.setdefault("_words", {})
        found = memo.get(split)
        if found is None:
            parts = split.split(self.joined)
            offs = list(itertools.accumulate(map(len, parts)))
            n = len(parts) // 2
            first = [*map(bisect.bisect_left, itertools.repeat(offs[0 : 2 * n : 2]), self.starts), n]
            found = memo[split] = BatchWords(parts[1::2], offs, first)
        return found

    @cached_property
    def odd(self) -> tuple[tuple[int, ...], TextBatch]:
        """The indices of the texts with a character beyond ASCII or an information separator,
        and those texts as a batch: where `ascii_twin` could read otherwise (most page text has
        a few such lines, or none)."""
        if self.joined.isascii() and not any(c in self.joined for c in _SEPARATORS):
            return (), TextBatch()
        keep = tuple(_search(_ODD_CHAR, self.joined, self))
        return keep, TextBatch(self[i] for i in keep)

    @cached_property
    def unlowered(self) -> tuple[int, ...]:
        """The texts with a character of `_UNFOLDED`: blanked in `lower`, so always triggered."""
        if _UNFOLDED.search(self.joined) is None:
            return ()
        return tuple(i for i, t in enumerate(self) if _UNFOLDED.search(t))

    @cached_property
    def lower(self) -> str:
        """`joined.lower()`, but each text of `unlowered` replaced by as many NULs."""
        if not self.unlowered:
            return self.joined.lower()
        odd = set(self.unlowered)
        return "\n" + "\n".join("\0" * len(t) if i in odd else t.lower() for i, t in enumerate(self))


def triggered(
    trigger: re.Pattern[str] | str, texts: Sequence[str], *, lowered: bool = False, scan: bool = True
) -> list[int]:
    """The indices of the texts that hold a match of `trigger` (in the lower-cased texts if
    `lowered`): one search over the batch joined by newlines (a C loop over the whole batch
    instead of a Python call per text), resumed at the newline after each text found. A match is
    the text of its last character (its first may be the newline before the text).

    A regex is searched as its `ascii_twin` in the texts of plain characters and as itself in
    the few others (`TextBatch.odd`, where they are under a third of the batch): on a plain
    text the two find the same matches, and a match ends in the text that holds it."""
    batch = TextBatch.of(texts)
    if not batch:
        return []
    if scan and len(batch.joined) >= NEEDLE_SCAN_CHARS:  # (`scan`: False where `needled` calls)
        found = needled(trigger, batch, lowered)
        if found is not None:
            return found
    joined = batch.lower if lowered else batch.joined
    starts = batch.starts
    out: list[int] = []
    pos = 0
    if isinstance(trigger, str):  # a literal: no newline in it, and its start is in the text
        while (p := joined.find(trigger, pos)) >= 0:
            i = bisect.bisect_right(starts, p) - 1
            out.append(i)
            pos = starts[i] + len(batch[i])
        return out
    odd, odd_batch = batch.odd
    twin = ascii_twin(trigger) if 3 * len(odd) < len(batch) else None
    out = _search(trigger if twin is None else twin, joined, batch)
    if twin is None or not odd:
        return out
    skip = set(odd)  # the twin's verdict on these does not count: they are searched as they are
    out = [i for i in out if i not in skip]
    out += [odd[k] for k in triggered(trigger, odd_batch, lowered=lowered, scan=False)]  # all odd: no twin
    return sorted(out)


_PRELOADED: list[bool] = []


def _needles_of(trigger: re.Pattern[str] | str) -> frozenset[str] | None:
    if isinstance(trigger, str):
        low = trigger.lower()
        return frozenset((low,)) if len(low) >= MIN_LEN and all(map(plain, low)) else None
    return needles(trigger)


def _preload_needles() -> None:
    """Every rule's trigger needles in the scan's automaton at once, before the first scan: a
    needle first seen later makes a new automaton and a new scan of the batch (50 of them on the
    first page, 0.23 s, where all are known at once)."""
    found: set[str] = set()
    todo: list[type[Detector]] = [Detector]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        for trigger in (*_patterns(cls.trigger), *_patterns(cls.lower_trigger)):
            found |= _needles_of(trigger) or set()
    SCAN.add(found)
    _PRELOADED.append(True)


def needled(trigger: re.Pattern[str] | str, batch: TextBatch, lowered: bool) -> list[int] | None:
    """`triggered`, searched only in the texts that hold one of the trigger's needles
    (`_needles`: one Aho-Corasick pass over the batch finds every trigger's), and in those whose
    lower case `TextBatch.lower` blanks; None where the trigger has no needles or they are in a
    third of the batch or more (the plain search costs less there)."""
    found = _needles_of(trigger)
    if found is None:
        return None
    if not _PRELOADED:
        _preload_needles()
    memo: dict[str, object] = batch.__dict__.setdefault("_needle_hits", {})
    chosen = SCAN.texts_with(found, batch.lower, batch.starts, memo)
    if not (lowered and isinstance(trigger, str)):
        chosen.update(batch.unlowered)
    if 3 * len(chosen) >= len(batch):
        return None
    order = sorted(chosen)
    if isinstance(trigger, str):
        if lowered:  # the scan found this literal itself
            return order
        return [i for i in order if trigger in batch[i]]
    sub = TextBatch(batch[i] for i in order)
    return [order[k] for k in triggered(trigger, sub, lowered=lowered, scan=False)]


def _search(rx: re.Pattern[str], joined: str, batch: TextBatch) -> list[int]:
    """`triggered`'s search of `rx` in `joined` (the batch's text or its lower case)."""
    starts = batch.starts
    out: list[int] = []
    pos = 0
    while (m := rx.search(joined, pos)) is not None:
        i = bisect.bisect_right(starts, max(m.start(), m.end() - 1)) - 1
        out.append(i)
        pos = starts[i] + len(batch[i])
    return out


def grown(
    text: str, start: int, end: int, joiners: str = "", joiners_after: str | None = None
) -> tuple[int, int]:
    """`(start, end)` grown over the letters, digits and `joiners` on each side (`joiners_after`
    after the span, where they differ): the whole word, token or value a hit lies in."""
    after = joiners if joiners_after is None else joiners_after
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in joiners):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in after):
        end += 1
    return start, end


def text_starts(texts: Sequence[str]) -> list[int]:
    """Where each text starts in `texts` joined by a one-character separator; the text a match
    at `p` lies in is `bisect.bisect_right(starts, p) - 1`."""
    return [0, *itertools.accumulate(len(t) + 1 for t in texts[:-1])]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One regex with the score its match gets; `group` selects the part that is private."""

    name: str
    regex: re.Pattern[str]
    score: float = 1.0
    group: int | str = 0


class PatternDetector(Detector):
    """A detector made of patterns; override `validate` for a checksum, `prefilter` for speed."""

    kind: ClassVar[str] = ""
    patterns: ClassVar[Sequence[Pattern]] = ()
    trim_separators: ClassVar[str] = ""
    """When a match fails `validate`, retry it cut back at each of these characters (right to left):
    a greedy match may have swallowed a following number group."""

    def prefilter(self, text: str) -> bool:
        """Cheap test run first; False means no pattern can match."""
        return True

    def validate(self, match: str) -> bool:
        return True

    def detect(self, text: str) -> Iterable[Span]:
        if not self.prefilter(text):
            return []
        out: list[Span] = []
        for p in self.patterns:
            for m in p.regex.finditer(text):
                s, e = m.span(p.group)
                if s >= e:
                    continue
                end = self._valid_end(text, s, e)
                if end is not None:
                    out.append(Span(self.kind, s, end, p.score))
        return out

    def _valid_end(self, text: str, s: int, e: int) -> int | None:
        if self.validate(text[s:e]):
            return e
        if not self.trim_separators:
            return None
        for i in range(e - 1, s, -1):
            if text[i] in self.trim_separators and self.validate(text[s:i]):
                return i
        return None


_OPEN = re.compile(r"\((?:\?[a-z]*:)?")
_ANCHOR = "\\b"


def first_chars(alternation: str) -> str:
    """Every character an alternative of `alternation` (a regex of words joined by `|`) can start
    with, in lower case: a literal letter, an escaped literal, or the starts of a group that is not
    optional; a `\\b` before them is skipped. Anything else raises (the caller's regex is then not
    one this guard is sure of)."""
    out: set[str] = set()
    opened_at_start: list[bool] = []  # per open group: does it start an alternative?
    at_start = True
    i = 0
    while i < len(alternation):
        c = alternation[i]
        if at_start:
            if alternation.startswith(_ANCHOR, i):
                i += 2
                continue
            m = _OPEN.match(alternation, i)
            if m:
                close = _group_end(alternation, i)
                if alternation[close + 1 : close + 2] in ("?", "*", "{"):
                    raise ValueError(f"an optional group starts an alternative: {alternation[i : close + 2]}")
                opened_at_start.append(True)
                i = m.end()
                continue
            if c == "\\":
                c = alternation[i + 1]
                if c.isalnum():
                    raise ValueError(f"a class starts an alternative: \\{c}")
                i += 1
            elif c in "[.^$|)?*+{":
                raise ValueError(f"{c!r} starts an alternative in {alternation!r}")
            out.add(c.lower())
            at_start = False
            i += 1
            continue
        if c == "\\":
            i += 2
            continue
        if c == "|":
            at_start = opened_at_start[-1] if opened_at_start else True
        elif c == "(":
            opened_at_start.append(False)
            m = _OPEN.match(alternation, i)
            i = m.end() if m else i + 1
            continue
        elif c == ")":
            opened_at_start.pop()
        i += 1
    if at_start:
        raise ValueError(f"an empty alternative in {alternation!r}")
    return "".join(sorted(out))


def _group_end(rx: str, i: int) -> int:
    depth = 0
    while i < len(rx):
        if rx[i] == "\\":
            i += 2
            continue
        if rx[i] == "(":
            depth += 1
        elif rx[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {rx!r}")


def _top_level(alternation: str) -> list[str]:
    """The alternatives of `alternation` at depth 0."""
    out, depth, last, i = [], 0, 0, 0
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(alternation[last:i])
            last = i + 1
        i += 1
    out.append(alternation[last:])
    return out


def _by_first_letter(alternation: str) -> str:
    """The alternatives grouped by their first letter, in their order within a group:
    `street|st|road` → `s(?:treet|t)|road`. At a given position only alternatives that start with
    the same letter can match, so the first that matches is the same one; the regex engine then
    enters one group per position instead of every alternative. Left as it is when an
    alternative does not start with a letter (or its letter is quantified), or two first letters
    fold to each other."""
    alts = _top_level(alternation)
    if not all(a[:1].isalpha() and a[1:2] not in ("?", "*", "+", "{") for a in alts):
        return alternation
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0].lower(), []).append(a[1:])
    keys = list(groups)
    folds = [re.compile(f"(?i:{re.escape(k)})") for k in keys]
    if any(i != j and f.fullmatch(k) for i, f in enumerate(folds) for j, k in enumerate(keys)):
        return alternation
    parts = [k + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]) for k, rest in groups.items()]
    return "|".join(parts)


def guarded(alternation: str) -> str:
    """`(?i:alternation)` behind a lookahead on the characters its alternatives can start with
    (case-insensitive too), its alternatives grouped by first letter: the same matches, but the
    regex engine tries the alternatives only where one can begin. Python's `re` skips a
    case-sensitive literal alternative on its first character, never a case-insensitive one:
    each is entered and fails, ~100 times per position for the street-word lists
    (tests/redact/test_guards.py checks every guarded regex)."""
    starts = "".join("\\" + c if c in "\\]^-[" else c for c in first_chars(alternation))
    return f"(?=(?i:[{starts}]))(?i:{_by_first_letter(alternation)})"
