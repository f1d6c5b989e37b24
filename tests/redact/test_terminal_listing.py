"""What a terminal's `ls -l` shows, as the frame pass's OCR reads it (the demo's frame, issue 11):
no phone number in its sizes, days and years, no topic in a column of its modes, and a number in
parentheses keeps its parentheses out of the mask."""

from __future__ import annotations

from demotrace.redact import TextRedactor


def redacted(red: TextRedactor, text: str) -> list[str]:
    return [text[f.start : f.end] for f in red.redact(text).findings]


def test_a_listing_line_holds_no_phone_even_with_its_month_lost() -> None:
    red = TextRedactor()
    for line in (
        "drwxr-xr-x 2 root root 4096 Jun 24 2025 alsa",
        "drwxr-xr- Xx root root 4096 24 2025 GConf",  # the OCR's: a letter of the mode, the month lost
        "-rw-r--r--@ 1 maria staff 4096 Jun 24 2025 notes.txt",
    ):
        assert not [f for f in red.redact(line).findings if f.kind == "PHONE_NUMBER"], line


def test_a_number_that_ends_at_an_hour_is_no_phone() -> None:
    red = TextRedactor()
    assert not red.redact("drwxr-xr- Xx root root 4096 6 02:52 .").findings
    # a phone whose last group is long stays one, time or not after it
    assert redacted(red, "ring 0161 496 0732 at 10:30") == ["0161 496 0732"]


def test_parentheses_around_a_number_are_left_and_an_area_codes_kept() -> None:
    red = TextRedactor()
    assert "07700 900 617" in redacted(red, "Key holder: Fraser (07700 900 617).")
    assert "(+55 11 95555-0134" not in redacted(red, "call me (+55 11 95555-0134) today")
    assert redacted(red, "Tel (020) 7946 0958") == ["(020) 7946 0958"]


def test_a_column_of_modes_is_about_no_topic() -> None:
    """The OCR read the last letters of twenty modes as a block of its own ("-X" on each line); the
    topic model called it "health" and the frame pass masked the column. Twenty copies of one
    token of one letter are no text to read a topic in."""
    red = TextRedactor(sensitive_topics=["health", "immigration", "family"])
    column = "\n".join(["-X"] * 18)
    assert not red.redact(column).dropped
    assert red.redact("Patient reports chest pain after the knee surgery; ibuprofen twice daily.").dropped


def test_a_column_of_month_names_is_about_no_topic() -> None:
    """The OCR read an `ls -l` listing's month column as a block of its own; the topic model had
    called it "immigration". A column of one word per line is no sentence to read a topic in."""
    red = TextRedactor(sensitive_topics=["health", "immigration", "family"])
    column = "\n".join(["Dec", "Dec", "Jun", "May", "Oct", "Jun", "May", "Dec"])
    assert not red.redact(column).dropped


def test_a_size_then_a_date_is_no_address() -> None:
    """A listing line as the OCR read it, its mode mangled ("r- xr-") and its day lost: the model
    had read "4096 Jun 2025 GConf" as a house number and a street."""
    red = TextRedactor()
    assert not [
        f
        for f in red.redact("r- xr- Xx root root 4096 Jun 2025 GConf").findings
        if f.kind == "STREET_ADDRESS"
    ]
