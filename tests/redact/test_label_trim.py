"""A finding that ran on into the next field's label ends before it (`label_trim.py`)."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("First name: Daniel Last name: Whitmore Email: dan.w@example.com Phone: 020 7946 0321", "Email:"),
        ("Naam: Demir, Emre Afdeling: Orthopedie Kamer: 3.14", "Afdeling:"),  # not a listed label word
        ("Guest: Mr. & Mrs. Okafor Room: 318 Check-in: 14 Aug", "Room:"),
        ("Werknemer: Maarten Hofstede Personeelsnummer: 55102 Functie: planner", "Personeelsnummer:"),
    ],
)
def test_the_label_after_a_name_is_kept(text: str, kept: str) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and kept in out, out


def test_a_chat_speakers_second_name_is_no_label() -> None:
    text = "Wang Jie: Meeting moved to 3pm\nTom Price: ok, room?\nWang Jie: the one next to B2"
    out = TextRedactor().redact(text).text
    assert out is not None and "Jie" not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Beste Anouk, hierbij de offerte.", "Beste "),
        ("Dag Pieter, kun je even bellen?", "Dag "),
        ("Aangever Jan de Boer verklaart het volgende.", "Aangever "),
    ],
)
def test_a_greeting_or_role_before_a_name_is_kept(text: str, kept: str) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and out.startswith(kept) and "Anouk" not in out and "Pieter" not in out, out


def test_a_first_name_that_is_a_greeting_stays_masked() -> None:
    out = TextRedactor().redact("Dag Solheimsvik was secretary of the club.").text
    assert out is not None and "Dag" not in out, out
