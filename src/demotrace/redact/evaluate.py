"""Scoring of the text redactor on labelled data (DESIGN.md, "Measuring redaction").

Input: presidio-research's JSON, a list of `{"full_text", "spans": [{"entity_type",
"start_position", "end_position"}]}`. Scored as characters, whatever label the redactor gives:
recall is the share of characters inside gold spans of the private types that the redactor
covered; precision the share of redacted characters inside any gold span; F2 weighs recall twice;
all_caught is the share of samples whose private spans were each covered to at least 90 %.
A dropped item counts as wholly redacted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .engine import TextRedactor

PRIVATE_TYPES = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "STREET_ADDRESS",
        "CREDIT_CARD",
        "IBAN_CODE",
        "US_SSN",
        "IP_ADDRESS",
        "US_DRIVER_LICENSE",
        # beyond DESIGN.md's nine: what the held-out sets label (account ids, handles, secrets)
        "ACCOUNT_ID",
        "USERNAME",
        "SECRET",
    }
)
ALIASES = {"ADDRESS": "STREET_ADDRESS"}
CAUGHT = 0.9


@dataclass(frozen=True, slots=True)
class GoldSpan:
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    spans: tuple[GoldSpan, ...]
    language: str | None = None
    kind: str | None = None


def load_samples(path: Path) -> list[Sample]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UsageError(f"{path}: not a JSON file ({e})") from None
    if not isinstance(raw, list):
        raise UsageError(f"{path}: expected a JSON list of samples, got {type(raw).__name__}")
    out = []
    for i, item in enumerate(raw):
        try:
            text = item["full_text"]
            spans = tuple(
                GoldSpan(
                    ALIASES.get(s["entity_type"], s["entity_type"]),
                    int(s["start_position"]),
                    int(s["end_position"]),
                )
                for s in item.get("spans") or ()
            )
        except (KeyError, TypeError, ValueError) as e:
            raise UsageError(f"{path}: sample {i} lacks full_text/spans fields ({e})") from None
        if not isinstance(text, str) or any(not 0 <= s.start <= s.end <= len(text) for s in spans):
            raise UsageError(f"{path}: sample {i} has a span outside its text")
        lang, kind = item.get("language"), item.get("kind")
        out.append(Sample(text, spans, str(lang) if lang else None, str(kind) if kind else None))
    return out


def _mask(n: int, ranges: Sequence[tuple[int, int]]) -> bytearray:
    m = bytearray(n)
    for s, e in ranges:
        m[s:e] = b"\x01" * (e - s)
    return m


@dataclass(slots=True)
class _Tally:
    """Character counts of one group of samples."""

    samples: int = 0
    priv_total: int = 0
    priv_hit: int = 0
    red_total: int = 0
    red_in_gold: int = 0
    caught: int = 0
    clean: int = 0
    clean_touched: int = 0

    def add(self, other: _Tally) -> None:
        for f in _Tally.__slots__:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def scores(self) -> dict[str, float]:
        recall = self.priv_hit / self.priv_total if self.priv_total else 1.0
        precision = self.red_in_gold / self.red_total if self.red_total else 1.0
        f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f2": round(f2, 4),
            "all_caught": round(self.caught / self.samples, 4) if self.samples else 1.0,
        }

    def group(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            **self.scores(),
            "clean": self.clean,
            "clean_touched": self.clean_touched,
        }


def _score_one(s: Sample, red: bytearray, per_type: dict[str, list[int]]) -> _Tally:
    n = len(s.text)
    gold_any = _mask(n, [(g.start, g.end) for g in s.spans])
    t = _Tally(samples=1)
    t.red_total = sum(red)
    t.red_in_gold = sum(a & b for a, b in zip(red, gold_any, strict=True))
    all_ok = True
    priv = [g for g in s.spans if g.kind in PRIVATE_TYPES]
    for g in priv:
        covered = sum(red[g.start : g.end])
        length = g.end - g.start
        stats = per_type.setdefault(g.kind, [0, 0, 0])
        stats[0] += length
        stats[1] += covered
        stats[2] += 1
        if length and covered < CAUGHT * length:
            all_ok = False
    priv_mask = _mask(n, [(g.start, g.end) for g in priv])
    t.priv_total = sum(priv_mask)
    t.priv_hit = sum(a & b for a, b in zip(red, priv_mask, strict=True))
    t.caught = int(all_ok)
    if not s.spans:
        t.clean, t.clean_touched = 1, int(t.red_total > 0)
    return t


def evaluate(samples: Sequence[Sample], redactor: TextRedactor) -> dict[str, Any]:
    """DESIGN.md's report; `languages` / `kinds` break it down when the samples carry `language` /
    `kind` (each group adds `clean`: samples without gold spans, and `clean_touched`). The samples
    are redacted in one batch (`redact_many`: the same results as one by one, in less time)."""
    per_type: dict[str, list[int]] = {}  # kind → [chars, covered, spans]
    t0 = time.perf_counter()
    results = redactor.redact_many([s.text for s in samples])
    seconds = time.perf_counter() - t0
    total = _Tally()
    by_lang: dict[str, _Tally] = {}
    by_kind: dict[str, _Tally] = {}
    for s, r in zip(samples, results, strict=True):
        n = len(s.text)
        red = _mask(n, [(0, n)] if r.dropped else [(f.start, f.end) for f in r.findings])
        one = _score_one(s, red, per_type)
        total.add(one)
        if s.language:
            by_lang.setdefault(s.language, _Tally()).add(one)
        if s.kind:
            by_kind.setdefault(s.kind, _Tally()).add(one)
    report: dict[str, Any] = {
        "samples": len(samples),
        "overall": total.scores(),
        "entities": {
            k: {"recall": round(v[1] / v[0], 4) if v[0] else 1.0, "spans": v[2]}
            for k, v in sorted(per_type.items())
        },
        "seconds": round(seconds, 3),
    }
    if by_lang:
        report["languages"] = {k: v.group() for k, v in sorted(by_lang.items())}
    if by_kind:
        report["kinds"] = {k: v.group() for k, v in sorted(by_kind.items())}
    return report
