"""Ingest throughput of `demotrace serve` on loopback (real uvicorn, SQLite, local blob folder).

    .venv/bin/python bench/bench_ingest.py [--workers 1 2] [--uploads 400] [--events 2000]

Each upload is one plaintext chunk file (`chunks/NNNNNN.dtc`) holding `--events` raw input
events and `--events/100` steps, as the uploader sends them; the service checks its sha256,
decompresses and parses every object, stores it durably (fsync) and records it. Prints, per
worker count: uploads/s, raw events/s, actions/s, MB/s (wire), events per CPU-second of the
service (the "per core" figure on a shared machine), p50/p99 upload latency, and service RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from demotrace.capture.uploader import plain_chunk

CLI = [sys.executable, "-c", "from demotrace.cli import main; main()"]


def make_chunk(n_events: int, seed: int) -> bytes:
    rng = random.Random(seed)
    objs = []
    for i in range(n_events):
        t = i * 0.01
        kind = rng.random()
        if kind < 0.7:
            objs.append(
                {
                    "kind": "event",
                    "type": "move",
                    "t": t,
                    "seq": i,
                    "x": rng.randrange(1920),
                    "y": rng.randrange(1080),
                }
            )
        elif kind < 0.9:
            objs.append({"kind": "event", "type": "key", "t": t, "seq": i, "key": "a", "pressed": kind < 0.8})
        else:
            objs.append(
                {
                    "kind": "event",
                    "type": "button",
                    "t": t,
                    "seq": i,
                    "x": 10,
                    "y": 20,
                    "button": "left",
                    "pressed": True,
                }
            )
        if i % 100 == 0:
            objs.append(
                {
                    "kind": "step",
                    "index": i // 100,
                    "t": t,
                    "action": {"type": "click", "x": 1, "y": 2},
                    "observation": {"before": None},
                    "context": {"app": "xterm", "title": "bench"},
                }
            )
    return plain_chunk(objs)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_stats(pid: int) -> tuple[float, int]:
    """(CPU seconds, RSS bytes) of the service and its worker processes."""
    p = psutil.Process(pid)
    procs = [p, *p.children(recursive=True)]
    cpu, rss = 0.0, 0
    for q in procs:
        try:
            t = q.cpu_times()
            cpu += t.user + t.system
            rss += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return cpu, rss


def run(workers: int, uploads: int, n_events: int, concurrency: int, db: str | None) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="dtbench-"))
    env = dict(os.environ, DEMOTRACE_HOME=str(tmp / "home"))
    port = free_port()
    proc = subprocess.Popen(
        [
            *CLI,
            "serve",
            "--data",
            str(tmp / "data"),
            "--port",
            str(port),
            "--workers",
            str(workers),
            *(["--db", db] if db else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        code = (
            subprocess.run(
                [*CLI, "admin", "code", "--data", str(tmp / "data"), "--user", "bench"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        token = httpx.post(url + "/v1/enroll", json={"code": code}).json()["token"]
        bodies = [make_chunk(n_events, s) for s in range(8)]
        shas = [hashlib.sha256(b).hexdigest() for b in bodies]
        steps_per = n_events // 100
        jobs = [
            (f"01BENCH{w:03d}{'0' * 16}"[:26], i)
            for w in range(concurrency)
            for i in range(uploads // concurrency)
        ]
        lat: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def worker(mine: list[tuple[str, int]]) -> None:
            with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
                for sid, i in mine:
                    b = i % len(bodies)
                    t0 = time.perf_counter()
                    r = c.put(
                        f"/v1/sessions/{sid}/files/chunks/{i + 1:06d}.dtc",
                        content=bodies[b],
                        headers={"X-Content-SHA256": shas[b]},
                    )
                    dt = time.perf_counter() - t0
                    with lock:
                        lat.append(dt)
                        if r.status_code != 200 or r.json()["duplicate"]:
                            errors.append(f"{r.status_code} {r.text[:100]}")

        per: dict[str, list[tuple[str, int]]] = {}
        for sid, i in jobs:
            per.setdefault(sid, []).append((sid, i))
        cpu0, _ = tree_stats(proc.pid)
        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(m,)) for m in per.values()]
        for t in threads:
            t.start()
        peak_rss = 0
        while any(t.is_alive() for t in threads):
            peak_rss = max(peak_rss, tree_stats(proc.pid)[1])
            time.sleep(0.2)
        wall = time.perf_counter() - t0
        cpu1, rss = tree_stats(proc.pid)
        if errors:
            raise SystemExit(f"{len(errors)} uploads failed, e.g. {errors[0]}")
        n = len(jobs)
        wire = sum(len(bodies[i % len(bodies)]) for _, i in jobs)
        lat.sort()
        return {
            "workers": workers,
            "uploads": n,
            "uploads_s": n / wall,
            "events_s": n * n_events / wall,
            "actions_s": n * steps_per / wall,
            "mb_s": wire / wall / 1e6,
            "chunk_kb": statistics.mean(len(b) for b in bodies) / 1e3,
            "events_per_cpu_s": n * n_events / max(cpu1 - cpu0, 1e-9),
            "server_cpu_s": cpu1 - cpu0,
            "p50_ms": lat[len(lat) // 2] * 1e3,
            "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e3,
            "rss_mb": max(peak_rss, rss) / 1e6,
            "wall_s": wall,
        }
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--uploads", type=int, default=400)
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db", default=None, help="database URL (default: SQLite in a temporary data folder)")
    a = ap.parse_args()
    print(
        f"machine: {os.cpu_count()} CPUs; {a.uploads} uploads of {a.events} raw events "
        f"(+{a.events // 100} steps) each, {a.concurrency} concurrent clients"
    )
    for w in a.workers:
        r = run(w, a.uploads, a.events, a.concurrency, a.db)
        print(
            f"workers={w}: {r['uploads_s']:.0f} uploads/s, {r['events_s']:,.0f} raw events/s, "
            f"{r['actions_s']:,.0f} actions/s, {r['mb_s']:.1f} MB/s (chunk {r['chunk_kb']:.0f} kB), "
            f"{r['events_per_cpu_s']:,.0f} events per service CPU-second, p50 {r['p50_ms']:.1f} ms, "
            f"p99 {r['p99_ms']:.1f} ms, service RSS {r['rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
