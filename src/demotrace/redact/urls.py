"""URLs: keep scheme, host and port; redact path segments, query values and the fragment.

The host is kept (it names the site, which the policy allowlisted) unless it is an IP address;
userinfo (`user:password@`) is redacted. Each path segment, query value and the fragment is
URL-decoded (`+`, `_` and, in segments without digits, `-` read as spaces: `Albert_Einstein`,
`priya-raman`) and passed through the redactor; a piece with a finding is replaced by the
redactor's output, URL-encoded again with placeholders left readable. Values of credential-like
keys (`token=`, `sig=`, `code=`) are `[SECRET]` whatever they look like; parameter names are kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from ..schema import Finding

if TYPE_CHECKING:
    from .engine import Redacted, TextRedactor

_URL = re.compile(r"^(?P<head>[a-z][a-z0-9+.-]*://[^/?#]*)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_CREDENTIAL_KEYS = re.compile(
    r"(?i)^(?:.*(?:token|secret|passw|pwd|api[_-]?key|apikey|auth|session|sig|signature|code|otp|"
    r"key|credential|jwt|sid))$"
)
_PIECE = re.compile(r"[^/?#&=;]+")
_HEAD_KINDS = frozenset({"SECRET", "EMAIL_ADDRESS", "IP_ADDRESS", "USERNAME"})


def redact_url(redactor: TextRedactor, url: str) -> Redacted:
    from .engine import Redacted

    m = _URL.match(url)
    if m is None:
        return redactor.redact(url)
    # terms and topics are judged on the whole URL, words apart: /project/nightingale/ names one
    whole = redactor.policy_drop(re.sub(r"[/?#&=+_.-]+", " ", unquote(url)))
    if whole is not None:
        return Redacted(None, (), True, whole.reason)
    head_text = m.group("head")
    head = redactor.redact(head_text)  # userinfo, passwords, IP hosts; not words of the host name
    if head.dropped:
        return head
    findings: list[Finding] = [f for f in head.findings if f.kind in _HEAD_KINDS]
    out = [_replace(head_text, findings)]
    rest = m.group("rest")
    base = m.end("head")
    pos = 0
    prev_key = ""
    for pm in _PIECE.finditer(rest):
        out.append(rest[pos : pm.start()])
        piece = pm.group()
        sep_after = rest[pm.end() : pm.end() + 1]
        is_value = pm.start() > 0 and rest[pm.start() - 1] == "="
        is_key = sep_after == "=" and rest[: pm.start()].rfind("?") >= 0
        if is_key:  # a parameter name is the site's vocabulary, not the person's data
            out.append(piece)
        elif is_value and _CREDENTIAL_KEYS.match(prev_key):
            findings.append(Finding("SECRET", base + pm.start(), base + pm.end(), "url"))
            out.append("[SECRET]")
        else:
            decoded = unquote(piece.replace("+", " ")).replace("_", " ")
            if not any(c.isdigit() for c in decoded):
                decoded = decoded.replace("-", " ")
            r = redactor.redact(decoded)
            if r.dropped:
                return Redacted(None, tuple(r.findings), True, r.reason)
            if r.findings:
                findings.append(Finding(r.findings[0].kind, base + pm.start(), base + pm.end(), "url"))
                # back to URL form, placeholders readable: q=hello%20[EMAIL]
                out.append(quote(r.text or "", safe="[]@:,;!*'()~"))
            else:
                out.append(piece)
        if sep_after == "=":
            prev_key = piece
        pos = pm.end()
    out.append(rest[pos:])
    return Redacted("".join(out), tuple(findings))


def _replace(text: str, findings: list[Finding]) -> str:
    from .operators import merge, replace

    return replace(text, merge(findings))
