"""Issue 11, twenty-eighth pass: places named after people are no one's name; a street named in a
story is no one's address. Cases written here, not copied from the labelled sets."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

from .helpers import redacted as _masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a saint's church, hall or park
        ("The carol service is at St. Brigid's Church on Sunday at 6pm.", "Brigid"),
        ("Coffee morning in St Aloysius' hall after mass.", "Aloysius"),
        ("Under-9s train at Saint Ambrose's Park every Tuesday.", "Ambrose"),
        # a street, a cemetery, a room named after someone, in a story
        ("Roadworks will close Tennyson Road between the roundabout and the bridge.", "Tennyson"),
        ("A cyclist was hurt on Gladstone Avenue on Friday night.", "Gladstone Avenue"),
        ("The buses are diverted along Cromwell Street during the market.", "Cromwell Street"),
        ("Burial follows at Lincoln Cemetery.", "Lincoln"),
        ("The book club meets in the Austen Room upstairs.", "Austen"),
        ("Shares rallied on Wall Street after the report.", "Wall Street"),
    ],
)
def test_the_place_is_kept(text: str, kept: str) -> None:
    assert kept in _masked(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a hospital or a school named after a saint is an organisation (a clinic, an employer)
        ("She was admitted to St. Columba's Hospital last night.", "Columba"),
        # a residence's word before the street, or its town after it, keeps the address
        ("Mrs Okonjo lives on Tennyson Road with her two sons.", "Tennyson Road"),
        ("Please send it to Cromwell Street, Harrogate by Friday.", "Cromwell Street"),
        # a house number: an address whatever the story
        ("The fire started at 42 Gladstone Avenue on Friday night.", "42 Gladstone Avenue"),
        # a long street name after its number
        ("Pickup at 3150 W Martin Luther King Jr Boulevard at noon.", "Luther King Jr Boulevard"),
        # people stay people: a surname that is a street's noun, a name beside a saint's
        ("Call Priya Hall about the invoice.", "Priya Hall"),
        ("Ask Jisoo Park to sign the form.", "Jisoo Park"),
    ],
)
def test_the_private_value_is_masked(text: str, secret: str) -> None:
    assert secret not in _masked(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # brands and companies named like people, public figures as topics
        ("Half price on Miele and Siemens dishwashers this weekend only.", "Miele"),
        ("Vouchers donated by Marks & Spencer and Waitrose.", "Marks & Spencer"),
        ("The transfer was declined by Wells Fargo twice.", "Wells Fargo"),
        ("Markets fell after Janet Yellen spoke on Tuesday.", "Janet Yellen"),
        ("Our reading group starts Jane Austen's Persuasion next week.", "Jane Austen"),
    ],
)
def test_brands_and_public_figures_are_kept(text: str, kept: str) -> None:
    assert kept in _masked(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a label or a title before the name still makes a person; a given name is no brand
        ("Patient: Grace Kelly, DOB 04/05/1961", "Grace Kelly"),
        ("Mr Dyson will call you back about the refund.", "Dyson"),
        ("Can Zara pick up the keys at five?", "Zara"),
        # a surname inside a brand's name elsewhere in the text is still a person's
        ("Anna Marks from accounts approved the Marks & Spencer order.", "Anna Marks"),
    ],
)
def test_people_named_like_brands_stay_masked(text: str, secret: str) -> None:
    assert secret not in _masked(text)


@pytest.mark.parametrize(
    ("text", "kept", "masked"),
    [
        ("Flood warnings along the River Severn after the storm", "River Severn", None),
        ("The reception was held at the Savoy Grill on the Strand.", "Savoy Grill", None),
        ("Welcome to our new neighbours, the Adeyemi family at number 4!", None, "Adeyemi"),
        ("Can someone send me the Brennan deposition from Tuesday?", None, "Brennan"),
    ],
)
def test_a_run_after_a_lower_case_the_names_a_place_unless_a_family_follows(
    text: str, kept: str | None, masked: str | None
) -> None:
    """Twenty-ninth pass: "the River Severn", "the Savoy Grill" name places; "the Adeyemi family",
    "the Brennan deposition" name people."""
    found = [text[f.start : f.end] for f in TextRedactor().redact(text).findings]
    if kept:
        assert not any(kept in v or v in kept for v in found), found
    if masked:
        assert any(masked in v for v in found), found


def test_a_place_after_a_bodys_of_and_a_person_after_an_estates() -> None:
    """Twenty-ninth pass: "Embassy of Ireland", "Supreme Court of Victoria", "Port of Newcastle"
    name places; "Estate of Margaret Olsen" names a person."""
    red = TextRedactor()
    for text in ("Embassy of Ireland, Abuja", "Supreme Court of Victoria", "at the Port of Newcastle today"):
        assert not red.redact(text).findings, text
    found = [f for f in red.redact("Estate of Margaret Olsen, deceased").findings if f.kind == "PERSON"]
    assert found, found
