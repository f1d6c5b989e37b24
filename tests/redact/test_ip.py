from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("address 58.74.121.78 blocked", ["58.74.121.78"]),
        ("ssh 192.168.1.20:22", ["192.168.1.20"]),
        ("v6 2001:db8::8a2e:370:7334 up", ["2001:db8::8a2e:370:7334"]),
        ("fe80::1%eth0", ["fe80::1%eth0"]),
        # near-misses
        ("version 1.2.3.4.5", []),
        ("999.1.1.1", []),
        ("time 12:30:45", []),
    ],
)
def test_ip(text: str, expected: list[str]) -> None:
    assert flagged(text, "IP_ADDRESS") == expected
