"""A file's name of words joined by "_" in a window title (issue 11, twenty-ninth pass: the kind
`titles_blind2.json` showed; cases written here): the name or the id in it is masked, the words
that say what the file is are not, and no part of the person's name is left beside the mask."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

from .helpers import masked


def _found(text: str) -> list[str]:
    return [v for _, v in masked(text)]


@pytest.mark.parametrize(
    ("title", "private"),
    [
        ("Invoice_Maria_Gonzalez_2024.pdf — Document Viewer", "Maria_Gonzalez"),
        ("Performance_Review_H2_Natalia_Ivanova.pptx - PowerPoint", "Natalia_Ivanova"),
        ("Tenancy_Agreement_Oluwaseun_Adeyemi_2025.docx - Word", "Oluwaseun_Adeyemi"),
        ("Visa_Appointment_Confirmation_P8830472.pdf - Adobe Acrobat Reader", "P8830472"),
    ],
)
def test_the_private_parts_of_a_files_name_alone(title: str, private: str) -> None:
    found = _found(title)
    assert any(private in v for v in found), found
    stem = title.split(".")[0]
    assert all(len(v) < len(stem) for v in found), found  # not the whole name


def test_a_files_name_of_words_is_no_secret() -> None:
    assert _found("Employee_Handbook_2024_FINAL.docx - LibreOffice Writer") == []
    assert _found("Quarterly_Budget_Review_2025_DRAFT.xlsx - Excel") == []


def test_a_login_glued_to_a_name_is_still_widened_whole() -> None:
    """Not a file's name: `whole_handles` widens a name in a handle as before."""
    found = _found("ssh maria.gonzalez@build-01 failed")
    assert any("maria.gonzalez" in v for v in found), found


@pytest.mark.parametrize(
    ("title", "private"),
    [
        ("lease_signed_14_Orchard_Lane_Flat_2.pdf - Evince", "14_Orchard_Lane"),
        ("cohort_patient_MRN_00581234.ipynb - JupyterLab", "00581234"),
        ("Payslip_April_2025_Deepa_Raman.pdf - Adobe Acrobat Reader", "Deepa_Raman"),
    ],
)
def test_a_files_parts_are_read_as_words(title: str, private: str) -> None:
    """The rules read a file's name with its "_" as blanks too (`spaced_view`: the same offsets),
    so a street, a patient's number or a name glued into it is found; the file's own words stay."""
    red = TextRedactor()
    one, many = red.redact(title), red.redact_many([title])[0]
    assert one == many
    found = [title[f.start : f.end] for f in one.findings]
    assert any(private in v for v in found), found
    assert not any("Payslip" in v or "April" in v or "cohort" in v for v in found), found


def test_a_files_name_of_words_and_labels_is_kept() -> None:
    assert _found("Budget_FY2025_final_v2.xlsx - Excel") == []
    assert _found("Sprint_Review_Q3_2025_DRAFT.pptx - PowerPoint") == []
