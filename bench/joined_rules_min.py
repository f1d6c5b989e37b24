"""CPU seconds per small rule detector on one long text and on its lines, as min of N runs: the
figures of docs/benchmarks/redact.md's eighth pass on the rule detectors.

    PYTHONPATH=$PWD/src .venv/bin/python bench/joined_rules_min.py [N] [DETECTOR ...]

For the real-prose page and the PII-dense page whose lines never repeat: `detect` on the page
joined by newlines as ONE string (`TextRedactor.redact(page)`), and `detect_many` on its lines;
a fresh detector each run, one thread's CPU time, the garbage collector off around the call.
With `--engine` instead: MB/s of the whole engine (rules and model, no policy, fresh rule
detectors) on each page as one text (`redact`) and as lines (`redact_many`).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_redact as b

from demotrace.redact import TextRedactor, registry
from demotrace.redact.detectors._base import Detector

SMALL = ("secrets", "username", "ip", "email", "ssn", "driver_license", "iban", "credit_card")


def best(n: int, det: Detector, arg: str | list[str]) -> float:
    times = []
    for _ in range(n):
        d = b.fresh(det)
        gc.disable()
        c0 = time.thread_time()
        if isinstance(arg, str):
            list(d.detect(arg))
        else:
            d.detect_many(arg)
        times.append(time.thread_time() - c0)
        gc.enable()
    return min(times)


def engine(n: int, pages: dict[str, list[str]]) -> None:
    red = TextRedactor()
    for p, ls in pages.items():
        joined = "\n".join(ls)
        runs: tuple[tuple[str, Callable[[TextRedactor], object]], ...] = (
            ("joined", lambda r, text=joined: r.redact(text)),  # type: ignore[misc]
            ("lines", lambda r, lines=ls: r.redact_many(lines)),  # type: ignore[misc]
        )
        for how, run in runs:
            times = []
            for _ in range(n):
                fresh = b.fresh_redactor(red)
                gc.disable()
                c0 = time.thread_time()
                run(fresh)
                times.append(time.thread_time() - c0)
                gc.enable()
            print(f"{p}_{how}: {len(joined.encode()) / min(times) / 1e6:.3f} MB/s")


def main() -> None:
    if "--engine" in sys.argv:
        sys.argv.remove("--engine")
        engine(
            int(sys.argv[1]) if len(sys.argv) > 1 else 5,
            {"prose": b.prose_page(), "distinct": b.distinct_page()},
        )
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    names = sys.argv[2:] or SMALL
    dets = [d for d in registry.build() if d.name in names]
    pages = {"prose": b.prose_page(), "distinct": b.distinct_page()}
    joined = {p: "\n".join(ls) for p, ls in pages.items()}
    print(f"{'detector':16}" + "".join(f"{p + '_joined':>16}{p + '_lines':>16}" for p in pages))
    for d in dets:
        row = "".join(f"{best(n, d, joined[p]):16.4f}{best(n, d, ls):16.4f}" for p, ls in pages.items())
        print(f"{d.name:16}{row}")


if __name__ == "__main__":
    main()
