from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mail bob@example.com", ["bob@example.com"]),
        ("LeaVLind@superrito.com wrote", ["LeaVLind@superrito.com"]),
        ("<jane.o'neil+tag@mail.co.uk>", ["jane.o'neil+tag@mail.co.uk"]),
        ("first.last@sub.example-corp.io, x@y.de", ["first.last@sub.example-corp.io", "x@y.de"]),
        ("https://x.example/login?user=ana%40example.org&a=1", ["ana%40example.org"]),
        # near-misses
        ("my email is info@presidio.", []),
        ("ssh root@localhost", []),
        ("git clone git@github.com:acme/api.git", []),
        ("@mention in slack", []),
        ("decorator @property.setter", []),
    ],
)
def test_email(text: str, expected: list[str]) -> None:
    assert flagged(text, "EMAIL_ADDRESS") == expected
