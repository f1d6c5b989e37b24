"""CREDIT_CARD: 13–19 digit PANs (ISO/IEC 7812), optionally grouped by spaces or dashes, that pass
the Luhn check (ISO/IEC 7812-1 annex B). Shape after presidio-analyzer
`generic/credit_card_recognizer.py`; unlike it, any IIN is accepted (the checksum decides)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Pattern, PatternDetector, Span
from ._number_shapes import epoch_value
from .lexicon import word_set


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


# the networks' and the payment providers' published test numbers (Stripe's, Adyen's, Braintree's docs)
_TEST_CARDS = word_set(
    """4242424242424242 4111111111111111 5555555555554444 378282246310005 371449635398431
    4000056655665556 4012888888881881 5105105105105100 6011111111111117 6011000990139424
    3530111333300000 4000000000000002 4000000000009995 4000002500003155 2223003122003222
    5200828282828210 30569309025904 38520000023237 4000000000000077 4000000000000341
    4000000000003220 4000000000000119 4000000000000069 4000000000000127 4000000760000002
    4000001240000000 4000004840008001"""
)
# a card's number in four groups of four, whatever its check digit, where a card is talked of
# ("Payment: 5163 2200 1189 4417", "it's 4929 3813 6628 0054, expiry oh-nine"): a typo or a number
# made up is still shown as the card
_GROUPED_CARD = re.compile(r"(?<![\w+-])[2-6]\d{3}([ -])\d{4}\1\d{4}\1\d{4}(?![\w-])")
_CARD_WORDS = re.compile(
    r"(?i:card[ \t]?(?:number|no\b|num\b|:|on[ \t]file)|payment|paid|expiry|expires|exp\b|cvv|cvc|"
    r"security[ \t]code|visa|mastercard|amex)"
)
_NOT_A_CARD = re.compile(r"(?i:invalid|fake|bogus|wrong|not[ \t]a)[^\n]{0,16}$")  # ("invalid card 4012-…")
# where a test number is a test's, not someone's card: a test's, a sandbox's or a mock's words near it
# ("TEST_CARDS = {...}", "Die Testkarte für die Sandbox ist …", "assert mask(\"4242…\")", "Test card
# numbers | Stripe Docs"); the sets written blind leave 28 such numbers unlabelled, each in one of
# these, and label the 50 written as someone's ("the card on file is 4111 1111 1111 1111")
_TEST_CONTEXT = re.compile(
    r"(?i:test|sandbox|stripe|mock|fixture|dummy|placeholder|assert|expect\(|\bmask|prueba|"
    r"never[ \t]charge|any[ \t]future)"
)


def _test_card(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a published test number among a test's words."""
    return (
        re.sub(r"\D", "", text[start:end]) in _TEST_CARDS
        and _TEST_CONTEXT.search(text, max(0, start - 120), min(len(text), end + 60)) is not None
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
        # grouped as a card prints its number, after a word's "_" in a file's name
        # ("expenses_amex_3782 300514 62189.xlsx"; a bare run of digits after "_" is an id's)
        Pattern("pan", re.compile(r"\d(?<=[A-Za-z]_\d)\d{3}([ -])\d{4,6}\1\d{4,5}(?:\1\d{1,4})?(?![\d])")),
    )
    trigger = re.compile(r"\d(?:[ -]?\d){12}")  # the start of every match

    def detect(self, text: str) -> Iterable[Span]:
        """The cards `validate` passes, but a time stamp in milliseconds under a key
        (`end_time=1716390211845` passes the Luhn check one time in ten) and a published test number
        among a test's words (`_test_card`); and four groups of four among a card's words, whatever
        their check digit."""
        found = [
            s
            for s in super().detect(text)
            if not epoch_value(text, s.start, s.end)
            and not _ID_KEY.search(text, max(0, s.start - 24), s.start)
            and not BARCODE_KEY.search(text, max(0, s.start - 24), s.start)
            and not _test_card(text, s.start, s.end)
        ]
        for m in _GROUPED_CARD.finditer(text):  # (its check digit mistyped or made up, among card's words)
            if (
                _CARD_WORDS.search(text, max(0, m.start() - 60), min(len(text), m.end() + 40))
                and not any(s.start <= m.start() < s.end for s in found)
                and not _test_card(text, m.start(), m.end())
                and not _NOT_A_CARD.search(text, max(0, m.start() - 24), m.start())
            ):
                found.append(Span("CREDIT_CARD", m.start(), m.end(), 0.7))
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
