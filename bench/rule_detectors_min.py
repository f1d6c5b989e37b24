"""CPU seconds of named rule detectors on the two page-text pages, min of N runs each: the figures
of docs/benchmarks/redact.md's eighth pass. `page_parts_min.py` times every rule and the whole
engine in one process, where one busy minute moves all of them; this times only the rules asked
for, so that two trees can be run in turn, several rounds, within a few minutes.

    PYTHONPATH=<tree>/src .venv/bin/python bench/rule_detectors_min.py [N] [RULE ...]

Per page (the PII-dense lines that never repeat, real prose) and rule: `detect_many` on the
page's distinct lines, a fresh detector per run (its memos empty), one thread, collector off.
Default: 7 runs of address, person and phone.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_redact as b

from demotrace.redact import registry


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    names = sys.argv[2:] or ["address", "person", "phone"]
    rules = {d.name: d for d in registry.build(names)}
    for det in rules.values():  # lexicons, libphonenumber's metadata, compiled regexes
        det.detect_many(["warm up: Anna Smith, 12 Main Street", "call +44 20 7946 0958"])
    pages = {"distinct": b.distinct_page(), "prose": b.prose_page()}
    gc.disable()
    try:
        for page, lines in pages.items():
            distinct = list(dict.fromkeys(lines))
            for name in names:
                times = []
                for _ in range(n):
                    det = b.fresh(rules[name])
                    c0 = time.thread_time()
                    det.detect_many(distinct)
                    times.append(time.thread_time() - c0)
                print(f"{page} {name} {min(times):.4f}")
    finally:
        gc.enable()


if __name__ == "__main__":
    main()
