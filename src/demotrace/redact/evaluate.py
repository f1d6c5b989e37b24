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
        out.append(Sample(text, spans))
    return out


def _mask(n: int, ranges: Sequence[tuple[int, int]]) -> bytearray:
    m = bytearray(n)
    for s, e in ranges:
        m[s:e] = b"\x01" * (e - s)
    return m


def evaluate(samples: Sequence[Sample], redactor: TextRedactor) -> dict[str, Any]:
    priv_total = priv_hit = red_total = red_in_gold = caught = 0
    per_type: dict[str, list[int]] = {}  # kind → [chars, covered, spans]
    t0 = time.perf_counter()
    results = [redactor.redact(s.text) for s in samples]
    seconds = time.perf_counter() - t0
    for s, r in zip(samples, results, strict=True):
        n = len(s.text)
        red = _mask(n, [(0, n)] if r.dropped else [(f.start, f.end) for f in r.findings])
        gold_any = _mask(n, [(g.start, g.end) for g in s.spans])
        red_total += sum(red)
        red_in_gold += sum(a & b for a, b in zip(red, gold_any, strict=True))
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
        priv_total += sum(priv_mask)
        priv_hit += sum(a & b for a, b in zip(red, priv_mask, strict=True))
        caught += all_ok
    recall = priv_hit / priv_total if priv_total else 1.0
    precision = red_in_gold / red_total if red_total else 1.0
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    return {
        "samples": len(samples),
        "overall": {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f2": round(f2, 4),
            "all_caught": round(caught / len(samples), 4) if samples else 1.0,
        },
        "entities": {
            k: {"recall": round(v[1] / v[0], 4) if v[0] else 1.0, "spans": v[2]}
            for k, v in sorted(per_type.items())
        },
        "seconds": round(seconds, 3),
    }
