from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my driver's license is 481195160", ["481195160"]),
        ("Driver License: D1234567", ["D1234567"]),
        ("DL # 123-456-789", ["123-456-789"]),
        ("licence no. S530 4608 1234", ["S530 4608 1234"]),
        ("UK licence MORGA657054SM9IJ", ["MORGA657054SM9IJ"]),
        # near-misses: no cue, or a cue without a number
        ("order 481195160 shipped", []),
        ("renew your driver's license online", []),
        ("MIT license 2024", []),
    ],
)
def test_driver_license(text: str, expected: list[str]) -> None:
    assert flagged(text, "US_DRIVER_LICENSE") == expected
