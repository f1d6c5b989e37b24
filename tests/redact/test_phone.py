from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("call +44 20 7946 0958 now", ["+44 20 7946 0958"]),
        ("US (415) 555-2671", ["(415) 555-2671"]),
        ("DE: +49 30 901820", ["+49 30 901820"]),
        ("FR 01 42 68 53 00", ["01 42 68 53 00"]),
        ("India +91 98765 43210", ["+91 98765 43210"]),
        ("JP 03-1234-5678", ["03-1234-5678"]),
        ("BR +55 11 91234-5678", ["+55 11 91234-5678"]),
        ("AU (07) 5331 0577", ["(07) 5331 0577"]),
        ("intl 0044 161 496 0000", ["0044 161 496 0000"]),
        ("001-420-335-7509x38548", ["001-420-335-7509x38548"]),
        ("986.291.2294x751", ["986.291.2294x751"]),
        ("tel: 041-412-293", ["041-412-293"]),
        ("mobile 0612345678", ["0612345678"]),
        # near-misses: dates, versions, IPs, plain numbers, money
        ("released 2024-05-17 at 10:30", []),
        ("on 17.05.2024", []),
        ("version 1.2.3 and 10.0.19041", []),
        ("host 10.0.0.1", []),
        ("order 12345 shipped", []),
        ("total 1500 EUR", []),
        ("Build 2024.11.23.1 succeeded", []),
        ("Chrome 131.0.6778.85", []),
        ("ISBN 978-3-16-148410-0", []),
        ("Order ID 7842-1193-0021", []),
        ("Tracking number 1Z999AA10123456784", []),
    ],
)
def test_phone(text: str, expected: list[str]) -> None:
    assert flagged(text, "PHONE_NUMBER") == expected


NUMBERS = [
    "030 1234567", "(089) 12345678", "01 23 45 67 89", "06 12 34 56 78", "(650) 253-0000", "212 555 0123",
    "020 7946 0958", "07700 900123", "98765 43210", "02 9374 4000", "06 1234 5678", "91 123 45 67",
    "06 6982 1234", "(11) 91234-5678", "044 668 18 00", "116-48-7686", "123456789", "1234567", "5550100",
    "0800 123 456", "999 999 9999", "0000000", "+49 30 1234567", "0044 20 7946 0958",
]  # fmt: skip


def test_the_verdict_does_not_depend_on_the_order_of_the_regions() -> None:
    """`PhoneDetector` tries first the region its last national number was valid in: the
    verdict (valid in some region) must be the same in every order."""
    import random

    from demotrace.redact.detectors import phone

    rnd = random.Random(3)
    orders = [phone.REGIONS, phone.REGIONS[::-1]] + [tuple(rnd.sample(phone.REGIONS, 12)) for _ in range(6)]
    verdicts = {n: {phone._libphonenumber_ok(n, o) is not None for o in orders} for n in NUMBERS}
    assert all(len(v) == 1 for v in verdicts.values()), verdicts
    assert {v.pop() for v in verdicts.values()} == {True, False}  # both kinds of numbers are here


def test_a_detector_that_reordered_its_regions_finds_the_same() -> None:
    from demotrace.redact.detectors.phone import PhoneDetector

    texts = [f"call {n} today" for n in NUMBERS]
    fresh = [list(PhoneDetector().detect(t)) for t in texts]
    used = PhoneDetector()
    used.detect("Tel. 030 1234567")  # valid in DE, not in the US or the UK: DE goes first
    assert used._regions[0] == "DE"
    assert [list(used.detect(t)) for t in texts[::-1]][::-1] == fresh
