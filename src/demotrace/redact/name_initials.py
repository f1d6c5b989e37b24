"""A name's initial after it is the name's: "Meenakshi S.", "Bongani M.)", "Priya R:" — a found
first name followed by one capital and its dot, or by one capital that ends the line or the clause
(a chat's "~ Priya R: yes", a form's "Badge name: Ngaire P.") or before a dash, a bar or a slash
(a rota's "Thu: Sophie L – (416) 555-0193"). `with_initials` widens each such
finding over its initial; "Sarah A level" (a capital that a word follows) is left. A capital right
before a found surname is its given name's initial too ("M Okafor" of a payee, "R Mehta (GP)")."""

from __future__ import annotations

import re

from ..schema import Finding

# (not I, V or X: a regnal number, "Elizabeth I", "Carlos V")
_INITIAL_AFTER = re.compile(r"[ \t]([A-HJ-UWYZ])(?:\.|(?=[ \t]*(?:$|[,;:)\]]|[-–—|/](?:[ \t]|$))))", re.M)


# a given name's initial before a surname, one blank apart, as payees and statements write it ("M
# Okafor", "R Mehta (GP)"): one capital, no word or dot before it (not "A", an article; not "I")
_INITIAL_BEFORE = re.compile(r"(?<![\w.&'’-])[B-HJ-Z][ ]$")


def with_initials(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with each person's finding of one or two words widened over an initial after it,
    and over one before it."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if f.kind != "PERSON" or not text[f.end - 1 : f.end].isalpha() or text.count(" ", f.start, f.end) > 1:
            continue
        start, end = f.start, f.end
        m = _INITIAL_AFTER.match(text, f.end)
        if m is not None and not (n + 1 < len(merged) and merged[n + 1].start < m.end()):
            end = m.end()
        if (
            text[f.start : f.start + 1].isupper()
            and _INITIAL_BEFORE.search(text, max(0, f.start - 3), f.start)
            and not (n and merged[n - 1].end > f.start - 2)
        ):
            start = f.start - 2
        if (start, end) == (f.start, f.end):
            continue
        if out is None:
            out = list(merged)
        out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else out
