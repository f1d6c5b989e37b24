"""PERSON, STREET_ADDRESS, ACCOUNT_ID, USERNAME and SECRET from the shipped character model.

The model (`redact/model/`, docs/MODEL_CARD.md) is a character CNN trained on generated text in
15 languages; it complements the rules: the checksummed and structured kinds (card, IBAN, SSN, IP,
e-mail, phone) stay with their detectors, and the rules' own person / address / username / secret
findings are kept beside the model's (union), because each catches shapes the other misses
(measured in docs/BENCHMARKS.md, "Redaction: model and rules").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..model import CharModel
from ._base import Detector, Span, grown
from ._code_text import code_text, log_line, quoted
from ._model_bare import too_bare
from ._model_false_hits import false_hit
from ._model_fit import fit_person, lead_back

# a resource's id in code: capitals and digits, shorter than 16 (`_kept_in_code`)
_UPPER_DIGITS = re.compile(r"[A-Z0-9]+")
_ID_SHAPE_LONGEST = 16
# what a log's line records of someone in a text of code (`_code_text`)
_LOGGED = ("ACCOUNT_ID", "STREET_ADDRESS")
# a URL's scheme and the start of its userinfo up to where a model span starts (`redis://:pw@host`)
_USERINFO_BEFORE = re.compile(r"://[^\s/@]{0,200}$")


def _userinfo_end(text: str, start: int, end: int) -> int:
    """Where a span in a URL's userinfo ends: at its "@", the host after it not taken in
    (`redis://:pw@cache`, `amqp://:pw@mq`)."""
    at = text.find("@", start, end)
    if at <= start or _USERINFO_BEFORE.search(text, max(0, start - 200), start) is None:
        return end
    return at


# an XML tag's name up to where a span starts ("<password" of "<password>mY_G89…</password>")
_TAG_NAME_BEFORE = re.compile(r"<[\w.:-]*\Z")
_TAG_NAME = re.compile(r"[\w.:-]*>")


def _after_tag(text: str, start: int, end: int) -> int:
    """`start`, or past the tag's name and its ">" where the span starts inside an XML tag."""
    if ">" not in text[start:end] or _TAG_NAME_BEFORE.search(text, max(0, start - 40), start) is None:
        return start
    m = _TAG_NAME.match(text, start, end)
    return m.end() if m is not None else start


def _kept_in_code(kind: str, text: str, start: int, end: int) -> bool:
    """A span the model keeps in a text of code: a secret but a short one of one class of
    characters or of capitals and digits alone (a resource's id: Slack's "C05T8Q2LWMN", a
    distribution's "E2QWRUHAPOMQZL": right 4 times in 45 such spans no rule found); an account
    id or an address a log records (`_logged`)."""
    if kind != "SECRET":
        return _logged(kind, text, start)
    value = text[start:end]
    if len(value) >= _ID_SHAPE_LONGEST or not value.isalnum():
        return True
    return not (value.isalpha() or value.isdigit() or _UPPER_DIGITS.fullmatch(value))


def _logged(kind: str, text: str, start: int) -> bool:
    """A span the model keeps in a text of code: an account id or an address on a log's line or in
    a string."""
    if kind not in _LOGGED:
        return False
    return log_line(text, start) or quoted(text, start)


class ModelDetector(Detector):
    name: ClassVar[str] = "model"
    kinds: ClassVar[tuple[str, ...]] = ("PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "USERNAME", "SECRET")

    def __init__(self) -> None:
        self.model = CharModel.load()

    def detect(self, text: str) -> Iterable[Span]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans of each text, the model run in batches across them (same spans as one by one)."""
        out: list[list[Span]] = []
        for text, found in zip(texts, self.model.spans_many(texts), strict=True):
            spans = []
            if found and "\n" in text and code_text(text):  # a program's words, not a person's
                found = [s for s in found if _kept_in_code(s.kind, text, s.start, s.end)]
            for s in found:
                s_end = s.end
                if s.kind == "SECRET" and "\n" in text[s.start : s.end] and "-----BEGIN" not in text:
                    s_end = text.index("\n", s.start)  # one line's value ("y\nCONFIG_BT_FIXED" of Kconfig)
                s_end = _userinfo_end(text, s.start, s_end)
                s_start = _after_tag(text, s.start, s_end)
                if s.kind == "PERSON":
                    s_start, s_end = fit_person(text, s_start, s_end)
                if s_end - s_start < 1 or false_hit(s.kind, text, s_start, s_end):
                    continue
                # a hit inside a word hides all of it, never leaves its first or last letters beside
                # the placeholder ("echo b[SECRET]")
                start, end = lead_back(s.kind, text, *grown(text, s_start, s_end))
                if not too_bare(s.kind, text, start, end):
                    spans.append(Span(s.kind, start, end, 1.0))
            out.append(spans)
        return out
