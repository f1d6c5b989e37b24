"""Operators rewrite text from findings; they never detect (presidio-anonymizer's split).

`replace` swaps every merged span for a typed placeholder that does not reveal the length
(`[EMAIL]`, never `*****`). Frame pixels are masked by `demotrace.redact.image.mask_boxes`, and
items that must not be kept at all are dropped by the engine (`Redacted.dropped`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from ..schema import Finding
from .detectors._file_names import name_widened, named_file, stem_end

PLACEHOLDERS: dict[str, str] = {
    "EMAIL_ADDRESS": "[EMAIL]",
    "PHONE_NUMBER": "[PHONE]",
    "CREDIT_CARD": "[CARD]",
    "IBAN_CODE": "[IBAN]",
    "US_SSN": "[SSN]",
    "IP_ADDRESS": "[IP]",
    "STREET_ADDRESS": "[ADDRESS]",
    "PERSON": "[PERSON]",
    "SECRET": "[SECRET]",
    "US_DRIVER_LICENSE": "[LICENSE]",
    "USERNAME": "[USERNAME]",
    "CONFIDENTIAL": "[REDACTED]",
}
DEFAULT_PLACEHOLDER = "[REDACTED]"

# When spans of different kinds overlap, the merged span takes the kind ranked first here.
PRIORITY: tuple[str, ...] = (
    "SECRET",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "EMAIL_ADDRESS",
    "IP_ADDRESS",
    "US_DRIVER_LICENSE",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "USERNAME",
    "PERSON",
)


def placeholder(kind: str) -> str:
    return PLACEHOLDERS.get(kind, DEFAULT_PLACEHOLDER)


def _rank(kind: str) -> int:
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


_RANKS = {kind: i for i, kind in enumerate(PRIORITY)}

Hit = tuple[str, int, int, str, float]
"""A detector's span as the engine collects it: kind, start, end, detector, score."""


def _start_longest(h: Hit) -> tuple[int, int]:
    return h[1], -h[2]


_CHECKED = ("IBAN_CODE", "CREDIT_CARD")  # found by their checksums: the rule's span is exact


def without_model_overreach(hits: list[Hit]) -> list[Hit]:
    """`hits` less the model's spans of another kind that overlap a checksummed value's: the rule
    found that value whole, and the model's span there is the same digits with the words before
    them ("Neue Bankverbindung DE46 3704" read as a street, the IBAN's words masked with it)."""
    checked = [(h[1], h[2]) for h in hits if h[0] in _CHECKED]
    if not checked:
        return hits
    return [
        h
        for h in hits
        if h[3] != "model" or h[0] in _CHECKED or not any(s < h[2] and h[1] < e for s, e in checked)
    ]


def merge_hits(hits: list[Hit]) -> list[Finding]:
    """`merge` of the findings `hits` stand for (sorts `hits` in place): the same findings, but
    a `Finding` is built only for each merged span (the engine calls this on every text of a
    page: building one per detector span first, and one more per overlap, was most of its own
    time on PII-dense lines)."""
    if len(hits) == 1:
        return [Finding(*hits[0])]
    hits.sort(key=_start_longest)
    out: list[Finding] = []
    worst = len(PRIORITY)
    kind, start, end, detector, score = hits[0]
    rank = _RANKS.get(kind, worst)
    for k, s, e, d, sc in itertools.islice(hits, 1, None):
        if s <= end:
            r = _RANKS.get(k, worst)
            if r < rank:
                kind, detector, rank = k, d, r
            if e > end:
                end = e
            if sc > score:
                score = sc
        else:
            out.append(Finding(kind, start, end, detector, score))
            kind, start, end, detector, score = k, s, e, d, sc
            rank = _RANKS.get(kind, worst)
    out.append(Finding(kind, start, end, detector, score))
    return out


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """Overlapping or touching findings become one, with the highest-priority kind and score."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if out and f.start <= out[-1].end:
            last = out[-1]
            kind_from = last if _rank(last.kind) <= _rank(f.kind) else f
            out[-1] = Finding(
                kind_from.kind,
                last.start,
                max(last.end, f.end),
                kind_from.detector,
                max(last.score, f.score),
            )
        else:
            out.append(f)
    return out


_JOINERS = "._-"
_HOST_END = re.compile(
    r"\.(?:[a-z]{2}|com|org|net|edu|gov|info|biz|io|dev|app|ai|cloud|local|internal|corp)$"
)
"""A handle ending so is a host name (`vpn.kowalski.com`), where a name is the organisation's."""


def _glued(text: str, i: int) -> bool:
    """text[i] is a handle's joiner between two letters or digits (`maria.gonzalez`, `mark_r`)."""
    return 0 < i < len(text) - 1 and text[i] in _JOINERS and text[i - 1].isalnum() and text[i + 1].isalnum()


def _reddit_prefix(text: str, f: Finding) -> bool:
    """A handle found right after Reddit's "u/" (at a word's start)."""
    return (
        f.kind in ("USERNAME", "SECRET", "PERSON")
        and f.start >= 2
        and text[f.start - 2 : f.start] == "u/"
        and (f.start == 2 or not (text[f.start - 3].isalnum() or text[f.start - 3] in "/._-"))
    )


def whole_handles(text: str, merged: list[Finding]) -> list[Finding]:
    """A name found inside a login name or handle (`maria.[PERSON]`, `[PERSON].demo`,
    `mark_[PERSON]`) widened to the whole handle: what is left beside the placeholder is the rest
    of the same person's handle. A handle is letters and digits joined by `.`, `_` or `-`; it ends
    at a space or any other mark (`/home/mark.r/x`: only `mark.r`). A host name is left as it is
    (`vpn.[PERSON].com`: measured on held-out code, the name there is not labelled a person's).
    `merged`: `merge`'s output."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if _reddit_prefix(text, f):  # "u/[USERNAME]": Reddit's prefix is the handle's
            if out is None:
                out = list(merged)
            out[n] = Finding(f.kind, f.start - 2, f.end, f.detector, f.score, f.bbox)
            continue
        if f.kind != "PERSON" or not (_glued(text, f.start - 1) or _glued(text, f.end)):
            continue
        start, end = f.start, f.end
        while start > 0 and (text[start - 1].isalnum() or _glued(text, start - 1)):
            start -= 1
        while end < len(text) and (text[end].isalnum() or _glued(text, end)):
            end += 1
        if _HOST_END.search(text, f.end, end):
            continue
        stem = stem_end(text, start, end)
        if named_file(text, start, stem):  # "Invoice_[PERSON]_2024.pdf": the name's parts only
            start, end = name_widened(text, start, stem, f.start, f.end)
        if out is None:
            out = list(merged)
        out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else merge(out)


def replace(text: str, merged: Sequence[Finding]) -> str:
    """`merged` must be sorted and non-overlapping (the output of `merge`)."""
    parts: list[str] = []
    pos = 0
    for f in merged:
        parts.append(text[pos : f.start])
        parts.append(placeholder(f.kind))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
