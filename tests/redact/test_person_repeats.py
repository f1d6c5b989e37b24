"""A person the rule found, named again later by surname or first name alone, and "Surname, First"
in one field (`detectors/_person_repeats.py`)."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Local firefighter Hunter Young rescued a family. Young was treated for smoke.", ["Young"]),
        ("Dr. Elena Marsh, a cardiologist. Marsh can be reached at the clinic.", ["Marsh"]),
        ("EMPLOYEE RECORD | Name: Okonjo, Adanna | Start date: 01/03/2019", ["Okonjo", "Adanna"]),
        ("customer spelled name as MacAllister, Ewan; account updated", ["MacAllister", "Ewan"]),
    ],
)
def test_the_name_again_is_masked(text: str, gone: list[str]) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None
    assert not [w for w in gone if w in out], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Complaint from Mrs. Dolores King: the King Size duvet is a double.", "King Size"),
        ("We met in Paris, France, in May.", "Paris, France"),
        ("Hello John, Thanks for the update.", "Thanks"),
    ],
)
def test_what_only_looks_like_it_is_kept(text: str, kept: str) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and kept in out, out
