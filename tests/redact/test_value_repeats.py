"""A found value is masked wherever the text repeats it (`redact/value_repeats.py`)."""

from __future__ import annotations

from demotrace.redact import TextRedactor
from demotrace.redact.value_repeats import with_repeats
from demotrace.schema import Finding


def test_a_handle_found_once_is_masked_where_it_repeats_without_a_cue() -> None:
    text = "user: jl.arrabal\nbackup done by jl.arrabal at 03:00 (jl.arrabal.old kept)"
    found = [Finding("USERNAME", 6, 16, "username", 0.9)]
    out = with_repeats(text, found)
    assert [text[f.start : f.end] for f in out] == ["jl.arrabal", "jl.arrabal"]  # not inside "jl.arrabal.old"
    assert all(f.kind == "USERNAME" for f in out)


def test_words_code_names_and_short_ids_are_not_spread() -> None:
    text = "Parkinson Parkinson adminUsername adminUsername TB-4410 TB-4410 Kazakh Khanate Kazakh Khanate"
    found = [
        Finding("PERSON", 0, 9, "person", 0.9),  # one word: `_person_repeats` decides those
        Finding("USERNAME", 20, 33, "model", 0.9),  # camel case: a code name
        Finding("ACCOUNT_ID", 48, 55, "model", 0.9),  # four digits
    ]
    assert with_repeats(text, found) == found


def test_a_login_said_after_its_label_is_masked_where_the_log_repeats_it() -> None:
    for text, value in [
        ("Utente: m.rossi84\nUltimo accesso di m.rossi84 alle 09:12", "m.rossi84"),
        ("user: jl.arrabal\nbackup finished, owner jl.arrabal", "jl.arrabal"),
    ]:
        out = TextRedactor().redact(text)
        assert value not in out.text, out.text
