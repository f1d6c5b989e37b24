"""A name's initial after it is the name's: "Meenakshi S.", "Bongani M.)", "Priya R:" — a found
first name followed by one capital and its dot, or by one capital that ends the line or the clause
(a chat's "~ Priya R: yes", a form's "Badge name: Ngaire P.") or before a dash, a bar or a slash
(a rota's "Thu: Sophie L – (416) 555-0193"). `with_initials` widens each such
finding over its initial; "Sarah A level" (a capital that a word follows) is left."""

from __future__ import annotations

import re

from ..schema import Finding

# (not I, V or X: a regnal number, "Elizabeth I", "Carlos V")
_INITIAL_AFTER = re.compile(r"[ \t]([A-HJ-UWYZ])(?:\.|(?=[ \t]*(?:$|[,;:)\]]|[-–—|/](?:[ \t]|$))))", re.M)


def with_initials(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with each person's finding of one or two words widened over an initial after it."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if f.kind != "PERSON" or not text[f.end - 1 : f.end].isalpha() or text.count(" ", f.start, f.end) > 1:
            continue
        m = _INITIAL_AFTER.match(text, f.end)
        if m is None or (n + 1 < len(merged) and merged[n + 1].start < m.end()):
            continue
        if out is None:
            out = list(merged)
        out[n] = Finding(f.kind, f.start, m.end(), f.detector, f.score, f.bbox)
    return merged if out is None else out
