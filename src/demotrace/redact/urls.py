"""URLs: keep scheme, host and port; redact path segments, query values and the fragment."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..schema import Finding

if TYPE_CHECKING:
    from .engine import Redacted, TextRedactor

_URL = re.compile(r"^(?P<head>[a-z][a-z0-9+.-]*://[^/?#]*)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_CREDENTIAL_KEYS = re.compile(
    r"(?i)^(?:.*(?:token|secret|passw|pwd|api[_-]?key|apikey|auth|session|sig|signature|code|otp|"
    r"key|credential|jwt|sid))$"
)
_PIECE = re.compile(r"[^/?#&=;]+")


def redact_url(redactor: TextRedactor, url: str) -> Redacted:
    from .engine import Redacted

    m = _URL.match(url)
    if m is None:
        return redactor.redact(url)
    # terms and topics are judged on the whole URL, words apart: /project/nightingale/ names one
    whole = redactor.policy_drop(re.sub(r"[/?#&=+_.-]+", " ", unquote(url)))
    if whole is not None:
        return Redacted(None, (), True, whole.reason)
    head = redactor.redact(m.group("head"))  # userinfo passwords, IP hosts
    if head.dropped:
        return head
    findings: list[Finding] = list(head.findings)
    out = [head.text or ""]
    rest = m.group("rest")
    base = m.end("head")
    pos = 0
    prev_key = ""
    for pm in _PIECE.finditer(rest):
        out.append(rest[pos : pm.start()])
        piece = pm.group()
        sep_after = rest[pm.end() : pm.end() + 1]
        is_value = pm.start() > 0 and rest[pm.start() - 1] == "="
        if is_value and _CREDENTIAL_KEYS.match(prev_key):
            findings.append(Finding("SECRET", base + pm.start(), base + pm.end(), "url"))
            out.append("[SECRET]")
        else:
            decoded = unquote(piece.replace("+", " "))
            r = redactor.redact(decoded)
            if r.dropped:
                return Redacted(None, tuple(r.findings), True, r.reason)
            if r.findings:
                findings.append(Finding(r.findings[0].kind, base + pm.start(), base + pm.end(), "url"))
                out.append(r.text or "")
            else:
                out.append(piece)
        if sep_after == "=":
            prev_key = piece
        pos = pm.end()
    out.append(rest[pos:])
    return Redacted("".join(out), tuple(findings))
