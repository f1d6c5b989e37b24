"""The written topic lines the classifier trains on (`train/topic_written.py`)."""

from __future__ import annotations

from collections import Counter

from demotrace.redact.train import topic_written


def test_the_written_lines_cover_eight_languages_and_both_sides() -> None:
    lines = topic_written._lines()
    langs = Counter(s.lang for s in lines)
    assert set(langs) == {"en", "es", "nl", "de", "fr", "it", "pt", "pl"}, langs
    assert all(n >= 300 for n in langs.values()), langs
    health = sum("health" in s.topics for s in lines)
    plain = sum(not s.topics for s in lines)
    assert health > 3500 and plain > 3000, (health, plain)
    assert len({s.text for s in lines}) == len(lines)  # no line twice


def test_the_lines_kept_out_never_train() -> None:
    val = {s.text for s in topic_written.validation()}
    train = topic_written.training(18)
    assert val and train
    # a varied copy may equal a kept-out line only by accident of a case change; none is one
    assert not val & {s.text for s in train}
    assert train == topic_written.training(18)  # the same draw from the same seed
