"""A data set of the trainer is the same however many others the process drew before it: `make
model` (one process drawing the tagger's data, then the topic data twice) and each step run alone
must train on the same samples, or the shipped files are not what `make model` rebuilds."""

from __future__ import annotations

import pytest

pytest.importorskip("faker")  # the trainer's extra (`make model`); the package itself does not need it

from demotrace.redact.train.generate import generate
from demotrace.redact.train.topic_samples import topic_samples


def _texts(samples: object) -> list[str]:
    return [s.text for s in samples]  # type: ignore[attr-defined]


def test_the_same_call_gives_the_same_samples_after_other_draws() -> None:
    first = _texts(generate(300, 11))
    topics = _texts(topic_samples(300, 18))
    _texts(generate(200, 5))  # other draws in between, on the same Faker locales
    assert _texts(topic_samples(300, 18)) == topics
    assert _texts(generate(300, 11)) == first
    assert first != _texts(generate(300, 12))  # the seed still matters
