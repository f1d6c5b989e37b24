"""What a text says again about a person the rule found: the surname or first name alone later on
("Hunter Young rescued a family. Young was treated"; "Dr. Hiroshi Sato ... Sato can be reached"),
and the first name after a surname in records ("Name: Okonjo, Adanna |", "MacAllister, Ewan;").

The person rule reads each word in its context; a surname that is also a word ("Young", "King"),
alone at a sentence's start, has no context that tells it. The text already named the person: a
capitalised word of a name found (two words or more) is that person's wherever the text repeats
it, unless a capitalised word joins it ("King Size", "Young Adult": another name, a title).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._base import Span

_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]+")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+\Z")
_FIELD_END = r"[ \t]*(?:[|;:)\n]|$|[.,](?:[ \t]|$))"
_AFTER_COMMA = re.compile(rf",[ \t]+([^\W\d_][^\W\d_'’-]+)(?={_FIELD_END})")
_AFTER_FIELD = re.compile(_FIELD_END)
# a field's start: a label's colon, a bar, a line's start, "as" / "name" / "candidate" before it
_FIELD = r"(?:^|[:|(\n]|\b(?:as|name|candidate|customer|patient|client|employee|applicant))[ \t]*"
_FIELD_START = re.compile(_FIELD + r"\Z", re.I | re.M)
_BEFORE_COMMA = re.compile(_FIELD + r"([A-Z][^\W\d_][^\W\d_'’-]*),[ \t]+\Z", re.M)


def repeats(text: str, hits: list[Span], listed: Callable[[str], bool]) -> list[Span]:
    """The capitalised words of the multi-word names in `hits` that are listed names and no
    dictionary word but a name (`listed`: "Young", "Sato"; not "Profiel" or "Entlassungsbrief" of
    a hit that took a label with it), where `text` repeats them alone."""
    words: set[str] = set()
    for h in hits:
        found = _NAME_WORD.findall(text, h.start, h.end)
        if len(found) >= 2:  # said twice at least (one of them in the hit), a cheap count in C first
            words.update(w for w in found if len(w) > 2 and text.count(w) > 1 and w[0].isupper())
    words = {w for w in words if not w.isupper() and listed(w)}
    if not words:
        return []
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    taken = [(h.start, h.end) for h in hits]
    out: list[Span] = []
    for m in re.finditer(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])", text):
        s, e = m.span()
        if any(a <= s < b for a, b in taken):
            continue
        if _CAPITAL_NEXT.match(text, e) or _CAPITAL_BEFORE.search(text, max(0, s - 30), s):
            continue  # "King Size", "Mrs Young Adult": joined to another capitalised word
        out.append(Span("PERSON", s, e, 0.7))
    return out


def surname_first(text: str, hits: list[Span], unplain: Callable[[str], bool]) -> list[Span]:
    """`hits`' one-word names joined by ", " to a capitalised word that is no dictionary word
    (`unplain`), the pair one field: "Name: Okonjo, Adanna |", "spelled as MacAllister, Ewan;"."""
    out: list[Span] = []
    for h in hits:
        if len(_NAME_WORD.findall(text, h.start, h.end)) != 1:
            continue
        m = _AFTER_COMMA.match(text, h.end)
        if (
            m
            and m.group(1)[0].isupper()
            and unplain(m.group(1))
            and _FIELD_START.search(text, max(0, h.start - 40), h.start)
        ):
            out.append(Span("PERSON", h.start, m.end(1), h.score))
            continue
        if not text.endswith(", ", 0, h.start) and not text.endswith(",\t", 0, h.start):
            continue
        b = _BEFORE_COMMA.search(text, max(0, h.start - 80), h.start)
        if b and unplain(b.group(1)) and _AFTER_FIELD.match(text, h.end):
            out.append(Span("PERSON", b.start(1), h.end, h.score))
    return out
