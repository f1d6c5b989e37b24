"""Dump every rule detector's spans on a fixed corpus, to compare two trees byte for byte.

The corpus: the held-out texts (`tests/redact/data/heldout/*.json`), the presidio fixture,
`bench_redact.synthetic(300)`, and the three bench pages (`bench_redact.pages`), the pages both
joined (`detect`) and as lines (`detect_many`); besides, the held-out texts one per `detect` and all
through one `detect_many`, and a few variants of the pages (lower- and upper-cased, 2,000 lines on
one line). Used while speeding up the rules (issue 11): the output must not change.

    PYTHONPATH=$PWD/src .venv/bin/python bench/dump_rule_spans.py OUT.json.gz
    PYTHONPATH=$PWD/src .venv/bin/python bench/dump_rule_spans.py --against OUT.json.gz [person ...]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_redact

from demotrace.redact import registry
from demotrace.redact.evaluate import load_samples

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT.parent / "shared" / "fixtures" / "presidio-research" / "generated_small.json"


def corpora() -> dict[str, list[str]]:
    heldout: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        f = ROOT / "tests" / "redact" / "data" / "heldout" / f"{kind}.json"
        heldout += [s.text for s in load_samples(f)]
    fixture = [s.text for s in load_samples(FIXTURE)] if FIXTURE.exists() else []
    synth = [s.text for s in bench_redact.synthetic(300)]
    out = {"heldout": heldout, "fixture": fixture, "synthetic": synth}
    corpus = fixture + synth + bench_redact.TYPED * 50
    for name, lines in bench_redact.pages(corpus).items():
        out[f"page_{name or 'bench_'}lines"] = lines
    return out


def dump(only: list[str] | None = None) -> dict[str, dict[str, object]]:
    dets = registry.build(only or [n for n in registry.names() if n != "model"])
    res: dict[str, dict[str, object]] = {}
    for cname, texts in corpora().items():
        joined = "\n".join(texts)
        variants = {
            "joined": joined,
            "lower": joined.lower(),
            "upper": joined.upper(),
            "one_line": " ".join(texts[:2000]),
        }
        for det in dets:
            entry = res.setdefault(f"{cname}/{det.name}", {})
            entry["each"] = [[list(s) for s in det.detect(t)] for t in texts]
            entry["many"] = [[list(s) for s in r] for r in det.detect_many(texts)]
            for vname, v in variants.items():
                entry[vname] = [list(s) for s in det.detect(v)]
    return res


def main() -> None:
    """`OUT` writes the dump; `--against OLD [DETECTOR...]` compares with an earlier dump."""
    if sys.argv[1] == "--against":
        old = json.loads(gzip.decompress(Path(sys.argv[2]).read_bytes()))
        new = dump(sys.argv[3:] or None)
        bad = [f"{k}/{v}" for k, d in new.items() for v in d if d[v] != old[k][v]]
        print("identical" if not bad else f"DIFFERENT: {bad}", f"({len(new)} entries)")
        sys.exit(1 if bad else 0)
    data = json.dumps(dump(), separators=(",", ":"), sort_keys=True).encode()
    Path(sys.argv[1]).write_bytes(gzip.compress(data, mtime=0))
    print(hashlib.sha256(data).hexdigest(), len(data))


if __name__ == "__main__":
    main()
