"""Values a form or a help text gives as examples, not anyone's data.

"Nom complet : [ex. : Jean Dupont]", "Téléphone : [ex. : 06 00 00 00 00]", "Kontakt: (z. B. max@firma.de)",
"Phone: e.g. 0612 345 678": a placeholder's or a hint's value, after an example's marker in any of
the languages read right after a field's colon (in a bracket or not). `without_examples` drops the
findings that start right after one; the rest of the text is redacted as before. A marker in
running prose ("ask someone, e.g. Maria", "your username is your e-mail's prefix (e.g.
sophie.lambert)") follows no colon: what it gives stays masked."""

from __future__ import annotations

import re

from ..schema import Finding

_MARKER = (
    r"e\.\s?g\.|eg\.|ex\.|ex(?=[ \t]*:)|exemple|example|for example|par exemple|z\.\s?B\.|zB\.|zum Beispiel|"
    r"bspw\.|p\.\s?ej\.|por ejemplo|ej\.|bijv\.|bv\.|bijvoorbeeld|np\.|na przykład|es\.|ad es\.|"
    r"per esempio|p\.\s?ex\.|por exemplo|t\.\s?ex\.|till exempel|f\.\s?eks\.|esim\.|např\.|pl\."
)
# an example's marker after a field's colon (and a bracket it opens), and the blanks, colon and
# opening quote or bracket after it, up to the value
_EXAMPLE = re.compile(
    r"(?<=:)[ \t]*[\[(]?[ \t]*(?i:" + _MARKER + r")(?![^\W\d_])[ \t]*:?[ \t]*[\[\"'“«(]?[ \t]*"
)


def without_examples(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the findings that start right after an example's marker."""
    if not merged or ":" not in text:
        return merged
    kept = [f for f in merged if not _after_marker(text, f.start)]
    return merged if len(kept) == len(merged) else kept


def _after_marker(text: str, start: int) -> bool:
    """A marker ends at `start`, or a finding that starts inside one took in its end ("B." of
    "z. B.")."""
    for m in _EXAMPLE.finditer(text, max(0, start - 40), min(len(text), start + 8)):
        if m.start() < start <= m.end():
            return True
    return False
