"""App names, URLs and short titles are never dropped as a sensitive topic: the topic model reads
sentences, and on one or two words it once called "chromium" and a Wikipedia URL "immigration"
(found by the console's coverage test after the model landed)."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

TOPICS = ("health", "immigration", "family")
SHORT = [
    "chromium",
    "xterm",
    "xcalc",
    "Agent - Wikipedia",
    "Inbox - Gmail",
    "Sprint board - Jira",
    "slack",
    "firefox",
    "gnome-terminal",
    "LibreOffice Calc",
]
URLS = [
    "https://en.wikipedia.org/wiki/Agent",
    "https://github.com/demotrace/demotrace/pulls",
    "https://mail.google.com/mail/u/0/#inbox",
    "http://127.0.0.1:8080/app/settings",
]


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor(sensitive_topics=TOPICS)


@pytest.mark.parametrize("text", SHORT)
def test_short_text_is_not_a_topic(redactor: TextRedactor, text: str) -> None:
    r = redactor.redact(text)
    assert not r.dropped, (text, r.reason)


@pytest.mark.parametrize("url", URLS)
def test_url_is_not_a_topic(redactor: TextRedactor, url: str) -> None:
    r = redactor.redact_url(url)
    assert not r.dropped, (url, r.reason)


def test_a_clinical_sentence_still_is(redactor: TextRedactor) -> None:
    """The guard only skips short texts: a clinical line in English (lexicon) is still dropped."""
    r = redactor.redact("Patient seen for diabetes follow-up, insulin dose adjusted after the blood test.")
    assert r.dropped and (r.reason or "").startswith("sensitive_topic:health"), r.reason
