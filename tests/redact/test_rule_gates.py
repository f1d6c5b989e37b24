"""The person and address rules' batch gates (issue 11: `detect_many` runs `detect` only on the
texts of a batch where the rule can find anything) drop no text that has a span: each kind of
text a gate must let through, alone among filler lines, and the held-out texts, the fixture and
their lines, as they are and lower- and upper-cased, all through one `detect_many`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from demotrace.redact.detectors import _person_gate
from demotrace.redact.detectors._base import Detector, Span, TextBatch
from demotrace.redact.detectors.address import AddressDetector
from demotrace.redact.detectors.person import PersonDetector

from .helpers import batch_corpus

# lines neither rule finds anything in, which the gates should mostly drop
FILLER = [
    "the build finished without errors",
    "open the settings and press save",
    "the report is ready for review",
    "it is the way we do things here",
    "you can close this window now",
]

PERSON_LINES = {
    "a lower-case unknown word after a strong cue": "my name is duqyaha",
    "a cue ending the line before": "please call me\nalvaro",
    "a capitalised dictionary word after an honorific": "the dr. green thing",
    "a CJK name": "张慧 已经到了",
    "a lower-case first name and a listed surname": "maria hiltunen sent it",
    "a lower-case first name and a surname that is a word": "maria young sent it",
    "a lower-case strong name": "ask tracy about it",
    "an unknown capitalised word before a speech verb": "Duqyaha said no",
    "names joined by &": "Miller & Jimenez",
    "a capitalised name in a sentence": "we met Megan Payne",
}
ADDRESS_LINES = {
    "a capitalised street without a number": "Whittaker Street, Leeds",
    "a prefix street without a number": "Rue Descartes",
    "a glued street without a number": "Adres: Nassaustraat",
    "an abbreviated prefix word": "ul. Długa",
    "a street with a number": "12 argyll road",
    "a cue and a postcode after a comma": "send it to Berlin,12345",
    "a cue of cue_spans only and a postcode": "taxi to Berlin,12345",
    "a context cue and a lower-case street": "corner of 46 velký průhon",
    "a context cue and a number-last street": "home: Jakobi 69",
    "a number, capitalised words and a USPS word": "1032 Michael Course",
    "a unit": "Apt#4",
    "a labelled postcode": "ZIP:11164",
    "a labelled postcode of letters": "ZIP:ABCDE,7",
    "a CJK address": "山形県荒川区高田馬場5丁目8番3号",
    "a Dutch number-last street": "Catohof 7",
    "a postal block over several lines": "Megan Payne\nKate Edger Place\nAuckland",
    "a postal block with a postcode line": "Megan Payne\n12 Argyll Road\nLondon SW1A 1AA",
    # a street run inside a word of the shared split (runs joined by - ' ’): the run is classed
    "a glued street before a hyphen": "Adres: Nassaustraat-West",
    "a glued street after an apostrophe": "Adres: O'Nassaustraat",
    "a suffix word before a hyphen": "she lives on Whittaker Street-corner",
    "a suffix word before a curly possessive": "she lives on Whittaker Road’s end",
}


def _check(det: Detector, line: str) -> None:
    alone = list(det.detect(line))
    assert alone, f"the example finds nothing: {line!r}"
    batch = [*FILLER[:3], line, *FILLER[3:]]
    got = det.detect_many(batch)
    assert got == [list(det.detect(t)) for t in batch]
    assert got[3] == alone


@pytest.mark.parametrize("line", PERSON_LINES.values(), ids=PERSON_LINES.keys())
def test_person_gate_keeps(line: str) -> None:
    _check(PersonDetector(), line)


@pytest.mark.parametrize("line", ADDRESS_LINES.values(), ids=ADDRESS_LINES.keys())
def test_address_gate_keeps(line: str) -> None:
    _check(AddressDetector(), line)


@pytest.mark.parametrize("cls", [PersonDetector, AddressDetector])
def test_gates_drop_filler(cls: type[Detector]) -> None:
    """The gates do something: plain lines are not looked at (`detect` is not called)."""
    det = cls()
    seen: list[str] = []
    detect = det.detect

    def spy(text: str) -> Iterable[Span]:
        seen.append(text)
        return detect(text)

    det.detect = spy  # type: ignore[method-assign]
    assert det.detect_many([*FILLER, *PERSON_LINES.values(), *ADDRESS_LINES.values()])
    assert not set(FILLER) & set(seen)


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    return batch_corpus(shared_dir)


@pytest.mark.parametrize("cls", [PersonDetector, AddressDetector])
@pytest.mark.parametrize("always_gate", [False, True], ids=["", "person gate never stands aside"])
def test_detect_many_is_detect_per_text(
    cls: type[Detector], always_gate: bool, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if always_gate:
        monkeypatch.setattr(_person_gate, "DENSE", 1.0)
    det = cls()
    want = [list(det.detect(t)) for t in texts]
    assert sum(map(bool, want)) > 500  # names and addresses to agree on
    assert cls().detect_many(texts) == want


def test_person_batch_dense_then_sparse() -> None:
    """A batch whose first chunks are PII-dense (the gate stands aside for the next chunks and
    probes again) gives the spans of `detect` text by text."""
    from demotrace.redact.detectors._person_gate import CHUNK, PROBE

    dense = [f"Megan Payne wrote to Ronald Pesälä #{i}" for i in range(2 * CHUNK)]
    sparse = [f"{FILLER[i % len(FILLER)]} {i}" for i in range(PROBE * CHUNK)]
    texts = dense + sparse + list(PERSON_LINES.values())
    det = PersonDetector()
    assert det.detect_many(texts) == [list(det.detect(t)) for t in texts]


def test_gates_with_tiny_memos(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A memo that fills up mid-batch is replaced, and the batch's words are classed again."""
    from demotrace.redact.detectors import _address_gate, person

    monkeypatch.setattr(_person_gate, "DENSE", 1.0)
    monkeypatch.setattr(person, "CACHE_WORDS", 50)
    monkeypatch.setattr(_address_gate, "CACHE_RUNS", 50)
    batch = texts[:3000]
    for cls in (PersonDetector, AddressDetector):
        det = cls()
        if isinstance(det, PersonDetector):
            det._gate._cache_words = 50
        want = [list(cls().detect(t)) for t in batch]
        assert det.detect_many(batch[:1500]) + det.detect_many(batch[1500:]) == want


def test_person_rule_shared_by_threads_while_its_memo_starts_over(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One detector serves every thread of a redactor. With a memo of 50 words it starts over on
    nearly every text; each thread, switching every few bytecodes, must still get the spans a
    detector of its own gives, and nothing may raise. (The memo used to be cleared in place,
    which a reader in another thread could see between a word's check and its lookup; that
    race is too narrow for this test to have caught in three runs, so it guards the memo's
    replacement rather than proving the old race.)"""
    import sys
    import threading

    from demotrace.redact.detectors import person

    monkeypatch.setattr(person, "CACHE_WORDS", 50)
    batch = texts[:800]
    want = [list(PersonDetector().detect(t)) for t in batch]
    shared = PersonDetector()
    shared._gate._cache_words = 50
    got: dict[int, list[list[Any]]] = {}
    errors: list[BaseException] = []

    def run(k: int) -> None:
        try:
            part = batch[k::2] if k % 2 else batch
            got[k] = shared.detect_many(part) if k % 3 else [list(shared.detect(t)) for t in part]
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(6)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch every few bytecodes: the races get their chance
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    for k, spans in got.items():
        assert spans == (want[k::2] if k % 2 else want)


def test_person_gate_finds_overlapping_pairs() -> None:
    """A lower-case first name ends one text and a first name and surname start the next: the
    pair across the two texts and the pair inside the second overlap (a word in both), and the
    second must still be found (the gate's pair regexes match at each word, consuming none)."""
    det = PersonDetector()
    line = "john porter sent it"
    assert list(det.detect(line))
    for before in ("ask maria", "ask maria john"):  # one overlap, two in a row
        batch = [*FILLER, before, line, *FILLER]
        assert det.detect_many(batch) == [list(det.detect(t)) for t in batch]


@pytest.mark.parametrize("address_first", [False, True], ids=["person first", "address first"])
def test_gates_share_one_split_of_the_batch(address_first: bool) -> None:
    """Both gates cut one `TextBatch` into words once (`TextBatch.words`), whichever runs first:
    each still gives `detect`'s spans text by text, on texts holding newlines, non-ASCII letters
    that case-fold beyond ASCII, words joined by - ' ’ and names at chunk boundaries."""
    from demotrace.redact.detectors._person_gate import CHUNK

    lines = [*PERSON_LINES.values(), *ADDRESS_LINES.values()]
    texts = [f"{FILLER[i % len(FILLER)]} {i}" for i in range(CHUNK - 2)]
    texts += [*lines, "ſtraße İstanbul Ω\nDr. ıvan", "Anne-Marie O’Brien\nwrote", "Megan\nPayne"]
    texts += [*(f"{FILLER[i % len(FILLER)]} {i}" for i in range(CHUNK)), *lines]
    batch = TextBatch(texts)
    dets: list[Detector] = [PersonDetector(), AddressDetector()]
    for det in reversed(dets) if address_first else dets:
        assert det.detect_many(batch) == [list(det.detect(t)) for t in texts]
    assert len(batch.__dict__["_words"]) == 1  # one split, for both
