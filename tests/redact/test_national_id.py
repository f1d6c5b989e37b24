"""National identity numbers found by their check digits alone (detectors/national_id.py): each
country's number as its checksum makes it, one digit changed fails, and numbers of other kinds in
the same shape (a time stamp, a build's id, a phone) are not taken."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.national_id import NationalIdDetector

DET = NationalIdDetector()

# each value computed here from its country's rule (not copied from any list of examples)
VALID = [
    ("Inkomstdeklaration 1 för 19780322-4414 – Google Chrome", "19780322-4414"),  # Luhn
    ("pnr 780322-4414", "780322-4414"),
    ("hetu 131052-308T", "131052-308T"),  # 131052308 mod 31 = 25 → T
    ("fødselsnummer 01129955151", "01129955151"),
    ("DNI 12345678Z", "12345678Z"),  # 12345678 mod 23 = 14 → Z
    ("NIE X1234567L", "X1234567L"),
    ("RSSMRA85T10A562S;Mario;Rossi", "RSSMRA85T10A562S"),
    ("n° sécu 1 85 05 78 006 084 91", "1 85 05 78 006 084 91"),  # 97 - 1850578006084 mod 97
    ("rijksregister 85.07.30-033.28", "85.07.30-033.28"),
    ("CPF 111.444.777-35", "111.444.777-35"),
]


@pytest.mark.parametrize(("text", "value"), VALID)
def test_a_valid_number_is_found(text: str, value: str) -> None:
    assert value in [text[s.start : s.end] for s in DET.detect(text)]


# (a Swedish number written with its century is taken without its check: `national_id._SE_WHOLE`;
# its short form keeps it)
@pytest.mark.parametrize(
    ("text", "value"), [v for v in VALID if not v[0].startswith(("RSSMRA", "Inkomstdeklaration"))]
)
def test_one_digit_changed_fails_the_check(text: str, value: str) -> None:
    i = max(k for k, c in enumerate(value) if c.isdigit())
    changed = value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1 :]
    text = text.replace(value, changed)
    assert changed not in [text[s.start : s.end] for s in DET.detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        "build 20240516-1142 deployed",  # a date-led build id
        "backup_202403151234.tar.gz",  # a time stamp
        "call 0701234567 or 070-123 45 67",
        "SKU 12345678 in stock",
        "commit 9f3c1ab0d2e4",
    ],
)
def test_numbers_of_other_kinds_are_not_ids(text: str) -> None:
    assert not list(DET.detect(text))


@pytest.mark.parametrize("code", ["RSSMRA85T10A563S", "BNCLCU79E48F205X", "VRDGPP80A41H501Q"])
def test_a_codice_fiscale_of_its_shape_is_found_whatever_its_check_letter(code: str) -> None:
    # sixteen characters in the code's order with a birth day of its range (a woman's + 40) are the
    # code: a typo or a form's made-up example shows a person's as much
    assert code in _found(f"Cassetto fiscale - {code} - Agenzia delle Entrate")


@pytest.mark.parametrize("code", ["RSSMRA85T99A563S", "ABCDEF12G34H567I"])
def test_a_codice_fiscale_shape_with_no_day_needs_its_check_letter(code: str) -> None:
    assert code not in _found(f"ref {code}")  # day 99: no one's; G: no month


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in DET.detect(text)]


def test_the_engine_masks_a_codice_fiscale_in_a_csv_row() -> None:
    text = "De Santis;Maria Grazia;RSSMRA85T10A562S;mg@example.it"
    out = TextRedactor().redact(text).text or ""
    assert "RSSMRA85T10A562S" not in out
