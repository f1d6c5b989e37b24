"""The address rule searches a text let through by its gate only for the streets whose word the
text holds (`address.street_regex`, by the kinds `AddressGate.texts` reports): the same matches
as the whole `_STREET` on every text, including texts where only one alternative matches, street
words in upper case or with characters `re` folds beyond `str.lower` (ſ), and texts of several
lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from demotrace.redact.detectors import address
from demotrace.redact.detectors._address_cue import cue_spans
from demotrace.redact.detectors._address_gate import STREET
from demotrace.redact.detectors._numberless_streets import numberless_ok, numberless_placed
from demotrace.redact.detectors.address import AddressDetector, street_regex

from .helpers import batch_corpus

# per alternative of `_STREET_ALTS` (its index), lines where it is the one that matches first (a
# wrong kind for it drops or changes the match)
ONE_ALTERNATIVE = [
    (0, "12 argyll road"),  # number, words, suffix word
    (1, "pickup: Whittaker Street, Leeds"),  # capitalised words, suffix word
    (2, "rue Descartes 5"),  # prefix word
    (3, "Nassaustraat 123"),  # glued suffix
    (4, "97, rue de Texier"),  # French number, comma, prefix word
    (4, "28, square Louis Lejeune"),  # French number, comma, a word of the suffix list
    (5, "Catohof 7"),  # Dutch numbered compound
    (6, "06 Reyes Católicos 17"),  # number, capitalised words, number
    (7, "1032 Michael Course"),  # the rest of the USPS table
]
TRICKY = [
    "12 ARGYLL ROAD",
    "Auerſtraſſe 12",  # ſ: `re` folds it to s, `str.lower` does not
    "AUERSTRASSE 12, Whittaker St",
    "ul. Długa 4\nNassaustraat 1",
    "Megan Payne\n12 Argyll Road\nLondon SW1A 1AA",
    "send it to Piazza Lisa, 336\n80048, Starza Vecchia (NA)",
    "Kate Edger Place\nAuckland",
    "Megan Payne\nCatohof 7",
    "Megan Payne\n90 Benjamin Nook\nSpringfield",  # a number line in a block
    "corner of 46 velký průhon",  # a context cue
    "山形県荒川区高田馬場5丁目8番3号",
    "Πλατεία Μαβίλη 170",
    "улица Ленина 5",
]


def _kinds(text: str) -> int:
    """The street kinds of the runs of letters in `text`, as the gate classes them."""
    out = 0
    for run in re.findall(r"[^\W\d_]+", text):
        for bit, kind in address._RUN_KINDS:
            if kind.fullmatch(run):
                out |= bit
    return out


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    return batch_corpus(shared_dir, [*(line for _, line in ONE_ALTERNATIVE), *TRICKY])


def test_each_alternative_is_needed() -> None:
    """Each example line matches the whole regex, and loses that match without its alternative."""
    for alt, line in ONE_ALTERNATIVE:
        want = _spans(address._STREET, line)
        assert want, line
        rest = [a.removeprefix(address._B) for j, a in enumerate(address._STREET_ALTS) if j != alt]
        without = re.compile(address._B + "(?:" + "|".join(rest) + ")")
        assert _spans(without, line) != want, line


@pytest.mark.parametrize("digits", [True, False], ids=["with digits", "without digits"])
def test_street_regex_by_kinds_is_the_whole(texts: list[str], digits: bool) -> None:
    whole = address._STREET if digits else address._STREET_NO_DIGITS
    found = 0
    for text in texts:
        want = _spans(whole, text)
        found += bool(want)
        assert _spans(street_regex(_kinds(text), digits), text) == want, text
    assert found > 300
    assert street_regex(STREET, digits) is whole


def test_gate_reports_each_texts_kinds(texts: list[str]) -> None:
    """The kinds the gate gives a text are those of its runs (the batch split once, its words
    memoised), and `detect_many` gives the spans of `detect`."""
    det = AddressDetector()
    for i, kinds in det._gate.texts(texts):
        assert kinds == _kinds(texts[i]), texts[i]
    lines = [*(line for _, line in ONE_ALTERNATIVE), *TRICKY]
    batch = [f"filler line {i}" for i in range(5)] + lines
    assert AddressDetector().detect_many(batch) == [list(det.detect(t)) for t in batch]
    assert all(AddressDetector().detect_many(batch)[5:])


def _candidates_unskipped(text: str) -> list[tuple[int, int]]:
    """`AddressDetector._candidates` as it was before it skipped regexes a text cannot match (no
    newline, no cue stem, ASCII, the first line) and searched only the street kinds at hand."""
    a = address
    spans = []
    for m in a._STREET.finditer(text):
        if any(map(str.isdigit, m.group())) or (
            numberless_ok(m.group()) and numberless_placed(text, *m.span())
        ):
            spans.append(m.span())
    for m in a._CONTEXT_STREET.finditer(text):
        if a.ADDRESS_CUE.search(text[max(0, m.start() - 40) : m.start()]):
            spans.append(m.span())
    spans += [m.span() for m in a._NUMBER_LINE.finditer(text)]
    spans.extend(cue_spans(text))
    if "\n" in text:
        for m in a._PC_LINE.finditer(text):
            prev_end = m.start() - 1
            if prev_end <= 0:
                continue
            prev_start = text.rfind("\n", 0, prev_end) + 1
            st = a._STREET_TAIL.search(text, prev_start, prev_end)
            if st and st.start() >= prev_start:
                spans.append((st.start(), st.start() + len(text[st.start() : m.end()].rstrip(" \t."))))
    spans += [m.span() for m in a._CJK_ADDRESS.finditer(text)]
    spans += [m.span() for m in a._UNIT_RX.finditer(text)]
    spans += [m.span() for m in a._POBOX.finditer(text)]
    spans += [m.span(1) for m in a._POSTCODE_LABEL.finditer(text)]
    return spans


def test_candidates_skip_only_what_cannot_match(texts: list[str]) -> None:
    """Each regex `_candidates` now skips by a cheap test (a newline, a cue stem, a non-ASCII
    character, the lines after the first) finds what it found on every text with a digit."""
    det = AddressDetector()
    found = 0
    for text in texts:
        if address._DIGIT.search(text):
            want = _candidates_unskipped(text)
            found += bool(want)
            assert det._candidates(text, _kinds(text)) == want, text
            assert det._candidates(text, STREET) == want, text
    assert found > 300
