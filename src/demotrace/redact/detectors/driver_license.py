"""US_DRIVER_LICENSE: licence numbers after a licence cue.

US state formats vary from 1 to 14 digits with up to 2 leading letters (AAMVA DL/ID Card Design
Standard, 2020, annex D; the same range as presidio-analyzer `us/us_driver_license_recognizer.py`),
so a bare number is not enough: a cue ("driver's license", "DL #", "licence no.", "Führerschein")
must come first, up to 25 characters before the number. UK DVLA numbers (16 characters,
`MORGA657054SM9IJ`) have a fixed shape and need no cue.
"""

from __future__ import annotations

import re

from ._base import Pattern, PatternDetector, guarded

_CUE = guarded(  # behind a lookahead on its first characters (`_base.guarded`: same matches)
    r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e\s+(?:number|no\.?|#|id)|"
    r"\bDL\b|\bDLN\b|führerschein(?:nummer)?|permis\s+de\s+conduire|carnet\s+de\s+conducir"
)
_DIGIT = re.compile(r"\d")
_NUMBER = r"([A-Z]{0,2}[- ]?\d(?:[\d -]{2,16})\d[A-Z]?|[A-Z]\d{3,14})"


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
            re.compile(r"\b[A-Z9]{5}\d[0156]\d(?:[0][1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}\b"),
            0.9,
        ),
    )

    def prefilter(self, text: str) -> bool:
        return _DIGIT.search(text) is not None  # both patterns need a `\d`
