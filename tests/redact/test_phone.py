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
