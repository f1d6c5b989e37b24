"""Window titles (the ScreenLeak case): 40 titles written for this test, labelled inline as
[KIND:text], scored with DESIGN.md's eval. 31 hold private items, 9 are clean."""

from __future__ import annotations

import re
from pathlib import Path

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import GoldSpan, Sample, evaluate

LABEL = re.compile(r"\[([A-Z_]+):([^\]]+)\]")


def load() -> list[Sample]:
    out = []
    for line in (Path(__file__).parent / "data" / "titles.txt").read_text(encoding="utf-8").splitlines():
        text, spans, pos = "", [], 0
        for m in LABEL.finditer(line):
            text += line[pos : m.start()]
            spans.append(GoldSpan(m.group(1), len(text), len(text) + len(m.group(2))))
            text += m.group(2)
            pos = m.end()
        out.append(Sample(text + line[pos:], tuple(spans)))
    return out


def test_window_titles() -> None:
    samples = load()
    assert len(samples) == 40
    rep = evaluate(samples, TextRedactor())
    # USERNAME is not one of DESIGN's private types: it costs no precision and needs no recall
    assert rep["overall"]["recall"] >= 0.95, rep
    assert rep["overall"]["precision"] >= 0.9, rep
    assert rep["overall"]["all_caught"] >= 0.9, rep
    clean = [s.text for s in samples if not s.spans]
    assert [t for t in clean if TextRedactor().redact(t).findings] == []
