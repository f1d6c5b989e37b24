"""Load generator for the ingest tier: K simulated devices against N workers behind a balancer.

    .venv/bin/python -m bench.fleet --from RECORDING [--workers 1 2] [--balancer nginx|haproxy]
        [--db postgresql://…/postgres] [--blobs URL] [--devices K] [--seconds T] [--pin] [--json]
    .venv/bin/python -m bench.fleet --from RECORDING --url http://127.0.0.1:PORT --admin-token TOKEN

RECORDING is a session bundle (or a folder of them) recorded by demotrace itself, in plaintext
(`demotrace spool dump SPOOL --out DIR`; or pass `--key` for an encrypted spool). Each device
enrolls, then uploads that session's chunks and frames again and again under new session ids,
and completes each session, through the real HTTP protocol. Without `--url` the run starts its
own fleet (`demotrace.server.fleet`) on a fresh data folder — and on a fresh database of the
PostgreSQL server given by `--db` — once per worker count. Bounded: at most 256 devices and
600 s, and only 127.0.0.1 is ever contacted. The devices are asyncio tasks in this one process
on keep-alive connections, their requests encoded before the window (`device.py`, `http1.py`).

`--pin` (taskset / sched_setaffinity): worker i runs on CPU i; the load generator runs on the
CPUs no worker has, or on all CPUs when the workers take them all (2 workers on 2 CPUs). nginx
or HAProxy and PostgreSQL are never pinned: the scheduler puts them where there is room.

Reports, per worker count, for the measured window (after `--warmup`): accepted events/s
(chunk records: steps and raw input events), accepted uploads/s, MB/s, sessions completed,
p50/p99 latency of accepted requests, errors by kind (all retried), the CPU of each worker, of
the balancer, of the load generator and of PostgreSQL (its backends for the run's database plus
its WAL writer, checkpointer, …) — in % of a core and in ms per accepted upload —, PostgreSQL's
commits/inserts per second, blob MB/s. After each run, outside the window, the database is
checked to hold exactly the files the service acknowledged (none lost, none twice)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from demotrace.server.fleet import Fleet
from demotrace.store import ServiceConfig

from .device import Device
from .probes import Probe
from .recording import Recording, load_recording

MAX_DEVICES, MAX_SECONDS = 256, 600.0


def loopback_only(url: str) -> str:
    host = urlsplit(url).hostname
    if host != "127.0.0.1":
        raise SystemExit(f"bench/fleet: refusing {url!r}: the load generator only targets 127.0.0.1")
    return url.rstrip("/")


def fresh_pg_database(server_url: str) -> tuple[str, str]:
    import psycopg

    name = "dtfleet_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name, name


def drop_pg_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def enroll(url: str, code: str) -> str:
    r = httpx.post(url + "/v1/enroll", json={"code": code, "name": "fleet-bench"}, timeout=60)
    if r.status_code != 200:
        raise SystemExit(f"bench/fleet: enrollment failed: HTTP {r.status_code} {r.text[:200]}")
    return str(r.json()["token"])


def codes_from_data(data_dir: Path, n: int) -> list[str]:
    from demotrace.server.routes_admin import create_code
    from demotrace.store import ServiceData

    data = ServiceData.open(data_dir, migrate=False)
    try:
        return [create_code(data, "fleet-bench", f"fleet{i:03d}", "employee", 1.0).code for i in range(n)]
    finally:
        data.close()


def codes_from_admin(url: str, token: str, n: int) -> list[str]:
    out = []
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        for i in range(n):
            r = c.post("/v1/admin/codes", json={"user": f"fleet{i:03d}", "role": "employee"})
            if r.status_code != 200:
                raise SystemExit(f"bench/fleet: POST /v1/admin/codes: HTTP {r.status_code} {r.text[:200]}")
            out.append(str(r.json()["code"]))
    return out


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))]


def drive(
    url: str, codes: list[str], rec: Recording, a: argparse.Namespace, probe: Probe | None
) -> tuple[dict[str, Any], list[Device]]:
    """Run the devices; measure the window [warmup, warmup + seconds]."""
    tokens = [enroll(url, c) for c in codes]
    return asyncio.run(_drive(urlsplit(url).port or 80, tokens, rec, a, probe))


async def _drive(
    port: int, tokens: list[str], rec: Recording, a: argparse.Namespace, probe: Probe | None
) -> tuple[dict[str, Any], list[Device]]:
    halt = asyncio.Event()
    devices = [Device(port, t, rec, halt, a.think) for t in tokens]  # every request planned here
    tasks = [asyncio.create_task(d.run()) for d in devices]
    await asyncio.sleep(a.warmup)

    def totals() -> tuple[int, int, int, int]:
        s = [d.stats for d in devices]
        return (
            sum(x.accepted_records for x in s),
            sum(x.uploads for x in s),
            sum(x.accepted_bytes for x in s),
            sum(x.sessions for x in s),
        )

    s0 = await asyncio.to_thread(probe.snap) if probe else None
    t0, c0, g0 = time.perf_counter(), totals(), os.times()
    await asyncio.sleep(a.seconds)
    t1, c1, g1 = time.perf_counter(), totals(), os.times()
    s1 = await asyncio.to_thread(probe.snap) if probe else None
    halt.set()
    _, late = await asyncio.wait(tasks, timeout=90)
    for t in late:
        t.cancel()
    for t in tasks:
        if t.done() and not t.cancelled() and t.exception() is not None:
            raise t.exception()  # type: ignore[misc]
    wall = t1 - t0
    lat = [dt for d in devices for (at, dt) in d.stats.latencies if t0 <= at <= t1]
    errors: Counter[str] = Counter()
    for d in devices:
        errors.update(d.stats.errors)
    gen_cpu = (g1.user - g0.user) + (g1.system - g0.system)
    out: dict[str, Any] = {
        "devices": len(devices),
        "seconds": round(wall, 1),
        "events_s": round((c1[0] - c0[0]) / wall, 1),
        "uploads_s": round((c1[1] - c0[1]) / wall, 1),
        "mb_s": round((c1[2] - c0[2]) / wall / 1e6, 3),
        "accepted_bytes": c1[2] - c0[2],
        "sessions_completed": c1[3] - c0[3],
        "p50_ms": round(pct(lat, 0.5) * 1e3, 1),
        "p99_ms": round(pct(lat, 0.99) * 1e3, 1),
        "errors": dict(errors),
        "duplicates": sum(d.stats.duplicates for d in devices),
        "generator_cpu_pct": round(100 * gen_cpu / wall, 1),
        "generator_ms_per_upload": round(1e3 * gen_cpu / max(1, c1[1] - c0[1]), 2),
    }
    if probe and s0 and s1:
        out.update(Probe.diff(s0, s1, wall))
        cpu = sum(out["worker_cpu_s"])
        out["events_per_worker_cpu_s"] = round((c1[0] - c0[0]) / cpu, 1) if cpu else None
        out["uploads_per_worker_cpu_s"] = round((c1[1] - c0[1]) / cpu, 1) if cpu else None
        if cpu and rec.duration:  # a device sends the recording's records, frames, bytes per second
            out["devices_per_worker_core"] = round((c1[0] - c0[0]) / cpu / (rec.records / rec.duration), 1)
        ups = max(1, c1[1] - c0[1])
        out["cpu_ms_per_upload"] = {
            "workers": round(1e3 * cpu / ups, 2),
            "generator": out["generator_ms_per_upload"],
            "balancer": round(10 * out["balancer_cpu_pct"] * wall / ups, 2),
            **({"postgresql": round(10 * out["pg_cpu_pct"] * wall / ups, 2)} if "pg_cpu_pct" in out else {}),
        }
    return out, devices


def verify(data_dir: Path, devices: list[Device]) -> dict[str, int]:
    """After the run: the database holds exactly the files the service acknowledged, each once
    (a file whose upload the end of the run cut may be there or not)."""
    from sqlalchemy import select

    from demotrace.store import ServiceData
    from demotrace.store.models import StoredFile

    want: dict[tuple[str, str], str] = {}
    unsure: set[tuple[str, str]] = set()
    for d in devices:
        for sid, files in d.stats.stored.items():
            want.update(((sid, rel), sha) for rel, sha in files.items())
        unsure.update(d.stats.unsure.items())
    data = ServiceData.open(data_dir, migrate=False)
    try:
        with data.db.read() as s:
            rows = s.execute(select(StoredFile.session_id, StoredFile.rel, StoredFile.sha256)).all()
    finally:
        data.close()
    have: Counter[tuple[str, str]] = Counter((r[0], r[1]) for r in rows)
    shas = {(r[0], r[1]): r[2] for r in rows}
    lost = [k for k in want if k not in shas or (shas[k] != want[k] and k not in unsure)]
    doubled = [k for k, n in have.items() if n > 1]
    extra = [k for k in have if k not in want and k not in unsure]
    if lost or doubled or extra:
        raise SystemExit(
            f"bench/fleet: the database disagrees with what was acknowledged: {len(lost)} lost "
            f"{lost[:3]}, {len(doubled)} doubled {doubled[:3]}, {len(extra)} unexpected {extra[:3]}"
        )
    return {"files_acknowledged": len(want), "files_in_db": len(rows), "lost": 0, "doubled": 0}


def pin_plan(workers: int) -> tuple[list[set[int]], set[int]]:
    cpus = sorted(os.sched_getaffinity(0))
    mine = [{cpus[i % len(cpus)]} for i in range(workers)]
    rest = set(cpus) - set().union(*mine)
    return mine, rest or set(cpus)


def own_fleet(workers: int, rec: Recording, a: argparse.Namespace) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="dtfleet-bench-"))
    db_url, db_name = "", None
    if a.db:
        db_url, db_name = fresh_pg_database(a.db)
    cfg = ServiceConfig(tmp / "data", db_url=db_url, blobs_url=a.blobs or "")
    # measure ingest alone: no redaction pass (OCR) in the workers during the window. A completed
    # session kicks the background release at once whatever `release_interval` says, so it is
    # switched off: the pass is the job tier's (`demotrace admin release --engine ray`).
    cfg.background_release = False
    cfg.retention_interval = 1e9
    cfg.rate_per_s = 0  # the devices are many on one token budget each; backpressure stays on
    cfg.save()
    worker_cpus, gen_cpus = pin_plan(workers) if a.pin else (None, None)
    fleet = Fleet(cfg.data_dir, workers=workers, balancer=a.balancer, worker_cpus=worker_cpus)
    try:
        fleet.start()
        if gen_cpus:
            os.sched_setaffinity(0, gen_cpus)
        probe = Probe(
            fleet.worker_pids(),
            fleet.balancer_proc.pid if fleet.balancer_proc else None,
            a.db if db_name else None,
            db_name,
            None if a.blobs else Path(cfg.blobs_url),
        )
        r, devices = drive(fleet.url, codes_from_data(cfg.data_dir, a.devices), rec, a, probe)
        r["verified"] = verify(cfg.data_dir, devices)
        r.update(workers=workers, balancer=a.balancer, db="postgresql" if db_name else "sqlite")
        r["pinned"] = (
            {"workers": [sorted(c) for c in worker_cpus], "generator": sorted(gen_cpus)}
            if gen_cpus and worker_cpus
            else None
        )
        return r
    finally:
        fleet.stop()
        fleet.remove_run_dir()
        if gen_cpus:
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
        if db_name:
            drop_pg_database(a.db, db_name)
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def line(r: dict[str, Any]) -> str:
    s = (
        f"workers={r.get('workers', '?')} {r.get('balancer', '')} {r.get('db', '')}: "
        f"{r['events_s']:,.0f} events/s, {r['uploads_s']:.1f} uploads/s, {r['mb_s']:.2f} MB/s, "
        f"{r['sessions_completed']} sessions, p50 {r['p50_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms, "
        f"errors {r['errors'] or 0}"
    )
    if "worker_cpu_pct" in r:
        s += f"; worker CPU {r['worker_cpu_pct']} %, balancer {r['balancer_cpu_pct']} %"
        s += f", generator {r['generator_cpu_pct']} %"
        s += f", {r['events_per_worker_cpu_s']:,.0f} events ({r['uploads_per_worker_cpu_s']:.0f} uploads)"
        s += " per worker CPU-s"
        if r.get("devices_per_worker_core"):
            s += f" = {r['devices_per_worker_core']:,.0f} devices at the recording's rate"
    if "pg_backend_cpu_pct" in r:
        pg = r["pg_per_s"]
        s += f"; PostgreSQL {r['pg_cpu_pct']} % CPU (backends {r['pg_backend_cpu_pct']} %)"
        s += f", {pg['commits']:.0f} commits/s"
        s += f", {pg['inserted']:.0f} inserts/s"
    if "cpu_ms_per_upload" in r:
        s += "; CPU ms per upload: " + ", ".join(f"{k} {v}" for k, v in r["cpu_ms_per_upload"].items())
    if "verified" in r:
        v = r["verified"]
        s += f"; the database holds the {v['files_in_db']} acknowledged files, none lost or twice"
    return s


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.fleet", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--from", dest="source", type=Path, required=True, help="a recorded session bundle (plaintext)"
    )
    ap.add_argument("--key", type=Path, default=None, help="device key file, for an encrypted spool")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--balancer", choices=["nginx", "haproxy"], default="nginx")
    ap.add_argument(
        "--db", default=None, help="PostgreSQL server URL (a fresh database per run); default SQLite"
    )
    ap.add_argument(
        "--blobs", default=None, help="blob store URL passed to the workers (default a temp folder)"
    )
    ap.add_argument("--devices", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--think", type=float, default=0.0, help="seconds a device waits between uploads")
    ap.add_argument("--no-frames", action="store_true", help="send the recording's chunks only")
    ap.add_argument(
        "--pin",
        action="store_true",
        help="worker i on CPU i; the load generator on the other CPUs (all when none is left)",
    )
    ap.add_argument("--url", default=None, help="a running service on 127.0.0.1 instead of an own fleet")
    ap.add_argument(
        "--admin-token", default=None, help="with --url: an admin token to issue enrollment codes"
    )
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    a = ap.parse_args(argv)
    if not 1 <= a.devices <= MAX_DEVICES or not 0 < a.seconds <= MAX_SECONDS:
        ap.error(f"--devices must be 1..{MAX_DEVICES} and --seconds 0..{MAX_SECONDS:.0f}")
    if a.db and urlsplit(a.db.replace("+psycopg", "")).hostname not in ("127.0.0.1", "localhost"):
        ap.error("--db: only a PostgreSQL server on 127.0.0.1")
    key = a.key.read_bytes() if a.key else None
    rec = load_recording(a.source, key)
    if a.no_frames:
        rec.frames = []
    load = os.getloadavg()[0]
    print(
        f"bench/fleet: {os.cpu_count()} CPUs, load1 {load:.2f}; recording {rec.describe()}", file=sys.stderr
    )
    results = []
    if a.url:
        if not a.admin_token:
            ap.error("--url needs --admin-token (to issue enrollment codes)")
        url = loopback_only(a.url)
        results.append(drive(url, codes_from_admin(url, a.admin_token, a.devices), rec, a, None)[0])
    else:
        for w in a.workers:
            results.append(own_fleet(w, rec, a))
            print("bench/fleet: " + line(results[-1]), file=sys.stderr)
    summary: dict[str, Any] = {"load1_before": load, "load1_after": os.getloadavg()[0], "runs": results}
    if len(results) >= 2 and results[0]["events_s"]:
        summary["scaling"] = round(results[-1]["events_s"] / results[0]["events_s"], 2)
        print(
            f"bench/fleet: {results[-1].get('workers')} vs {results[0].get('workers')} workers: "
            f"{summary['scaling']}x the accepted events/s",
            file=sys.stderr,
        )
    if a.json:
        print(json.dumps(summary))
    else:
        for r in results:
            print(line(r))


if __name__ == "__main__":
    main()
