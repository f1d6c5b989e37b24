"""Pickle the whole engine's outputs on a fixed corpus, to compare two trees byte for byte.

The corpus: the held-out texts (`tests/redact/data/heldout/*.json`), the topic sets
(`heldout/topics.json`, `tests/redact/data/topics.jsonl`), three confidential-term cases, and 3,000
lines each of the PII-dense and the prose bench pages (`bench_redact.distinct_page`,
`prose_page`). Three ways through a redactor with a policy (a confidential term and the topics
health, family and immigration): `redact` one by one, one `redact_many` batch, and `redact` of
the texts joined 50 at a time. Used while speeding the engine up (issue 11): outputs (text,
findings with scores, drops) must not change.

    PYTHONPATH=$PWD/src .venv/bin/python bench/dump_engine_outputs.py OUT.pkl
    cmp OUT.pkl OTHER.pkl
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_redact import distinct_page, prose_page

from demotrace.redact import TextRedactor
from demotrace.redact.evaluate import load_samples

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "redact" / "data"


def corpus() -> tuple[list[str], list[str]]:
    """(texts, page lines)."""
    heldout = DATA / "heldout"
    texts = [
        s.text
        for k in ("titles", "chat", "forms", "code", "letters")
        for s in load_samples(heldout / f"{k}.json")
    ]
    texts += [t["text"] for t in json.loads((heldout / "topics.json").read_text())]
    texts += [json.loads(line)["text"] for line in (DATA / "topics.jsonl").read_text().splitlines() if line]
    texts += ["Project Nightingale kickoff", "the project-nightingale repo", "x\nProject\nNightingale"]
    return texts, distinct_page()[:3000] + prose_page()[:3000]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    texts, pages = corpus()
    red = TextRedactor(
        confidential_terms=["Project Nightingale"], sensitive_topics=["health", "family", "immigration"]
    )
    single = [red.redact(t) for t in texts]
    many = red.redact_many(texts + pages)
    whole = [red.redact("\n".join(texts[i : i + 50])) for i in range(0, len(texts), 50)]
    Path(sys.argv[1]).write_bytes(pickle.dumps((single, many, whole)))
    dropped = sum(x.dropped for x in many)
    print(f"{len(single)} texts, {len(many)} in the batch ({dropped} dropped), {len(whole)} joined")


if __name__ == "__main__":
    main()
