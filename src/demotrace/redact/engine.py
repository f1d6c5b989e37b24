"""Text redaction engine (v0 placeholder: emails only; the redaction issue fills this in)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..schema import Finding

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str | None
    findings: tuple[Finding, ...] = ()
    dropped: bool = False
    reason: str | None = None


class TextRedactor:
    def __init__(self, confidential_terms: Iterable[str] = (), sensitive_topics: Iterable[str] = ()) -> None:
        self.confidential_terms = tuple(confidential_terms)
        self.sensitive_topics = tuple(sensitive_topics)

    def redact(self, text: str) -> Redacted:
        findings = tuple(Finding("EMAIL_ADDRESS", m.start(), m.end(), "email") for m in _EMAIL.finditer(text))
        out = text
        for f in reversed(findings):
            out = out[: f.start] + "[EMAIL]" + out[f.end :]
        return Redacted(out, findings)
