from __future__ import annotations

import pytest

from demotrace.redact.detectors.credit_card import luhn_ok

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my card # 5213591727586604 for", ["5213591727586604"]),
        ("visa 4532 2766 4457 7020 exp 12/27", ["4532 2766 4457 7020"]),
        ("amex 3782-822463-10005", ["3782-822463-10005"]),
        ("4532276644577020 12", ["4532276644577020"]),
        ("diners 30569309025904.", ["30569309025904"]),
        # the networks' test cards: two distinct digits, Luhn-valid
        ("my card 4111 1111 1111 1111 expires 04/27", ["4111 1111 1111 1111"]),
        ("mc 5555555555554444 and visa 4222222222222", ["5555555555554444", "4222222222222"]),
        # near-misses: Luhn fails, too short, repeated digit
        ("card 4532276644577021", []),
        ("order 1234 5678", []),
        ("0000 0000 0000 0000", []),
    ],
)
def test_credit_card(text: str, expected: list[str]) -> None:
    assert flagged(text, "CREDIT_CARD") == expected


def test_luhn() -> None:
    assert luhn_ok("79927398713")
    assert not luhn_ok("79927398710")
