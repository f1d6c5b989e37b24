"""Page text with the default policy, two source trees in alternate processes: the prose page
(300 kB) through `redact_many`, fresh rule detectors each run, CPU time of one thread, min of N
after a first (cold) run; one process per tree per round, so neither inherits the other's heap.
Prints each round's MB/s for both and their ratio.

    .venv/bin/python bench/page_pair.py BASE_SRC HEAD_SRC [ROUNDS] [N]   # e.g. /tmp/base/src src
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_ONE = """
import sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2])
import bench_redact as b
lines = b.prose_page(); size = len("\\n".join(lines).encode())
pol = b.policy_redactor(); pol.redact("warm up")
b.fresh_redactor(pol).redact_many(lines)  # the first page: automata, memos, lazy tables
times = []
for _ in range(int(sys.argv[3])):
    r = b.fresh_redactor(pol)
    t = time.thread_time()
    r.redact_many(lines)
    times.append(time.thread_time() - t)
print(size / min(times) / 1e6)
"""


def _run(src: str, n: int) -> float:
    bench = str(Path(__file__).parent)
    out = subprocess.run(
        [sys.executable, "-c", _ONE, src, bench, str(n)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    base, head = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    for k in range(rounds):
        a, b = _run(base, n), _run(head, n)
        print(f"round {k + 1}: base {a:.3f} MB/s, head {b:.3f} MB/s, head/base {b / a:.3f}", flush=True)


if __name__ == "__main__":
    main()
