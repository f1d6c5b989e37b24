"""Countries in a row are a list of places, not a person (`country_lists`)."""

from __future__ import annotations

import pytest

from .helpers import masked


@pytest.mark.parametrize(
    "text",
    [
        "Country  Choose…  France  Germany  Japan  Brazil",
        "Country | Germany | Picked Germany",
        "Choose…\nFrance\nGermany\nJapan\nBrazil",
        "Ships to: Jordan, Georgia, Chad",
        "Offices in South Africa / Kenya / Ghana",
        "Select your region: Ireland | France | Israel",
    ],
)
def test_countries_in_a_row_are_no_name(text: str) -> None:
    assert [t for k, t in masked(text) if k == "PERSON"] == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Call Jordan Smith at the office", "Jordan Smith"),
        ("Kenya Moore, Jordan said", "Kenya Moore"),
        ("Signed: France Dupont", "France Dupont"),
        ("Guests: Chad Okafor, Israel Adesanya-Kim", "Chad Okafor"),
    ],
)
def test_a_name_with_a_country_in_it_stays_masked(text: str, name: str) -> None:
    assert name in "".join(t for k, t in masked(text) if k == "PERSON"), masked(text)
