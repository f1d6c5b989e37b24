"""Shared checks for the detector tables: which substrings a redactor (or detector) flags."""

from __future__ import annotations

from demotrace.redact import TextRedactor, registry
from demotrace.redact.detectors._base import Detector

RULES = registry.build([n for n in registry.names() if n != "model"])
# The detector tables test the rules; the character model is measured on the held-out sets
# (test_model.py) and on the negatives with the whole engine (test_negatives.py).
_PLAIN = TextRedactor(detectors=RULES)


def flagged(text: str, kind: str | None = None, redactor: TextRedactor | None = None) -> list[str]:
    r = (redactor or _PLAIN).redact(text)
    assert not r.dropped, r.reason
    return [text[f.start : f.end] for f in r.findings if kind is None or f.kind == kind]


def detected(det: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in det.detect(text)]
