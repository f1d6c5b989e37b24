"""US_DRIVER_LICENSE: licence numbers after a licence cue.

US state formats vary from 1 to 14 digits with up to 2 leading letters (AAMVA DL/ID Card Design
Standard, 2020, annex D; the same range as presidio-analyzer `us/us_driver_license_recognizer.py`),
so a bare number is not enough: a cue ("driver's license", "DL #", "licence no.", "Führerschein")
must come first, up to 25 characters before the number. UK DVLA numbers (16 characters,
`MORGA657054SM9IJ`) have a fixed shape and need no cue.
"""

from __future__ import annotations

import re

from ._base import Pattern, PatternDetector
from ._lead import led

_CUE = led(  # led by a class of its first letters (`_lead`: same matches as `_base.guarded`'s)
    (
        *(r"driver'?s?\s+licen[cs]e", r"driving\s+licen[cs]e", r"licen[cs]e\s+(?:number|no\.?|#|id)"),
        # (in capitals, not a unit's: "142 mg/dL (74-106)" is a lab value and its range)
        *(r"\bDL\b(?<!/DL)", r"\bDLN\b", r"führerschein(?:nummer)?", r"permis\s+de\s+conduire"),
        r"carnet\s+de\s+conducir",
    ),
    ignore_case=True,
)
_DIGIT = re.compile(r"\d")
# (or letters, then a digit among letters and digits, 8 to 14 in all: Washington's "WDLX4Z8Q29B")
_NUMBER = r"([A-Z]{0,2}[- ]?\d(?:[\d -]{2,16})\d[A-Z]?|[A-Z]\d{3,14}|(?=[A-Z0-9]{8,14}\b)[A-Z]+\d[A-Z0-9]*)"


class DriverLicenseDetector(PatternDetector):
    name = "driver_license"
    kind = "US_DRIVER_LICENSE"
    kinds = ("US_DRIVER_LICENSE",)
    needs_digit = True  # every pattern needs a `\d`
    patterns = (
        Pattern(
            "cued", re.compile(rf"{_CUE}[^\n\w]{{0,4}}(?:\w+[^\n\w]{{1,3}}){{0,3}}?{_NUMBER}(?!\w)"), 0.9, 1
        ),
        Pattern(
            "uk-dvla",
            re.compile(
                r"[A-Z9](?<!\w[A-Z9])[A-Z9]{4}\d[0156]\d(?:[0][1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}\b"
            ),  # `\b[A-Z9]{5}…`, the `\b` behind its first character (`_lead`)
            0.9,
        ),
    )

    def prefilter(self, text: str) -> bool:
        return _DIGIT.search(text) is not None  # both patterns need a `\d`
