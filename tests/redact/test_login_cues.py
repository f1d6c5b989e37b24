"""Logins after "login"/"user" with no label, and profile handles after a network's name."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dictated note: login folaniyan. Reset pending.", "folaniyan"),
        ("Your new temp login is kpetrenko / Welcome#8821.", "kpetrenko"),
        ("Recruiter notes: open to relocating. LinkedIn: sunhee-park-ux.", "sunhee-park-ux"),
        ("Today he runs a ceramics studio and posts as kenji.makes.pots.", "kenji.makes.pots"),
    ],
)
def test_the_login_is_masked(text: str, gone: str) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "the login page is broken again.",
        "Login failed: user settings not saved.",
        "npm install left-pad@1.3.0 and steam the milk",
    ],
)
def test_words_after_the_cue_are_kept(text: str) -> None:
    assert TextRedactor().redact(text).text == text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("my insta handle is @sunny.days.22 now", True),
        ("@app.route('/')\ndef index(): pass", False),
        ("    @property.setter\n    def name(self, v): ...", False),
    ],
)
def test_a_dotted_handle_but_no_decorator(text: str, masked: bool) -> None:
    out = TextRedactor().redact(text).text
    assert out is not None and (("[USERNAME]" in out) == masked), out
