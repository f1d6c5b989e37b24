"""PERSON: a full name written without spaces, each part capitalised, as file names and handles
glue it ("Passport_scan_GavinHolloway.pdf", "DNI_MariaJoseLopez.pdf", "resume-AnnaNowak").

Two or three capitalised parts, nothing but separators or the text's edge around them: a listed
first name, then (a listed first name or surname, then) a listed surname that is no everyday word.
Code's CamelCase names do not qualify: their parts are words ("UserName", "MaxWidth",
"JackSparrow"), not a first name followed by a surname.
"""

from __future__ import annotations

import re

from ._base import Detector, Span
from .lexicon import lexicon, plain_word

_PART = r"[A-Z][a-zà-öø-ÿ]+"
_GLUED = re.compile(rf"(?<![^\W_])(?P<parts>{_PART}{_PART}(?:{_PART})?)(?![^\W_])")
_SPLIT = re.compile(_PART)


class GluedNameDetector(Detector):
    name = "glued_name"
    kinds = ("PERSON",)
    trigger = re.compile(r"[A-Z](?<=[a-zà-öø-ÿ][A-Z])[a-zà-öø-ÿ]")  # a capital first: `re` skips to one

    def __init__(self) -> None:
        self._lex = lexicon()

    def detect(self, text: str) -> list[Span]:
        out = []
        for m in _GLUED.finditer(text):
            parts = [p.lower() for p in _SPLIT.findall(m.group("parts"))]
            if self._a_name(parts):
                out.append(Span("PERSON", m.start(), m.end(), 0.7))
        return out

    def _a_name(self, parts: list[str]) -> bool:
        lex = self._lex
        first, *middle, last = parts
        return (
            first in lex.first
            and last in lex.last
            and all(p in lex.first or p in lex.last for p in middle)
            and not plain_word(last)
            and not lex.is_word(last)  # "JackSparrow", "MarkDown": a word ends it
        )
