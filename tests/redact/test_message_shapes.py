"""Shapes of text messages that a blind set of English texts showed (issue 11, twenty-second pass),
each as a case written here: a nickname that is a word, speaking in a dialogue with "me" or "u";
a message's lines after an address, which are no part of it; a country after any word; the
words a family calls its elders by."""

from __future__ import annotations

import pytest

from .helpers import covered, masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[09:12] Baz: u up?\n[09:13] Me: barely\n[09:13] Baz: coffee?", "Baz"),
        ("me: where did u park\nrook: level 2 by the lifts\nme: ta", "rook"),
    ],
)
def test_a_nickname_in_a_dialogue_with_me_is_a_person(text: str, name: str) -> None:
    assert ("PERSON", name) in masked(text)


def test_log_lines_with_time_stamps_keep_their_labels() -> None:
    assert masked("[10:01] Build: started\n[10:02] Build: passed\n[10:03] Deploy: queued") == []


def test_the_lines_of_a_message_around_an_address_stay() -> None:
    text = "whats ur new address?\n22 hollin lane, leeds LS16 5JE\nis that near the park?\nyes 5 mins walk!!"
    assert masked(text) == [("STREET_ADDRESS", "22 hollin lane, leeds LS16 5JE")]


def test_a_postal_block_keeps_its_town_and_region_lines() -> None:
    text = "The Old Rectory\n4 Church Lane\nAmbleside\nCumbria LA22 9AB"
    gone = covered(text)
    assert "Church Lane" in gone and "LA22 9AB" in gone and "Ambleside" in gone


@pytest.mark.parametrize(
    "text",
    ["Strikes may delay flights to Spain, Portugal and Italy.", "Shipping to Norway takes 3 days."],
)
def test_a_country_is_no_person(text: str) -> None:
    assert masked(text) == []


def test_what_a_family_calls_its_elders_is_no_name() -> None:
    assert masked("hi nanny!! thank u for the card, love from us xx") == []


@pytest.mark.parametrize(
    "text",
    [
        "Half term: Mon 17 Feb – Fri 21 Feb; back on 24 Feb",
        "Deadline moved to June 30th",
        "Hi, I'm writing about the invoice",
        "@here standup moved to 10:30",
        "Pick-up: Terminal 2 arrivals, 14:10\nDrop-off: Hotel Lindner, 18:00",
        "IBAN: see attachment\nBIC: see attachment",
        "Plan: 12 Mbps (broadband, residential)",
    ],
)
def test_dates_contractions_group_mentions_and_labels_are_no_people(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thanks Jan, see you Monday", "Jan"),
        ("June Carter will chair", "June Carter"),
        ("user: admin", "admin"),
    ],
)
def test_names_that_are_months_and_logins_that_are_words_stay(text: str, name: str) -> None:
    assert name in covered(text)


@pytest.mark.parametrize(
    "text",
    [
        "Procter & Procter annual report - Adobe Acrobat",
        "Marks & Sparks's Summer Menu | Deliveroo",
        "Zugverbindung Hamburg → Berlin | DB Navigator",
    ],
)
def test_a_brand_of_two_names_and_a_routes_stops_are_no_people(text: str) -> None:
    assert not [k for k, _ in masked(text) if k == "PERSON"], masked(text)


def test_two_people_joined_by_and_stay_people() -> None:
    gone = covered("Sign-in: Grace & Tom Fielding, 0412 555 101")
    assert "Grace" in gone and "Tom Fielding" in gone
