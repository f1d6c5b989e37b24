"""An account id's siblings: the other ids of the same shape in the same text.

"Please merge customer records ACC-1192044 and ACC-1192871": a detector (the model, most often)
finds the first and not the second, though a text that holds one customer's id in a shape holds
its others in it too. `with_siblings` masks every token of the text that has the found id's shape:
the same letters before it, the same separators, as many digits in each group. Only ids with a
prefix of capitals and at least five digits are widened so: "AB-12" is too short to say the shape
is an id's and not a count's, and a bare number's shape is every number's."""

from __future__ import annotations

import re

from ..schema import Finding
from .operators import merge

# a prefix of capitals, a separator or none, then digit groups: "ACC-1192044", "RX-48821", "PO 2024-0117"
_ID_SHAPE = re.compile(r"([A-Z]{2,6})([-_/ #]?)(\d+(?:[-/.]\d+)*)")
_MIN_DIGITS = 5


def _shape(value: str) -> re.Pattern[str] | None:
    """The regex of `value`'s shape, or None where it is no prefixed id."""
    m = _ID_SHAPE.fullmatch(value)
    if m is None or sum(c.isdigit() for c in m.group(3)) < _MIN_DIGITS:
        return None
    groups = re.split(r"(\D)", m.group(3))
    digits = "".join(rf"\d{{{len(g)}}}" if g.isdigit() else re.escape(g) for g in groups)
    return re.compile(r"(?<![\w-])" + re.escape(m.group(1) + m.group(2)) + digits + r"(?![\w-])")


def with_siblings(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` (`operators.merge`'s output) with each ACCOUNT_ID's siblings added."""
    ids = [f for f in merged if f.kind == "ACCOUNT_ID"]
    if not ids:
        return merged
    shapes: dict[str, tuple[re.Pattern[str], Finding]] = {}
    for f in ids:
        shape = _shape(text[f.start : f.end])
        if shape is not None:
            shapes.setdefault(shape.pattern, (shape, f))
    covered = [(f.start, f.end) for f in merged]
    added = [
        Finding("ACCOUNT_ID", m.start(), m.end(), f.detector, f.score)
        for shape, f in shapes.values()
        for m in shape.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in covered)
    ]
    return merge([*merged, *added]) if added else merged
