"""The spoken-number rule (`detectors/spoken.py`): numbers and addresses said in words, as a
voice memo's transcript or a call's notes writes them, and the counts, scores and times it keeps."""

from __future__ import annotations

import pytest

from demotrace.redact.detectors.spoken import SpokenNumberDetector

DET = SpokenNumberDetector()


@pytest.mark.parametrize(
    ("text", "kind", "said"),
    [
        ("his direct line is oh-four, nine-three-seven, two-two-one, eight-eight", "PHONE_NUMBER",
         "oh-four, nine-three-seven, two-two-one, eight-eight"),
        ("call me on zero seven seven double nine, four one two three three eight", "PHONE_NUMBER",
         "zero seven seven double nine, four one two three three eight"),
        ("her mobile is plus sixty-four, twenty-one, five-five-five, zero-one-eight-two", "PHONE_NUMBER",
         "plus sixty-four, twenty-one, five-five-five, zero-one-eight-two"),
        ("the claim is C-L-M seven-seven-four-one-zero", "ACCOUNT_ID", "C-L-M seven-seven-four-one-zero"),
        ("my account number is four four one two, nine nine eight seven", "ACCOUNT_ID",
         "four four one two, nine nine eight seven"),
        ("email her at funmi dot ade at yahoo dot co dot uk please", "EMAIL_ADDRESS",
         "funmi dot ade at yahoo dot co dot uk"),
    ],
)  # fmt: skip
def test_a_number_or_an_address_said_in_words_is_found(text: str, kind: str, said: str) -> None:
    spans = [(s.kind, text[s.start : s.end]) for s in DET.detect(text)]
    assert (kind, said) in spans


@pytest.mark.parametrize(
    "text",
    [
        "Count with me: one, two, three, four, five, six, seven, eight!",
        "I have two or three, maybe four or five cats and one dog, seven birds, nine fish",
        "The score was two one, then three nil; at twenty past nine we left at one five.",
        "Table for two, two nights, one room",
        "look at the dot on the map",
        "Plan A: one two one, then B four five.",
    ],
)
def test_counts_scores_and_prose_are_kept(text: str) -> None:
    assert not list(DET.detect(text))
