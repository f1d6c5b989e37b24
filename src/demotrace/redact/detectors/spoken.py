"""PHONE_NUMBER, ACCOUNT_ID, EMAIL_ADDRESS: a number or an address said in words, as a voice memo's
transcript, a call's notes or a message typed by dictation writes it.

"his direct line is oh-four, nine-three-seven, two-two-one, eight-eight", "her mobile while she's
here is plus sixty-four, twenty-one, five-five-five, zero-one-eight-two", "claim number is C-L-M
seven-seven-four-one-zero", "her email is funmi dot ade at yahoo dot co dot uk". A run of English
digit words ("oh" and "zero" for 0, "double"/"triple" before one, the teens and tens) that says
seven digits or more, three of them single digits, and is not a count ("one, two, three, four …")
is a phone number; after an account's, a claim's or a reference's word, or with spelled letters
before it, an id. An address said with "at" and "dot" is an e-mail address where its domain ends
with a known top-level domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from ._base import Detector, Span

_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
    "eighty": "8", "ninety": "9",
}  # fmt: skip
_DIGIT_WORD = "|".join(sorted(_DIGITS, key=len, reverse=True))
_WORD = (
    rf"(?:(?:double|triple)[ \t-]+(?:{_DIGIT_WORD})|(?:{'|'.join(_TENS)})(?:-(?:{_DIGIT_WORD}))?"
    rf"|{'|'.join(_TEENS)}|{_DIGIT_WORD})"
)
_RUN = re.compile(
    rf"(?<![\w-])(?i:(?P<plus>plus[ \t]+)?{_WORD}"
    rf"(?:(?:[ \t]*[,-][ \t]*|[ \t]+|\.\.\.[ \t]*){_WORD})+)(?![\w-])"
)
_PIECE = re.compile(
    rf"(?i:(double|triple)[ \t-]+({_DIGIT_WORD})|({'|'.join(_TENS)})(?:-({_DIGIT_WORD}))?|(\w+))"
)
_SPELLED_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][ \t-]){1,4}\Z")
_ID_CUE = re.compile(
    r"(?i:\b(?:account|acct|claim|policy|reference|ref|member|customer|membership|booking|order|case|"
    r"card|pin|code|passcode)\b)[^\n.]{0,24}\Z"
)

_TLDS = "com|net|org|edu|gov|io|co|uk|au|nz|ca|ie|za|sg|in|de|fr|es|it|nl|pt|br|me|info|biz"
_EMAIL = re.compile(
    r"(?<![\w.])(?i:[a-z0-9]+(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[a-z0-9]+)*"
    rf"[ \t]+at[ \t]+[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+)*[ \t]+dot[ \t]+(?:{_TLDS}))(?![\w])"
)


def _digits(run: str) -> str:
    out = []
    for m in _PIECE.finditer(run):
        times, digit, tens, unit, word = m.groups()
        if times:
            out.append(_DIGITS[digit.lower()] * (2 if times.lower() == "double" else 3))
        elif tens:
            out.append(_TENS[tens.lower()] + (_DIGITS[unit.lower()] if unit else "0"))
        elif word and word.lower() in _DIGITS:
            out.append(_DIGITS[word.lower()])
        elif word and word.lower() in _TEENS:
            out.append(_TEENS[word.lower()])
    return "".join(out)


# two single digits said side by side, one of these apart: every run taken holds such a pair
# (`detect` asks it), so the pairs are the rule's trigger
_PAIRED = ("zero", "oh", *list(_DIGITS)[3:])
_PAIR = rf"(?:{'|'.join(_PAIRED)})(?:-| |, )(?:{'|'.join(_PAIRED)})"
_ADJACENT = re.compile(rf"(?<![\w-])(?i:{_PAIR})(?![\w])")
# (the pair in lower case, as the batch's trigger: its needles are the pairs, `_needles`)
_ADJACENT_LOWER = re.compile(_PAIR)


def _singles(run: str) -> int:
    return sum(1 for w in re.findall(r"[A-Za-z]+", run) if w.lower() in _DIGITS)


def _counted(digits: str) -> bool:
    """A count up or down ("one, two, three, four, five, six, seven"), not a number."""
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return steps in ({1}, {-1})


class SpokenNumberDetector(Detector):
    name = "spoken"
    kinds = ("PHONE_NUMBER", "ACCOUNT_ID", "EMAIL_ADDRESS")
    # a run holds two digit words side by side, one of them a single digit's (literals of the
    # batch's scan); an address said holds " dot "
    lower_trigger = (" dot ", _ADJACENT_LOWER)

    def detect(self, text: str) -> Iterable[Span]:
        out: list[Span] = []
        for m in _RUN.finditer(text):
            digits = _digits(m.group())
            start = m.start()
            spelled = _SPELLED_BEFORE.search(text, max(0, start - 10), start)  # an id's letters
            least = 4 if spelled is not None else 7
            if len(digits) < least or _singles(m.group()) < 3 or _counted(digits):
                continue
            if not _ADJACENT.search(m.group()):
                continue
            if spelled is not None:
                start = spelled.start()
            cued = _ID_CUE.search(text, max(0, start - 40), start) is not None
            kind = "ACCOUNT_ID" if spelled is not None or (cued and not m.group("plus")) else "PHONE_NUMBER"
            out.append(Span(kind, start, m.end(), 0.8))
        if " dot " in text.lower():
            out += [Span("EMAIL_ADDRESS", *m.span(), 0.8) for m in _EMAIL.finditer(text)]
        return out
