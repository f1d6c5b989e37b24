"""Shared checks for the detector tables: which substrings a redactor (or detector) flags."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from demotrace.redact import TextRedactor, registry
from demotrace.redact.detectors._base import Detector
from demotrace.redact.evaluate import PRIVATE_TYPES, evaluate, load_samples

DATA = Path(__file__).parent / "data"

RULES = registry.build([n for n in registry.names() if n != "model"])
# The detector tables test the rules; the character model is measured on the held-out sets
# (test_model.py) and on the negatives with the whole engine (test_negatives.py).
_PLAIN = TextRedactor(detectors=RULES)


def flagged(text: str, kind: str | None = None, redactor: TextRedactor | None = None) -> list[str]:
    r = (redactor or _PLAIN).redact(text)
    assert not r.dropped, r.reason
    return [text[f.start : f.end] for f in r.findings if kind is None or f.kind == kind]


@functools.cache
def _engine() -> TextRedactor:
    return TextRedactor()


def masked(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each finding of the whole engine, the rules and the model."""
    return [(f.kind, text[f.start : f.end]) for f in _engine().redact(text).findings]


def redacted(text: str) -> str:
    """The whole engine's output text (the item not dropped)."""
    out = _engine().redact(text).text
    assert out is not None, text
    return out


def covered(text: str) -> str:
    """The text of every finding of the whole engine, joined: what a value must lie in to be gone."""
    return "".join(t for _, t in masked(text))


def found_runs(text: str) -> list[str]:
    """The text of each finding of the whole engine, one item each (the pass files' `covered`)."""
    return [text[f.start : f.end] for f in _engine().redact(text).findings]


def all_masked(text: str, value: str) -> bool:
    """Every character of `value` (its first place in `text`) lies in a finding of the whole
    engine."""
    at = text.index(value)
    return all(coverage(text, _engine())[at : at + len(value)])


def detected(det: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in det.detect(text)]


def batch_corpus(shared_dir: Path, extra: Sequence[str] = ()) -> list[str]:
    """The held-out texts, the presidio fixture and `extra`; then each of their lines, and all of
    them lower- and upper-cased: the batch the trigger and gate tests compare `detect` on."""
    out: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        out += [s.text for s in load_samples(DATA / "heldout" / f"{kind}.json")]
    fixture = shared_dir / "fixtures" / "presidio-research" / "generated_small.json"
    out += [s.text for s in load_samples(fixture)]
    out += extra
    lines = [line for t in out for line in t.split("\n")]
    return out + lines + [t.lower() for t in out] + [t.upper() for t in out]


def coverage(text: str, red: TextRedactor) -> list[bool]:
    """Whether each character of `text` is masked by `red` (all of them where the text is dropped)."""
    out = red.redact(text)
    cov = [out.dropped] * len(text)
    for f in out.findings:
        cov[f.start : f.end] = [True] * (f.end - f.start)
    return cov


def secret_figures(items: Sequence[dict[str, Any]], red: TextRedactor) -> tuple[float, int, int]:
    """(the share of SECRET characters a redactor covers, clean snippets it touches, clean snippets)
    of a secrets set: the figures of the issue's goal (≥ 90 %, ≤ 15 % of clean snippets)."""
    secret = caught = touched = clean = 0
    for item in items:
        cov = coverage(item["full_text"], red)
        for s in item["spans"]:
            if s["entity_type"] == "SECRET":
                a, b = s["start_position"], s["end_position"]
                secret += b - a
                caught += sum(cov[a:b])
        if not item["spans"]:
            clean += 1
            touched += any(cov)
    return caught / secret, touched, clean


def title_figures(items: Sequence[dict[str, Any]], red: TextRedactor) -> tuple[int, int]:
    """(titles whose every private span a redactor covers (90 % of its characters), harmless titles
    it touches) of a window titles set: the figures of the issue's goal (≥ 90 %, ≤ 3 of 15)."""
    caught = touched = 0
    for item in items:
        cov = coverage(item["full_text"], red)
        spans = [
            (s["start_position"], s["end_position"])
            for s in item["spans"]
            if s["entity_type"] in PRIVATE_TYPES
        ]
        if spans:
            caught += all(sum(cov[a:b]) >= 0.9 * (b - a) for a, b in spans)
        else:
            touched += any(cov)
    return caught, touched


HELDOUT = Path(__file__).parent / "data" / "heldout"


def heldout_items(name: str) -> list[dict[str, Any]]:
    """The items of the held-out set `name` (tests/redact/data/heldout/)."""
    items: list[dict[str, Any]] = json.loads((HELDOUT / name).read_text(encoding="utf-8"))
    return items


def topic_hits(name: str) -> dict[tuple[str, str], int]:
    """Lines dropped as their own topic (or at all, for "none") per (topic, kind) of a held-out
    topic set, with the default policy's three topics."""
    items = heldout_items(name)
    out = TextRedactor(sensitive_topics=["health", "family", "immigration"]).redact_many(
        [i["text"] for i in items]
    )
    hit: dict[tuple[str, str], int] = {}
    for i, o in zip(items, out, strict=True):
        ok = o.dropped if i["topic"] == "none" else o.reason == f"sensitive_topic:{i['topic']}"
        hit[(i["topic"], i["kind"])] = hit.get((i["topic"], i["kind"]), 0) + ok
    return hit


def overall(name: str) -> dict[str, float]:
    """The overall figures (recall, precision, …) of the engine on a held-out set."""
    result: dict[str, float] = evaluate(load_samples(HELDOUT / name), TextRedactor())["overall"]
    return result
