"""Console page latency on a real `demotrace serve` (uvicorn, SQLite, local blobs).

    .venv/bin/python bench/bench_console.py [--sessions 20] [--sites 1000] [--requests 15]

Uploads `--sessions` two-episode sessions (13 steps, 14 frames each; the tests' builder, sent
by the real uploader), imports `--sites` sites into the policy through the console's form, then
times `--requests` GETs of each page (signed in with a console cookie): p50 / p95 in ms, and
the page size. The review queue and coverage cut every released session into episodes on each
request, so they grow with the number of sessions.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demotrace.capture.uploader import Uploader
from tests.console.world import COPY_FRAMES, enroll, recorded_session, staff_url
from tests.server.helpers import Service


def signed_in(svc: Service, link: str) -> httpx.Client:
    c = httpx.Client(base_url=svc.url, timeout=120)
    r = c.get(link.removeprefix(svc.url))
    assert r.status_code == 303, r.text
    return c


def time_page(c: httpx.Client, path: str, n: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(n):
        t0 = time.perf_counter()
        r = c.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, (path, r.status_code)
        size = len(r.content)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        svc = Service(
            data_dir=root / "data",
            config={"release_interval": 0.2, "retention_days": 0, "frame_pass_cmd": COPY_FRAMES},
        )
        svc.data_dir.mkdir()
        svc.start()
        try:
            who = enroll(svc, "alice", root)
            spool = root / "spool"
            ids = [recorded_session(spool, f"window {i}")[0] for i in range(args.sessions)]
            assert Uploader(spool, svc.url, None, token=who.token, interval=0.1).flush(timeout=600) == 0
            for sid in ids:
                svc.wait_state(who.token, sid, ("released",), timeout=600)
            me = signed_in(svc, who.console_url())
            admin = signed_in(svc, staff_url(svc, "admin", "ada"))
            trainer = signed_in(svc, staff_url(svc, "trainer", "tom"))
            page = admin.get("/console/admin/policy").text
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            domains = "\n".join(f"site-{i:05d}.example.com" for i in range(args.sites))
            t0 = time.perf_counter()
            r = admin.post(
                "/console/admin/policy/sites", data={"csrf": csrf, "op": "add", "domains": domains}
            )
            import_ms = (time.perf_counter() - t0) * 1000
            assert r.status_code == 303, r.text
            rows = [
                ("person", me, "/console/me"),
                ("person", me, f"/console/me/sessions/{ids[0]}"),
                ("person", me, "/console/me/audit"),
                ("admin", admin, "/console/admin/policy"),
                ("admin", admin, "/console/admin/coverage"),
                ("trainer", trainer, "/console/review"),
                ("trainer", trainer, f"/console/review/episodes/{ids[0]}-000"),
            ]
            print(f"sessions={args.sessions} sites={args.sites} requests={args.requests}")
            print(f"bulk import of {args.sites} sites (one POST, new policy version): {import_ms:.0f} ms")
            print("| who | page | p50 ms | p95 ms | KiB |")
            print("|---|---|---|---|---|")
            for role, c, path in rows:
                p50, p95, size = time_page(c, path, args.requests)
                shown = path.replace(ids[0], "{id}")
                print(f"| {role} | `{shown}` | {p50:.0f} | {p95:.0f} | {size / 1024:.0f} |")
        finally:
            svc.stop()


if __name__ == "__main__":
    main()
