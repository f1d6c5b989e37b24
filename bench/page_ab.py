"""Page text through the whole engine for one source tree, to run alternately with another
(`git worktree add /tmp/base REV`): MB/s of `redact_many` on the bench's real-prose page and its
PII-dense page that never repeats, without and with the default policy, fresh redactors each run,
min (median) of N, CPU time of one thread.

    .venv/bin/python bench/page_ab.py SRC_DIR [N]      # SRC_DIR: a tree's src/, e.g. /tmp/base/src

Run it for each tree in turn, twice or more: the machine's noise is larger than most changes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    src, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sys.path.insert(0, src)
    sys.path.insert(1, str(Path(__file__).parent))
    import bench_redact as b

    from demotrace.redact import TextRedactor

    pages = {"prose": b.prose_page(), "dense": b.distinct_page()}
    plain = TextRedactor()
    plain.redact("warm up: Anna Smith, 12 Main Street")
    policy = b.policy_redactor()
    for name, lines in pages.items():
        size = len("\n".join(lines).encode())
        for label, red in (("no policy", plain), ("default policy", policy)):
            times = []
            for _ in range(n):
                r = b.fresh_redactor(red)
                t0 = time.thread_time()
                r.redact_many(lines)
                times.append(time.thread_time() - t0)
            times.sort()
            lo, mid = times[0], times[len(times) // 2]
            print(
                f"{src}: {name}, {label}: {size / lo / 1e6:.2f} MB/s (median {size / mid / 1e6:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
