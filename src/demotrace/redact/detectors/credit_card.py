"""CREDIT_CARD: 13–19 digit PANs (ISO/IEC 7812), optionally grouped by spaces or dashes, that pass
the Luhn check (ISO/IEC 7812-1 annex B). Shape after presidio-analyzer
`generic/credit_card_recognizer.py`; unlike it, any IIN is accepted (the checksum decides)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Pattern, PatternDetector, Span
from ._number_shapes import epoch_value


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# an id's key before the digits: Discord's `client_id=1239847561203948576`, a snowflake
_ID_KEY = re.compile(r"(?i:[_.-]id|Id)[\"']?[ \t]*[:=][ \t]*[\"']?$")
# a product's barcode under its key (`ean: "5901234123457"`, "GTIN 4006381333931"): the EAN check is a
# Luhn-like sum, and a card's fits a barcode's length
BARCODE_KEY = re.compile(
    r"(?i:\b(?:ean(?:13|8)?|gtin(?:13|14)?|upc|barcode|isbn(?:13)?)\b)[\"']?[ \t]*[:=#]?[ \t]*[\"']?$"
)


# a card's number in its four groups of four right after its network's name, whatever its check
# digit: a typo, or a number made up for a form's example, is shown as the card ("Autofill - Visa
# 4532 7781 2094 6615"); not after "card" alone ("invalid card 4012-8888-8888-1882" is a test's)
_NAMED_CARD = re.compile(
    r"\b(?i:visa|mastercard|master[ \t]card|amex|american[ \t]express|discover|maestro)\b[ \t:#]{1,3}"
    r"(?P<pan>[3-6]\d{3}(?:([ -])\d{4})(?:\2\d{4}){2})(?![\d-])"
)


class CreditCardDetector(PatternDetector):
    name = "credit_card"
    kind = "CREDIT_CARD"
    kinds = ("CREDIT_CARD",)
    needs_digit = True  # every pattern needs a `\d`
    trim_separators = " -"
    # `(?<![\d-])\d…`, the look-behind after the first digit (`_lead`: `re` skips to a digit in C);
    # not after a letter: a hex literal ("fault addr 0x0000000000000018"), a UUID's part
    # ("00002a19-0000-1000-8000-…"); nor after a "+": a phone's country code ("+55 11 98734-2210");
    # nor before a hex part of a UUID; nor after an IBAN's country and check digits ("DE89 3704 …")
    patterns = (
        Pattern(
            "pan",
            re.compile(
                r"\d(?<![A-Za-z0-9_+-]\d)(?<![A-Z]{2}\d\d[ ]\d)(?:[ -]?\d){12,18}"
                r"(?![\d])(?!-[0-9a-fA-F]{4,12}\b)"
            ),
        ),
    )
    trigger = re.compile(r"\d(?:[ -]?\d){12}")  # the start of every match

    def detect(self, text: str) -> Iterable[Span]:
        """The cards `validate` passes, but a time stamp in milliseconds under a key
        (`end_time=1716390211845` passes the Luhn check one time in ten)."""
        found = [
            s
            for s in super().detect(text)
            if not epoch_value(text, s.start, s.end)
            and not _ID_KEY.search(text, max(0, s.start - 24), s.start)
            and not BARCODE_KEY.search(text, max(0, s.start - 24), s.start)
        ]
        for m in _NAMED_CARD.finditer(text):
            if not any(s.start <= m.start("pan") < s.end for s in found):
                found.append(Span("CREDIT_CARD", m.start("pan"), m.end("pan"), 0.7))
        return found

    def validate(self, match: str) -> bool:
        digits = re.sub(r"\D", "", match)
        # one digit repeated ("0000 0000 0000 0000") is a placeholder; two are not: the networks'
        # test cards ("4111 1111 1111 1111", "5555 5555 5555 4444") are cards to a recogniser
        # no network's numbers start with 0 (ISO/IEC 7812's industry 0 is no payment card)
        if not 13 <= len(digits) <= 19 or len(set(digits)) < 2 or digits[0] == "0":
            return False
        if len(digits) == 13 and digits[0] != "4":
            return False  # (of thirteen digits only Visa's old cards: "5901234123457" is a barcode)
        return luhn_ok(digits)
