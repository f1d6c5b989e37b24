from __future__ import annotations

import pytest

from demotrace.redact.detectors.iban import mod97_ok

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IBAN DE89 3704 0044 0532 0130 00 ok", ["DE89 3704 0044 0532 0130 00"]),
        ("pay GB82WEST12345698765432 today", ["GB82WEST12345698765432"]),
        ("FR1420041010050500013M02606", ["FR1420041010050500013M02606"]),
        ("NL91 ABNA 0417 1643 00", ["NL91 ABNA 0417 1643 00"]),
        # printed in groups of four at its country's length: an IBAN, checksum or not (a typo, a
        # made-up one in a form), scored lower (twentieth pass)
        ("DE89 3704 0044 0532 0130 01", ["DE89 3704 0044 0532 0130 01"]),
        # near-misses: bad checksum written unbroken, wrong length for the country, unknown country
        ("DE89370400440532013001", []),
        ("GB82WEST1234569876543", []),
        ("ZZ82WEST12345698765432", []),
    ],
)
def test_iban(text: str, expected: list[str]) -> None:
    assert flagged(text, "IBAN_CODE") == expected


def test_mod97() -> None:
    assert mod97_ok("GB82WEST12345698765432")
    assert not mod97_ok("GB83WEST12345698765432")
