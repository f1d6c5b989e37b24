"""A full name glued without spaces, as file names and handles write it (`detectors/glued_name.py`),
and a GitHub profile's title (`detectors/username.py`): kinds a blind set of window titles showed
(issue 11, twenty-second pass), as cases written here."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.glued_name import GluedNameDetector

RED = TextRedactor()


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in GluedNameDetector().detect(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Scan_passport_OliviaHartmann.pdf - Preview", "OliviaHartmann"),
        ("contract-AnaMariaSilva-signed.docx", "AnaMariaSilva"),
        ("Reisepass JonasWeber (2).jpg", "JonasWeber"),
    ],
)
def test_a_glued_full_name_is_a_person(text: str, name: str) -> None:
    assert _found(text) == [name]
    assert name in "".join(text[f.start : f.end] for f in RED.redact(text).findings)


@pytest.mark.parametrize(
    "text",
    [
        "class UserName extends BaseModel { MaxWidth: 10 }",
        "Open MarkDown in PowerPoint or JavaScript on GitHub, LinkedIn, YouTube",
        "JackSparrow.png",  # a word ends it
        "getRoseMiller()",  # no edge before it: code's camelCase
    ],
)
def test_camel_case_words_are_no_names(text: str) -> None:
    assert _found(text) == []


def test_a_github_profile_title_gives_the_login() -> None:
    text = "mkarlsson (Maja Karlsson) · GitHub"
    masked = [(f.kind, text[f.start : f.end]) for f in RED.redact(text).findings]
    assert ("USERNAME", "mkarlsson") in masked


def test_a_github_page_title_with_no_profile_keeps_its_words() -> None:
    assert not RED.redact("Pull request #4821 · acme/api · GitHub").findings
