from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from demotrace.redact import Redacted, TextRedactor
from demotrace.redact.detectors._base import Detector, Span
from demotrace.redact.registry import build


class Boom(Detector):
    name = "boom"

    def detect(self, text: str) -> Iterable[Span]:
        raise RuntimeError("broken")


class Slow(Detector):
    name = "slow"

    def detect(self, text: str) -> Iterable[Span]:
        t0 = time.thread_time()
        while time.thread_time() - t0 < 0.02:  # burns CPU, as a runaway regex would
            pass
        return []


def test_placeholders_are_typed_and_length_free() -> None:
    r = TextRedactor().redact("mail bob@example.com or a@bb.cc")
    assert r == Redacted("mail [EMAIL] or [EMAIL]", r.findings)
    assert [(f.kind, f.start, f.end) for f in r.findings] == [
        ("EMAIL_ADDRESS", 5, 20),
        ("EMAIL_ADDRESS", 24, 31),
    ]


def test_failing_detector_drops_the_item() -> None:
    r = TextRedactor(detectors=[*build(), Boom()]).redact("hello world")
    assert r.dropped and r.text is None and r.reason == "detector_failed:boom"


def test_detector_past_its_budget_drops_the_item() -> None:
    r = TextRedactor(detectors=[Slow()], budget_s=0.001).redact("hello")
    assert r.dropped and r.reason == "detector_failed:slow"


def test_clean_text_passes_unchanged() -> None:
    text = "Inbox - Gmail - Chromium: open the Q3 planning doc"
    assert TextRedactor().redact(text) == Redacted(text)


def test_overlapping_kinds_merge_into_one_placeholder() -> None:
    r = TextRedactor().redact("postgres://bob@example.com:x@db")
    assert r.text is not None and "@example" not in r.text


def test_thread_safe() -> None:
    red = TextRedactor()
    errors: list[str] = []

    def work() -> None:
        for i in range(200):
            r = red.redact(f"user{i}@example.com card 4532276644577020")
            if r.text != "[EMAIL] card [CARD]":
                errors.append(str(r.text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_url_keeps_host_and_redacts_query() -> None:
    r = TextRedactor().redact_url("https://mail.example.com/u/0/?q=bob%40example.com&token=abc123&x=1#inbox")
    assert r.text == "https://mail.example.com/u/0/?q=[EMAIL]&token=[SECRET]&x=1#inbox"


def test_url_confidential_term_across_path_segments_drops() -> None:
    r = TextRedactor(confidential_terms=["Project Nightingale"]).redact_url(
        "https://docs.example.com/project/nightingale/plan"
    )
    assert r.dropped and r.reason == "confidential_term"


def test_url_about_a_sensitive_topic_drops() -> None:
    r = TextRedactor(sensitive_topics=["immigration"]).redact_url("https://www.uscis.gov/green-card/asylum")
    assert r.dropped and r.reason == "sensitive_topic:immigration"


def test_url_pieces_stay_url_encoded() -> None:
    r = TextRedactor().redact_url("https://x.example/search?q=hello%20bob%40example.com&lang=en")
    assert r.text == "https://x.example/search?q=hello%20[EMAIL]&lang=en"


def test_url_host_is_kept_and_path_words_are_read_as_words() -> None:
    red = TextRedactor()
    assert red.redact_url("https://en.wikipedia.org/wiki/Albert_Einstein").text == (
        "https://en.wikipedia.org/wiki/[PERSON]"
    )
    assert red.redact_url("https://en.wikipedia.org/wiki/Python_(programming_language)").text == (
        "https://en.wikipedia.org/wiki/Python_(programming_language)"
    )
    assert (
        red.redact_url("https://admin:hunter22@10.1.2.3:8080/x").text
        == "https://redacted@ip-address.invalid:8080/x"
    )
