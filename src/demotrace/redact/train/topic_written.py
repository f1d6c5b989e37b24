"""Topic lines written as free text, not composed from templates: clinical-record lines, everyday
health, family and immigration mentions, and negatives that borrow their words ("health check of
the server", "child process"), in eight languages (`written/topics.jsonl.gz`, one JSON object per
line: `text`, `language`, `topics`, `kind`). Helper sessions wrote them for training only; they
never saw the held-out or blind sets, nor this repository (docs/MODEL_CARD.md, twenty-first pass).

Templates teach the classifier the vocabulary; these lines teach it how people actually write (the
telegraphic "AP: HTA, DM2", a sick note in a chat, a lab value flattened into a line). A fixed
share of them (every `VAL_EVERY`-th line) is kept out of training and used only to pick the
threshold and to report a figure on written text the classifier did not see."""

from __future__ import annotations

import gzip
import json
import random
from functools import lru_cache
from pathlib import Path

from .generate import Sample

FILE = Path(__file__).resolve().parent / "written" / "topics.jsonl.gz"
VAL_EVERY = 7  # lines 0, 7, 14, ... validate; the rest train
REPEAT = 3  # each training line is seen this many times per epoch, once as written, then varied


@lru_cache(maxsize=1)
def _lines() -> tuple[Sample, ...]:
    out: list[Sample] = []
    with gzip.open(FILE, "rt", encoding="utf-8") as f:
        for row in f:
            if row.strip():
                d = json.loads(row)
                out.append(Sample(d["text"], topics=set(d["topics"]), lang=d["language"], kind=d["kind"]))
    return tuple(out)


def validation() -> list[Sample]:
    """The written lines kept out of training."""
    return [s for i, s in enumerate(_lines()) if i % VAL_EVERY == 0]


def _varied(s: Sample, rng: random.Random) -> Sample:
    """`s` as a screen may show it: lower-cased, upper-cased, or (a clinical line, one without a
    topic) cut to a prefix or a suffix of its words, as a window title or a wrapped line is."""
    words = s.text.split()
    r = rng.random()
    if r < 0.2:
        text = s.text.lower()
    elif r < 0.3:
        text = s.text.upper()
    elif (
        r < 0.65 and len(words) > 6 and (s.kind == "clinical" or not s.topics)
    ):  # a cut chat may lose its topic
        k = rng.randint(4, len(words) - 1)
        text = " ".join(words[:k] if rng.random() < 0.5 else words[-k:])
    else:
        text = s.text
    return Sample(text, topics=set(s.topics), lang=s.lang, kind=s.kind)


def training(seed: int) -> list[Sample]:
    """The written lines that train, `REPEAT` times each (the first as written), and pairs of a
    line without a topic glued to one with (the topic kept) and to another without."""
    rng = random.Random(seed)
    lines = [s for i, s in enumerate(_lines()) if i % VAL_EVERY]
    plain = [s for s in lines if not s.topics]
    out = list(lines)
    kept_out = {s.text for s in validation()}
    for _ in range(REPEAT - 1):  # (a cut copy that equals a line kept out is left out: it would train on it)
        out.extend(v for v in (_varied(s, rng) for s in lines) if v.text not in kept_out)
    for s in lines:
        other = rng.choice(plain)
        out.append(Sample(f"{other.text} {s.text}", topics=set(s.topics), lang=s.lang, kind=s.kind))
    return out
