"""The detector interface: a detector finds spans of one or more kinds; it never rewrites text.

The shape follows presidio-analyzer's `EntityRecognizer`/`PatternRecognizer`: a detector is data
(patterns) plus an optional `validate()` hook (a checksum) that keeps or drops a regex match.
Detectors are stateless after construction, so one instance is shared by every thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, NamedTuple


class Span(NamedTuple):
    """A detector's hit: offsets into the text it was given, never the matched text itself."""

    kind: str
    start: int
    end: int
    score: float = 1.0


class Detector:
    """Base class. Subclasses set `name` and `kinds` and implement `detect`."""

    name: ClassVar[str] = "detector"
    kinds: ClassVar[tuple[str, ...]] = ()

    def detect(self, text: str) -> Iterable[Span]:
        raise NotImplementedError

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`[list(detect(t)) for t in texts]`; a detector that batches (the model) overrides it."""
        return [list(self.detect(t)) for t in texts]


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
