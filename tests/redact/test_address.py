from __future__ import annotations

import pytest

from .helpers import flagged


def covered(text: str) -> str:
    """The text with every redacted character replaced by '#', to compare by eye."""
    from demotrace.redact import TextRedactor

    r = TextRedactor().redact(text)
    chars = list(text)
    for f in r.findings:
        for i in range(f.start, f.end):
            chars[i] = "#"
    return "".join(chars)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ship to 1600 Pennsylvania Ave NW, Washington please", ["1600 Pennsylvania Ave NW, Washington"]),
        ("office: 221B Baker Street", ["221B Baker Street"]),
        ("wohnt in der Hauptstraße 5 in Berlin", ["Hauptstraße 5"]),
        ("bezoek ons op Keizersgracht 123", ["Keizersgracht 123"]),
        ("12 rue de Rivoli, Paris", ["12 rue de Rivoli, Paris"]),
        ("Calle Mayor 7, Madrid", ["Calle Mayor 7, Madrid"]),
        ("ul. Marszałkowska 10", ["ul. Marszałkowska 10"]),
        ("Apt. 4B is free", ["Apt. 4B"]),
        ("ZIP: 90210", ["90210"]),
        ("The bus stops at Ziegelgasse 26", ["Ziegelgasse 26"]),
        # near-misses: dates, street words inside other words, titles, counts
        ("On 29 March 2017 we met", []),
        ("I lost my credit card", []),
        ("Dr. Nielsen is here", []),
        ("of course, via email", []),
        ("top 20 songs of the year", []),
        ("Route planning for Q3", []),
    ],
)
def test_address(text: str, expected: list[str]) -> None:
    assert flagged(text, "STREET_ADDRESS") == expected


def test_postal_block_takes_addressee_to_postcode() -> None:
    text = "Michael Urner\n\n11 Školní 939\n Apt. 827\n Kaplice 1\n\n Iceland 80392\nMobile: 041-412-293"
    assert covered(text) == (
        "#############\n\n#############\n ########\n #########\n\n #############\nMobile: ###########"
    )
