from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my ssn is 531-21-7351", ["531-21-7351"]),
        ("SSN: 594 62 0140.", ["594 62 0140"]),
        ("social security number 403579558", ["403579558"]),
        # near-misses: invalid areas/groups/serials, mixed separators, bare 9 digits
        ("id 000-12-3456", []),
        ("id 666-12-3456", []),
        ("id 123-00-4567", []),
        ("id 123-45-0000", []),
        ("order 123-45 6789", []),
    ],
)
def test_ssn(text: str, expected: list[str]) -> None:
    assert flagged(text, "US_SSN") == expected
