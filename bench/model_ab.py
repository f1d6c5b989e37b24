"""Two tagger models side by side on page text (issue 11, tenth pass): the model alone
(`CharModel.spans_many`) and the whole engine (rules + model, without and with the default
policy), the two models alternating in one process so that a noisy host moves both alike.

    PYTHONPATH=$PWD/src .venv/bin/python bench/model_ab.py OLD_DIR NEW_DIR [ROUNDS]

Each DIR holds `charmodel.json` and the ONNX files (`make model` writes them to
src/demotrace/redact/model; copy a previous one aside first). Prints min and median: CPU seconds
per page for the model, MB/s for the engine, on real prose and on PII-dense lines that never
repeat (`bench_redact.prose_page`, `distinct_page`), rule detectors and topic memo fresh per run.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_redact as b

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.model import ModelDetector
from demotrace.redact.model.tagger import CharModel


def with_model(red: TextRedactor, folder: Path) -> TextRedactor:
    """`red` (its policy too) with a model detector reading the model in `folder`."""
    dets = []
    for d in red._detectors:
        if d.name == "model":
            d = ModelDetector()
            d.model = CharModel.load(folder)
        dets.append(d)
    return TextRedactor(red.confidential_terms, red.sensitive_topics, detectors=dets)


def main() -> None:
    folders = {"old": Path(sys.argv[1]), "new": Path(sys.argv[2])}
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    pages = {"prose": b.prose_page(), "dense": b.distinct_page()}
    models = {k: CharModel.load(f) for k, f in folders.items()}
    plain, policy = TextRedactor(), b.policy_redactor()
    reds = {
        (k, label): with_model(r, f)
        for k, f in folders.items()
        for label, r in (("no policy", plain), ("policy", policy))
    }
    for r in reds.values():
        r.redact("warm up: Anna Smith, 12 Main Street, knee surgery")
    order = (("old", "new"), ("new", "old"))
    gc.disable()
    try:
        for name, lines in pages.items():
            distinct = [t for t in dict.fromkeys(lines) if t]
            size = len("\n".join(lines).encode())
            spans: dict[str, list[float]] = {"old": [], "new": []}
            engine: dict[tuple[str, str], list[float]] = {}
            for i in range(rounds):
                for k in order[i % 2]:
                    c0 = time.thread_time()
                    models[k].spans_many(distinct)
                    spans[k].append(time.thread_time() - c0)
                    for label in ("no policy", "policy"):
                        r = b.fresh_redactor(reds[(k, label)])
                        c0 = time.thread_time()
                        r.redact_many(lines)
                        engine.setdefault((k, label), []).append(time.thread_time() - c0)
            print(f"{name} ({size / 1e3:.0f} kB):")
            for k in ("old", "new"):
                t = spans[k]
                print(f"  {k}: spans_many CPU s min {min(t):.4f} median {statistics.median(t):.4f}", end="")
                for label in ("no policy", "policy"):
                    best, mid = min(engine[(k, label)]), statistics.median(engine[(k, label)])
                    print(f"; engine {label} MB/s {size / best / 1e6:.3f} ({size / mid / 1e6:.3f})", end="")
                print()
    finally:
        gc.enable()


if __name__ == "__main__":
    main()
