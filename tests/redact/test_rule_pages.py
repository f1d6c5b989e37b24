"""The person and address rules give the spans they gave before they were sped up for page text
(issue 11): the spans of each held-out text, of pages joined from them and of a lower-cased page,
recorded from the tree before the change in `data/rule_spans.json.gz`. A rule changed on purpose
rewrites that file: `python tests/redact/test_rule_pages.py --write` (say why in the commit)."""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

import pytest

from demotrace.redact.evaluate import load_samples
from demotrace.redact.registry import build

DATA = Path(__file__).parent / "data"
RECORDED = DATA / "rule_spans.json.gz"
DETECTORS = ("person", "address")


def corpus() -> list[str]:
    texts: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        texts += [s.text for s in load_samples(DATA / "heldout" / f"{kind}.json")]
    rnd = random.Random(4)
    pages = ["\n".join(rnd.choice(texts) for _ in range(300)) for _ in range(2)]
    pages.append(" ".join(rnd.choice(texts) for _ in range(200)))  # one long line
    pages.append(pages[0].lower())
    return texts + pages


def spans() -> dict[str, list[list[list[object]]]]:
    texts = corpus()
    return {
        d.name: [[[s.kind, s.start, s.end, s.score] for s in d.detect(t)] for t in texts]
        for d in build(DETECTORS)
    }


@pytest.mark.parametrize("name", DETECTORS)
def test_spans_are_those_recorded(name: str) -> None:
    recorded = json.loads(gzip.decompress(RECORDED.read_bytes()))[name]
    texts = corpus()
    (det,) = build([name])
    assert len(recorded) == len(texts)
    for text, want in zip(texts, recorded, strict=True):
        got = [[s.kind, s.start, s.end, s.score] for s in det.detect(text)]
        assert got == want, text[:200]
    assert sum(map(len, recorded)) > 500  # the texts hold names and addresses to agree on


if __name__ == "__main__" and "--write" in sys.argv:
    RECORDED.write_bytes(gzip.compress(json.dumps(spans(), separators=(",", ":")).encode(), mtime=0))
    print(f"wrote {RECORDED}")
