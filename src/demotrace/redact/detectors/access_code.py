"""SECRET: a PIN or a door's, gate's, alarm's or lock's code, given in a message or a note.

"gate code 1190", "pin for the shed lock is 4826", "Alarm code is 7734", "PIN: 0912", "the
door code is 4471#", "deurcode 2580", "Türcode 1957": three to eight digits (a "#" after them
kept) within a few words after the cue. The password rules need six characters and a credential
word; a code of four digits is neither, and opens a house. Not a postal, area, error or status
code: the cues name what the code opens ("code" alone is no cue).
"""

from __future__ import annotations

import re

from ._base import Detector, Span
from ._lead import led

_CODE_WORD = r"[ \t-]?code"
_CUES = (
    r"pin(?:[ \t-]?code)?",
    r"passcode",
    *(w + _CODE_WORD for w in ("gate", "door", "alarm", "entry", "access", "keypad", "lockbox", "garage")),
    *(w + _CODE_WORD for w in ("key[ \t]?safe", "buzzer", "security", "safe", "lock", "intercom")),
    *(r"deurcode", r"toegangscode", r"alarmcode", r"t[üu]rcode", r"zugangscode", r"digicode"),
    r"code[ \t](?:porte|d['’]acc[eè]s|de[ \t]l['’]alarme)",
    r"c[óo]digo[ \t](?:de[ \t]acceso|pin|de[ \t]la[ \t]puerta)",
    r"codice[ \t](?:pin|d['’]accesso|del[ \t]cancello|allarme)",
    r"kod[ \t](?:pin|do[ \t]drzwi|dost[eę]pu)",
)
_CODE = re.compile(
    led(_CUES, word_start=True, ignore_case=True)
    + r"(?![^\W\d_])[^\n\d]{0,30}?(?<![\w])(?P<code>\d{3,8}#?|\d{3}[ -]\d{3})(?!\d|[.,/:-]\d|[^\W\d_])"
)


class AccessCodeDetector(Detector):
    name = "access_code"
    kinds = ("SECRET",)
    needs_digit = True
    trigger = re.compile(led(_CUES, word_start=True, ignore_case=True))

    def detect(self, text: str) -> list[Span]:
        return [Span("SECRET", m.start("code"), m.end("code"), 0.8) for m in _CODE.finditer(text)]
