"""PINs and door, gate and alarm codes (`detectors/access_code.py`), booking references
(`detectors/account_id.py`), and numbers that only follow a code word."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.access_code import AccessCodeDetector


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("bill said meet at the harbour. gate code 1190", "1190"),
        ("pin for the shed lock is 4826, dont tell anyone", "4826"),
        ("Alarm code is 7734, change it after handover.", "7734"),
        ("the door code is 4471# and the key is under the mat", "4471"),
        ("PIN: 0912", "0912"),
        ("deurcode 2580, sleutel in het kastje", "2580"),
        ("Booking ref CTK-88314 under my name", "CTK-88314"),
        ("PNR QF7X2K, seat 14A", "QF7X2K"),
        ("tenant ref SP-TEN-3391 reported mould", "SP-TEN-3391"),
        ("nah i moved it, the code for the lockbox is 6620", "6620"),
        ("Keys are in the key safe by the garage. Code is 5081. Enjoy!", "5081"),
        ("card ending 4410, cvc 731, exp 03/28", "731"),
        ("the 3 digits on the back are 094 btw", "094"),
    ],
)
def test_the_code_is_masked(text: str, gone: str) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "código postal 28001, Madrid",
        "the pin layout has 40 pins",
        "error code 404 on the login page",
        "pin 3 of chip U12 at 5 volts",
        "booking confirmed for Friday 12 May",
        "Status code is 503 after the deploy",  # no door, gate or lock before it
        "The gate opens at 9. Code is 1.2 MB",
    ],
)
def test_other_numbers_after_a_code_word_are_no_codes(text: str) -> None:
    assert AccessCodeDetector().detect(text) == []
    assert not [f for f in TextRedactor().redact(text).findings if f.kind in ("SECRET", "ACCOUNT_ID")]
