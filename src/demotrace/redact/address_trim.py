"""A street address's finding less the words around the address that the detectors take in.

The address rule and the model end an address where the text's next word does not look like one;
news and listings go on with words that are no part of it: "445 Danforth Avenue, Toronto in 1985",
"… M14 5TQ from September 2021" (a time after it), "3/71 Oriental Parade (blue door, top floor)"
(a note in brackets), "… Road (opposite bp) – 3:36pm" (a timetable's time). `trim_addresses` cuts
those off; the address itself stays whole. Nothing is cut that another finding could have been
merged into: a note in brackets with a digit or a capital in it stays ("(tenant Kofi Ampofo)").
"""

from __future__ import annotations

import re

from ..schema import Finding

# a time, a note or a bracket after the address
_TAIL = re.compile(
    r"(?:[ \t]+(?:in|from|since|until|before|after)[ \t]+(?:(?:19|20)\d\d|[A-Z][a-z]+[ \t]+(?:19|20)\d\d)"
    r"|[ \t]*\([a-z][^()\n\dA-ZÀ-ÖØ-Þ]*\)"
    r"|[ \t]+[–—-][ \t]+\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?"
    r")[ \t]*[.,;]?\Z"
)


def trim_addresses(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with each STREET_ADDRESS cut to the address (`_TAIL`)."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if f.kind != "STREET_ADDRESS":
            continue
        start, end = f.start, f.end
        while (m := _TAIL.search(text, start, end)) is not None and m.start() > start:
            end = m.start()
        if (start, end) != (f.start, f.end) and any(c.isdigit() for c in text[start:end]):
            if out is None:
                out = list(merged)
            out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else out
