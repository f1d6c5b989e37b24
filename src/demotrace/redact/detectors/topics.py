"""Sensitive topics (placeholder lexicon; replaced by the measured classifier)."""

from __future__ import annotations

from collections.abc import Iterable


class TopicClassifier:
    def __init__(self, topics: Iterable[str]) -> None:
        self.topics = tuple(topics)

    def topic_of(self, text: str) -> str | None:
        return None
