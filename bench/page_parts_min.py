"""Page text per rule detector and through the whole engine, as min (and median) of N runs: the
figures of docs/benchmarks/redact.md's seventh pass, steadier than `bench_redact.py --parts`
(whose per-detector figures run with the garbage collector on, where one full collection can
land in any of them).

    PYTHONPATH=$PWD/src .venv/bin/python bench/page_parts_min.py [N]

Prints, for the PII-dense page whose lines never repeat and the real-prose page: CPU seconds of
one thread per rule detector (`detect_many` on the distinct lines, fresh detector, collector
off) and "engine_rules" (`redact_many` with the rule detectors only); then MB/s of the whole
engine (rules + model, `redact_many`, fresh rule detectors and topic memo) without and with the
default policy: cold (every memo empty), and warmed on the other page first (a recorder that has
been running, on a page it has not seen).
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


def best_and_median(n: int, run: Callable[..., object], *args: object) -> tuple[float, float]:
    times = []
    for _ in range(n):
        c0 = time.thread_time()
        run(*args)
        times.append(time.thread_time() - c0)
    times.sort()
    return times[0], times[len(times) // 2]


def _detector(det: Detector, texts: list[str]) -> None:
    b.fresh(det).detect_many(texts)


def _rules_engine(rules: list[Detector], lines: list[str]) -> None:
    TextRedactor(detectors=[b.fresh(d) for d in rules]).redact_many(lines)


def _engine(red: TextRedactor, lines: list[str]) -> None:
    b.fresh_redactor(red).redact_many(lines)


def warm_best_and_median(
    n: int, red: TextRedactor, other: list[str], lines: list[str]
) -> tuple[float, float]:
    """Like `best_and_median` of `_engine`, but each fresh redactor first redacts `other` (the
    other bench page), untimed: a recorder that has been running, its word memos holding the
    common words of other pages, on a page it has not seen."""
    times = []
    for _ in range(n):
        r = b.fresh_redactor(red)
        r.redact_many(other)
        c0 = time.thread_time()
        r.redact_many(lines)
        times.append(time.thread_time() - c0)
    times.sort()
    return times[0], times[len(times) // 2]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pages = {"distinct": b.distinct_page(), "prose": b.prose_page()}
    rules = [d for d in registry.build() if d.name != "model"]
    plain = TextRedactor()
    plain.redact("warm up: Anna Smith, 12 Main Street")
    policy = b.policy_redactor()
    for name, lines in pages.items():
        distinct = list(dict.fromkeys(lines))
        gc.disable()
        try:
            row = {d.name: round(best_and_median(n, _detector, d, distinct)[0], 4) for d in rules}
            row["engine_rules"] = round(best_and_median(n, _rules_engine, rules, lines)[0], 4)
        finally:
            gc.enable()
        print(name, "CPU s", row)
        size = len("\n".join(lines).encode())
        other = pages["prose" if name == "distinct" else "distinct"]
        for label, red in (("no policy", plain), ("default policy", policy)):
            lo, mid = best_and_median(n, _engine, red, lines)
            print(f"  whole engine, {label}: MB/s {size / lo / 1e6:.2f} (median {size / mid / 1e6:.2f})")
            lo, mid = warm_best_and_median(n, red, other, lines)
            print(
                f"  whole engine, {label}, warmed on the other page: MB/s {size / lo / 1e6:.2f}"
                f" (median {size / mid / 1e6:.2f})"
            )


if __name__ == "__main__":
    main()
