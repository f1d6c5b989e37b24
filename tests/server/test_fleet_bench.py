"""bench/fleet, the load generator: a short real run against its own fleet reports accepted
events and server costs; it refuses any host but 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .helpers import make_bundle

ROOT = Path(__file__).resolve().parents[2]


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    return subprocess.run(
        [sys.executable, "-m", "bench.fleet", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_a_short_run_reports_accepted_events_and_costs(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    make_bundle(rec, None, steps=5, chunks=3, frames=4, events_per_step=4)
    r = _bench(
        "--from", str(rec), "--workers", "1", "--devices", "3", "--seconds", "3", "--warmup", "1", "--json"
    )
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout)
    (run,) = out["runs"]
    assert run["workers"] == 1 and run["devices"] == 3 and run["db"] == "sqlite"
    assert run["events_s"] > 0 and run["uploads_s"] > 0 and run["accepted_bytes"] > 0, run
    assert run["errors"] == {} and run["p99_ms"] >= run["p50_ms"] > 0, run
    assert len(run["worker_cpu_s"]) == 1 and run["worker_cpu_s"][0] > 0, run
    assert run["events_per_worker_cpu_s"] > 0 and run["devices_per_worker_core"] > 0, run


def test_it_refuses_other_hosts_and_unbounded_runs(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    make_bundle(rec, None, steps=2, chunks=1)
    r = _bench("--from", str(rec), "--url", "http://10.1.2.3:8787", "--admin-token", "x")
    assert r.returncode != 0 and "only targets 127.0.0.1" in r.stderr, r.stderr
    r = _bench("--from", str(rec), "--devices", "100000")
    assert r.returncode == 2 and "--devices" in r.stderr
    r = _bench("--from", str(rec), "--db", "postgresql://u@db.example.com/x")
    assert r.returncode == 2 and "127.0.0.1" in r.stderr
