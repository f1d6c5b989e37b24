"""Names of things in config: a PERSON found in the value of a lower-case key that names a thing
(`name: Loki`, `- name: Signup Completed`, `productName: Tidepool Tactics`, `title:`, `alias:`) in
a text of config (three lines or more of lower-case keys), unless the whole value is a listed first
name and a listed surname ("name: Grace Obi" of a contact list stays masked). JSON's quoted keys are
not read so: a record's "name" (`{"naam": "Priya Ramdin"}`) was a person's more often than not. Read by
the engine after every detector, before the merge, as `tables.fit_cells` is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .detectors.lexicon import lexicon

_KEY_LINE = re.compile(r"(?m)^[ \t]*(?:-[ \t]+)?[a-z][a-z0-9_]*[ \t]*:(?:[ \t]|$)")
_THING_KEY = re.compile(
    r"(?m)^[ \t]*(?:-[ \t]+)?(?:name|title|label|alias|product_?[nN]ame|app_?[nN]ame|"
    r"display_?[nN]ame|service|project|team|group|role|channel|queue|topic|bucket|job|step|task)[ \t]*:[ \t]*"
    r"(?P<quote>[\"']?)"
)


def thing_names(text: str, spans: Sequence[tuple[str, int, int]]) -> list[bool]:
    """For each (kind, start, end): False where it is a PERSON in the value of a config key naming
    a thing (above); else True."""
    keep = [True] * len(spans)
    if not any(k == "PERSON" for k, _, _ in spans) or len(_KEY_LINE.findall(text)) < 3:
        return keep
    lex = lexicon()
    for n, (kind, start, end) in enumerate(spans):
        if kind != "PERSON":
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        key = _THING_KEY.match(text, line_start)
        if key is None or key.end() > start:
            continue
        line_end = len(text) if line_end < 0 else line_end
        closing = text.find(key.group("quote"), key.end(), line_end) if key.group("quote") else -1
        value = text[key.end() : closing if closing >= 0 else line_end].strip().rstrip(",")
        if end > key.end() + len(value) + 1:
            continue  # past the value: another key's
        words = value.split()
        person = 2 <= len(words) <= 3 and words[0].lower() in lex.first and words[-1].lower() in lex.last
        keep[n] = person
    return keep
