"""Names of things in config: a PERSON found as the whole value of a lower-case key that names a
thing (`name: Loki`, `- name: Deploy Notifier`, `productName: Tidepool Tactics`, `title:`,
`alias:`) in a text of config (three lines or more of lower-case keys), unless the value is a
listed first name and a listed surname ("name: Grace Obi" of a contact list stays masked). Read by
the engine after every detector, before the merge, as `tables.fit_cells` is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .detectors.lexicon import lexicon

_KEY_LINE = re.compile(r"(?m)^[ \t]*(?:-[ \t]+)?[a-z][a-z0-9_]*[ \t]*:(?:[ \t]|$)")
_THING_KEY = re.compile(
    r"(?m)^[ \t]*(?:-[ \t]+)?(?:name|title|label|alias|product_?[nN]ame|app_?[nN]ame|display_?[nN]ame|"
    r"service|project|team|group|role|channel|queue|topic|bucket|job)[ \t]*:[ \t]*[\"']?$"
)


def thing_names(text: str, spans: Sequence[tuple[str, int, int]]) -> list[bool]:
    """For each (kind, start, end): False where it is a PERSON that is a config key's whole value
    naming a thing (above); else True."""
    keep = [True] * len(spans)
    if not any(k == "PERSON" for k, _, _ in spans) or len(_KEY_LINE.findall(text)) < 3:
        return keep
    lex = lexicon()
    for n, (kind, start, end) in enumerate(spans):
        if kind != "PERSON":
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end].strip(" \t\"',")
        if rest or not _THING_KEY.match(text, line_start, start):
            continue
        words = text[start:end].split()
        person = len(words) >= 2 and words[0].lower() in lex.first and words[-1].lower() in lex.last
        keep[n] = person
    return keep
