"""The account-id rule (`detectors/account_id.py`): a cued id is found by the rule itself, so a
title whose few words the model reads wrong still loses it; what numbers a thing, a date or a
short number after the same cues is left alone by the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from demotrace.redact.detectors._base import TextBatch
from demotrace.redact.detectors.account_id import AccountIdDetector
from demotrace.redact.engine import TextRedactor
from demotrace.redact.evaluate import load_samples

RULE = AccountIdDetector()


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in RULE.detect(text)]


FOUND = [
    # the title the model missed (seventeenth pass's blind titles)
    ("Opportunity: Renewal for acct 0017Q00000xYz9 - Salesforce", "0017Q00000xYz9"),
    ("Customer no. 4482719 called about the refund", "4482719"),
    ("Account #: AC-99812-X", "AC-99812-X"),
    ("MRN: 00482915", "00482915"),
    ("Policy number PLC/2231/88410 renewed", "PLC/2231/88410"),
    ("Member ID 48213977 - Benefits portal", "48213977"),
    ("Kundennummer: 88123456", "88123456"),
    ("Konto-Nr. 0532013000", "0532013000"),
    ("klantnummer 7712044", "7712044"),
    ("cliente n° 00482915", "00482915"),
    ("Numéro de compte client 44-81-2291", "44-81-2291"),
    ("póliza 7781203344", "7781203344"),
    ("pacjent nr 6612093", "6612093"),
    ("Employee ID: E48213", "E48213"),
    # staff, insurance and identity numbers of more languages, some written in groups (twenty-third
    # pass: cues written here, not the blind set's lines)
    ("Personal-Nr.: 40913", "40913"),
    ("Versicherungsschein: 220/7781/553-B", "220/7781/553-B"),
    ("N° de contrat : HAB-0091 7712 05", "HAB-0091 7712 05"),
    ("N° d'adhérent : KP 48 220 913", "KP 48 220 913"),
    ("Sozialversicherungsnummer: 65 170839 J 578", "65 170839 J 578"),
    ("polizza n. AUT 0091 4471 20", "AUT 0091 4471 20"),
    ("N. tessera sanitaria: 80380000301234567890", "80380000301234567890"),
    ("Nr ewidencyjny: PR-55821", "PR-55821"),
    ("National insurance number: AB 48 11 92 C", "AB 48 11 92 C"),
    ("new sort code 30-12-88, account 55102938", "30-12-88"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_a_cued_id_is_found(text: str, value: str) -> None:
    assert value in _found(text)
    assert value not in (TextRedactor().redact(text).text or "")


NOT_FOUND = [
    "customer since 2019",  # a year: four digits
    "Policy 2024-11-30 signed",  # a date
    "client 5.0.12 released",  # a version: dots split it
    "account 4821 closed",  # four digits
    "Order #112-4839201-7720451 shipped",  # an order numbers a thing: not cued here
    "Ticket SUP-20931: refund",
    "accountant 123456",  # the cue is a word of its own
    "patients 12345 enrolled",
    "the customer paid 250000 in total",  # a word between the cue and the number
    "Our account manager 12345 Main Street",  # a qualifier is one of the cue's own, not any word
    "patient ID PT 88 1234 and more",  # (the id, not "ID" before it: checked below)
]


@pytest.mark.parametrize("text", NOT_FOUND[:-1])
def test_no_id_where_the_cue_does_not_number_an_account(text: str) -> None:
    assert _found(text) == []


def test_a_link_word_is_no_part_of_a_grouped_id() -> None:
    assert all(not v.startswith("ID") for v in _found(NOT_FOUND[-1]))


def test_detect_many_is_detect_per_text() -> None:
    """One search of the joined batch (cue stems on the lower-cased batch) finds what `detect`
    finds in each text: the cases above, the held-out texts, texts whose lower case `TextBatch`
    blanks ("İ", "ſ": IGNORECASE folds them to an ASCII letter, `str.lower` does not) and a batch
    with the Kelvin sign (which `str.lower` folds to "k")."""
    heldout = Path(__file__).parent / "data" / "heldout"
    texts = (
        [t for t, _ in FOUND]
        + NOT_FOUND
        + ["", "no digits here", "İstanbul Kundennummer 4482719", "ſocio 77777"]
    )
    for kind in ("titles", "chat", "forms", "letters", "clinical"):
        texts += [s.text for s in load_samples(heldout / f"{kind}.json")]
    for batch in (texts, [*texts, "\u212aunde 48213977"]):
        assert RULE.detect_many(TextBatch(batch)) == [RULE.detect(t) for t in batch]
    assert RULE.detect("\u212aundennummer 48213977") != []  # K as the Kelvin sign: a cue all the same
