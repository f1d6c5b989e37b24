"""Each rule's `trigger` (issue 11: `detect_many` calls `detect` only on the texts of a batch that
hold one) is a necessary condition of its spans: on the held-out texts, the presidio fixture and
their lines, as they are and lower- and upper-cased, a text without the trigger gets no span, and
`detect_many` gives what `detect` gives text by text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from demotrace.redact import registry
from demotrace.redact.detectors import person_cues, recovery_secret, secrets, spoken, username
from demotrace.redact.detectors._base import _UNFOLDED, Detector, Span, TextBatch, _patterns, triggered

from .helpers import batch_corpus
from .regex_words import unfolded_letters, words

WITH_TRIGGER = [
    n
    for n in registry.names()
    if n != "model" and (registry.build([n])[0].trigger or registry.build([n])[0].lower_trigger) is not None
]


# each a rarer alternative of a rule that the corpora above may lack
CRAFTED = [
    "Pasajero: PEREIRA GONZÁLEZ/NATALIA MRS",
    "Passenger: SMITH/JOHN",
    "7,ana@example.org,$2b$12$uYmC1Q6/jTR.ZI9qrnpmiTx0FdiV8x5zvTjA1NwSj8x59v2LRKuk9,2024",
    '"app_ro" "md5217a80df5a3fb7555bc7b08b4655201e"',
    "ssn 078051120",
    "my Social Security No. 078051120 and 078 05 1120",
    "Login: jdoe_85",
    "signed in as maria_85",
    "mein Benutzername ist hans_1",
    "nom d'utilisateur est jp.martin",
    "token=Xy7$k2abc9",
    "la contraseña es Xy7$k2abc",
    "Authorization: Bearer abcdefghijklmnop1234",
    "C:\\Users\\jdoe\\Desktop and /Users/ana/Documents",
    "link fe80::1ff:fe23:4567:890a%eth0 and 2001:db8::1",
    "AKIAIOSFODNN7EXAMPLE",
    "blob Zx9/Qw3+Rt7/Yu1+Io5/Pa2+Sd4 end",  # high entropy, no run of 15 word characters
    "link fe8a::1ffe:fe2b:456c:890a",  # no colon after a digit
    "route fe8a:: dev",  # no hex digit after a colon
    "db postgres://bob:hunter22@db.io/x",  # a URL's password, no long run
    "mail?to=ana%40x.org",  # an e-mail address without its "@"
    "maria: ya see you at 6\njake: ok!! - nat",  # a chat transcript's speakers, a sign-off
    "gate code 1190, the pin for the shed lock is 4826",
    "pnr 780322-4414, hetu 131052-308T, CPF 111.444.777-35",  # national ids by their checksums
    "RSSMRA85T10A562S;Mario;Rossi;DNI 12345678Z;NIR 1 85 05 78 006 084 91",
    "emp_no,first_name,login\n3301,Fionnuala,fburke\n3302,Mthunzi,mzulu",  # a table's columns
    "| Name | Loyalty # | City |\n|---|---|---|\n| Maryam Tehrani | LC-5581203 | Leeds |",
    "seed phrase: harbor velvet quantum ribbon eagle timber galaxy oyster lantern fossil magnet crisp",
    "BitLocker key 481207-336194-552803-117392-640218-009427-284530-713862",
    "her mobile is oh-seven-seven, double nine, four one two, three three eight",  # said in words
    "ref is K-T seven-two-nine-four and his email is tane dot r at gmail dot com",
    "UPS 1Z999AA10123456784, Royal Mail RR123456785GB, Amazon order 112-8830417-5529063",
    "sarah_p@Sarahs-MacBook-Pro:~ and Priyas-iPhone on the lease list",
]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    return batch_corpus(shared_dir, CRAFTED)


NEEDS_DIGIT = [n for n in registry.names() if n != "model" and registry.build([n])[0].needs_digit]


@pytest.mark.parametrize("name", NEEDS_DIGIT)
def test_a_text_without_a_digit_has_no_span(name: str, texts: list[str]) -> None:
    """`needs_digit`: the rule's texts without a digit are never searched on a batch."""
    (det,) = registry.build([name])
    found = 0
    for t in texts:
        if det.detect(t):
            found += 1
            assert re.search(r"\d", t), (name, t[:200])
            assert det.triggered_in([t]) == [0], (name, t[:200])
    assert found
    assert det.detect_many(texts) == [list(det.detect(t)) for t in texts]


def test_the_digit_rules_search_only_the_texts_with_a_digit() -> None:
    digit_rules = {"credit_card", "iban", "ssn", "phone", "driver_license", "account_id", "national_id"}
    digit_rules |= {"access_code"}
    assert digit_rules == set(NEEDS_DIGIT)
    (card,) = registry.build(["credit_card"])
    texts = ["4111 1111 1111 1111", "no digits", "a 4111111111111111 b", "٤١١١١١١١١١١١١١١١"]
    batch = TextBatch([*["no digits here"] * 20, *texts, "7 x"])
    assert batch.with_digit is not None
    assert batch.with_digit[0] == (20, 22, 23, 24)
    assert list(batch.with_digit[1]) == [texts[0], texts[2], texts[3], "7 x"]
    assert card.triggered_in(batch) == [20, 22, 23]
    assert card.detect_many(batch) == [list(card.detect(t)) for t in batch]
    dense = TextBatch(texts)  # most of it holds digits: the whole batch is searched
    assert dense.with_digit is None
    assert card.triggered_in(dense) == [0, 2, 3]
    assert card.detect_many(dense) == [list(card.detect(t)) for t in texts]


def test_most_rules_have_a_trigger() -> None:
    assert {"email", "phone", "secrets", "iban", "ip", "credit_card"} <= set(WITH_TRIGGER)


@pytest.mark.parametrize("name", WITH_TRIGGER)
def test_a_text_without_the_trigger_has_no_span(name: str, texts: list[str]) -> None:
    (det,) = registry.build([name])
    found = 0
    for t in texts:
        spans = list(det.detect(t))
        found += bool(spans)
        if spans:
            assert det.triggered_in([t]) == [0], (name, t[:200])
    assert found  # the corpus holds this kind: the check above was not vacuous


@pytest.mark.parametrize("name", WITH_TRIGGER)
def test_detect_many_is_detect_per_text(name: str, texts: list[str]) -> None:
    (det,) = registry.build([name])
    assert det.detect_many(texts) == [list(det.detect(t)) for t in texts]


def test_triggered_finds_each_text_at_the_edges_of_the_batch() -> None:
    trig = re.compile(r"\bab\b")
    texts = ["ab", "xab", "ab\nab", "", "c ab", "abx", "ab"]
    assert triggered(trig, texts) == [0, 2, 4, 6]
    assert triggered(trig, []) == []


def test_a_trigger_that_misses_spans_shows_in_detect_many() -> None:
    """What the tests above guard against: `detect_many` skips a text the trigger misses."""

    class Digits(Detector):
        name = "digits"
        trigger = re.compile("x")

        def detect(self, text: str) -> list[Span]:
            return [Span("D", m.start(), m.end()) for m in re.finditer(r"\d", text)]

    assert Digits().detect_many(["1 x", "2"]) == [[Span("D", 0, 1)], []]


# the case-insensitive word regexes each `lower_trigger` stands for
LOWER_WORDS = {
    "secrets": [secrets._KEYWORDS, secrets._NOUNS, secrets._BEARER_WORD],
    "username": [username._CUE_WORDS, username._CUE_IS_WORDS, username._HOME.pattern],
    "person_cues": [person_cues.ROLE_WORDS, person_cues.LABEL_ROLE_WORDS],
    "recovery_secret": [recovery_secret._PHRASE_CUE],
    "spoken": [spoken._ADJACENT.pattern, r" dot "],
}


def _regex(trigger: re.Pattern[str] | str) -> re.Pattern[str]:
    return re.compile(re.escape(trigger)) if isinstance(trigger, str) else trigger


def test_every_lower_trigger_is_proved() -> None:
    with_lower = {n for n in registry.names() if n != "model" and registry.build([n])[0].lower_trigger}
    assert with_lower == set(LOWER_WORDS)


@pytest.mark.parametrize("name", sorted(LOWER_WORDS))
def test_every_word_of_the_cues_holds_a_lower_trigger(name: str) -> None:
    """Each word the detector's case-insensitive cue regexes match, lower-cased, holds a match
    of its `lower_trigger`: the texts it skips cannot hold a cue."""
    (det,) = registry.build([name])
    all_words = set().union(*(words(rx) for rx in LOWER_WORDS[name]))
    assert len(all_words) > 10
    lower = [_regex(t) for t in _patterns(det.lower_trigger)]
    missed = [w for w in all_words if not any(rx.search(w.lower()) for rx in lower)]
    assert not missed


@pytest.mark.parametrize("name", sorted(LOWER_WORDS))
def test_lower_cased_batch_folds_like_ignorecase(name: str) -> None:
    """`re`'s IGNORECASE matches a letter of the stems to a character that `str.lower` does not
    lower to it only for characters of `_UNFOLDED`, whose texts `TextBatch` always triggers."""
    (det,) = registry.build([name])
    stems = [w for t in _patterns(det.lower_trigger) for w in words(_regex(t).pattern)]
    odd = {ch for chars in unfolded_letters(stems).values() for ch in chars}
    assert odd and all(_UNFOLDED.fullmatch(ch) for ch in odd)


def test_lower_keeps_offsets_and_word_characters() -> None:
    """`str.lower` keeps each character one character and a word character or not (what `\\b`
    and the offsets of `TextBatch.lower` rely on), but for İ, which `_UNFOLDED` holds."""
    word = re.compile(r"\w")
    odd = [
        ch
        for ch in map(chr, range(0x110000))
        if not 0xD800 <= ord(ch) < 0xE000
        and (len(ch.lower()) != 1 or bool(word.match(ch)) != bool(word.match(ch.lower())))
    ]
    assert odd and all(_UNFOLDED.fullmatch(ch) for ch in odd)


def test_a_text_with_an_unfolded_character_is_triggered() -> None:
    (det,) = registry.build(["secrets"])
    texts = ["nothing here", "PAſSWORD=Xy7$k2abc", "the PASSWORD is Xy7$k2abc", "İ"]
    assert TextBatch(texts).unlowered == (1, 3)
    assert det.triggered_in(texts) == [1, 2, 3]
    assert det.detect_many(texts) == [list(det.detect(t)) for t in texts]


def test_the_batch_joins_each_text_after_a_newline() -> None:
    batch = TextBatch(["ab", "", "Cd"])
    assert batch.joined == "\nab\n\nCd"
    assert [batch.joined[s : s + len(t)] for s, t in zip(batch.starts, batch, strict=True)] == list(batch)
    assert batch.lower == "\nab\n\ncd"
    assert triggered(re.compile(r"[^\w][a-z]"), batch) == [0]
    assert triggered(re.compile(r"[^\w][a-z]"), batch, lowered=True) == [0, 2]
    assert triggered(re.compile(r"[^\w][a-z]"), ["ab", "cd", "x"]) == [0, 1, 2]  # the newline is each one's
    assert triggered("ab", ["xab", "a", "b", "abab", "", "ab"]) == [0, 3, 5]  # a literal: str.find
    assert triggered("ab", ["ab", "ab"]) == [0, 1]
