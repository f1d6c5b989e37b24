"""US_SSN: 9 digits as AAA-GG-SSSS (dashes, dots or spaces), or bare after an SSN word.

Validity rules from the SSA ("Social Security Number Randomization", 2011): area not 000, 666 or
900–999; group not 00; serial not 0000. Shape after presidio-analyzer `us/us_ssn_recognizer.py`.
"""

from __future__ import annotations

import re

from ._base import Pattern, PatternDetector
from ._lead import led

_DIGIT = re.compile(r"\d")


class SsnDetector(PatternDetector):
    name = "ssn"
    kind = "US_SSN"
    kinds = ("US_SSN",)
    needs_digit = True  # every pattern needs a `\d`
    # each led by a class of its first characters (`_lead`: `re` skips to one in C)
    patterns = (
        Pattern("ssn-delimited", re.compile(r"\d(?<![\w-]\d)\d\d([- .])\d{2}\1\d{4}(?![\w-])"), 0.85),
        Pattern(
            "ssn-bare-context",
            re.compile(
                led(["ssn", r"social security(?: number| no\.?)?", "ss#"], ignore_case=True)
                + r"\W{0,5}(\d{9})(?!\d)"
            ),
            0.9,
            1,
        ),
    )

    # in every match of either pattern; it starts with a plain class, which `re` skips to in C
    # (a repeat such as `\d{3}` first is entered at every position)
    trigger = re.compile(r"\d(?:\d\d[- .]\d\d[- .]\d{4}|\d{8})")

    def prefilter(self, text: str) -> bool:
        """Both patterns need nine `\\d` digits (counted in C: a Python loop over every character
        was most of this detector's time on page text)."""
        return len(_DIGIT.findall(text)) >= 9

    def validate(self, match: str) -> bool:
        d = re.sub(r"\D", "", match)
        area, group, serial = d[:3], d[3:5], d[5:]
        return not (area in ("000", "666") or area >= "900" or group == "00" or serial == "0000")
