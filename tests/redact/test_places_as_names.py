"""Countries in a row and a town after a preposition are places, not persons (`places_as_names`)."""

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


@pytest.mark.parametrize(
    "text, town",
    [
        ("Mrs Adjei came to Leicester in 1961 and worked as a nurse", "Leicester"),
        ("Jodie Whitcombe, 38, of Swindon, worked at the depot", "Swindon"),
        ("Firefighters from Hastings and Bexhill were called", "Hastings"),
        ("Welcome to Lisbon office — ask at the desk", "Lisbon"),
    ],
)
def test_a_town_after_a_preposition_is_no_name(text: str, town: str) -> None:
    assert town not in [t for k, t in masked(text) if k == "PERSON"], masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("I talked to Gary about the rota", "Gary"),
        ("Beloved husband of Teresa and father of two", "Teresa"),
        ("Handed over to Fatima on Friday", "Fatima"),
    ],
)
def test_a_first_name_after_a_preposition_stays_masked(text: str, name: str) -> None:
    assert name in [t for k, t in masked(text) if k == "PERSON"], masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Country  France  v",
        "Country | France | Picked France",
        "Choose…\nFrance",
        "Choose…\nFrance\nGermany",
        "Pays : France",
    ],
)
def test_a_country_picked_or_listed_alone_is_no_name(text: str) -> None:
    assert [t for k, t in masked(text) if k == "PERSON"] == [], masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Jordan\n9:14 AM\nhey all, standup moved", "Jordan"),
        ("Thanks Jordan, see you Monday", "Jordan"),
        ("Pays : France\nNom : France Dupont", "France Dupont"),
    ],
)
def test_a_name_that_is_a_country_stays_masked_as_a_name(text: str, name: str) -> None:
    assert name in [t for k, t in masked(text) if k == "PERSON"], masked(text)
