"""What the run costs the server side: CPU seconds of the worker and balancer processes (psutil),
PostgreSQL's counters for the run's database (`pg_stat_database`) and the CPU of its backends,
and the blob store's growth when it is a local folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children (nginx's workers, …)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def pg_backends_cpu_s(dbname: str) -> dict[int, float]:
    """CPU seconds per PostgreSQL backend serving `dbname` (their titles name the database)."""
    out: dict[int, float] = {}
    for p in psutil.process_iter(["name", "cmdline"]):
        try:
            title = " ".join(p.info["cmdline"] or [])
            if f" {dbname} " in f" {title} " and title.startswith("postgres"):
                t = p.cpu_times()
                out[p.pid] = t.user + t.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return out


PG_AUX = ("checkpointer", "background writer", "walwriter", "autovacuum", "logical replication")


def pg_aux_cpu_s() -> dict[int, float]:
    """CPU seconds of PostgreSQL's own processes (postmaster, WAL writer, checkpointer, …): the
    commits' WAL flushes and the autovacuum of the run's tables are spent there."""
    out: dict[int, float] = {}
    for p in psutil.process_iter(["cmdline"]):
        try:
            argv = p.info["cmdline"] or []
            title = " ".join(argv)
            main = bool(argv) and argv[0].endswith("/bin/postgres")
            if main or any(title.startswith("postgres: " + a) for a in PG_AUX):
                t = p.cpu_times()
                out[p.pid] = t.user + t.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return out


def pg_counters(url: str, dbname: str) -> dict[str, int]:
    import psycopg

    q = (
        "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, blks_read, blks_hit, "
        "numbackends FROM pg_stat_database WHERE datname = %s"
    )
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as c:
        row = c.execute(q, (dbname,)).fetchone()
    keys = ("commits", "rollbacks", "inserted", "updated", "blks_read", "blks_hit", "backends")
    return dict(zip(keys, (int(v) for v in row or (0,) * 7), strict=True))


def folder_bytes(root: Path) -> int:
    n = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            try:
                n += os.stat(os.path.join(dirpath, f)).st_size
            except OSError:
                pass
    return n


@dataclass
class Snapshot:
    workers: list[float]
    balancer: float
    pg_cpu: dict[int, float] = field(default_factory=dict)
    pg_aux: dict[int, float] = field(default_factory=dict)
    pg: dict[str, int] = field(default_factory=dict)
    blob_bytes: int = 0


@dataclass
class Probe:
    worker_pids: list[int]
    balancer_pid: int | None
    pg_url: str | None = None
    pg_db: str | None = None
    blob_dir: Path | None = None

    def snap(self) -> Snapshot:
        s = Snapshot(
            [cpu_s(p) for p in self.worker_pids], cpu_s(self.balancer_pid) if self.balancer_pid else 0.0
        )
        if self.pg_url and self.pg_db:
            s.pg_cpu = pg_backends_cpu_s(self.pg_db)
            s.pg_aux = pg_aux_cpu_s()
            s.pg = pg_counters(self.pg_url, self.pg_db)
        if self.blob_dir is not None and self.blob_dir.is_dir():
            s.blob_bytes = folder_bytes(self.blob_dir)
        return s

    @staticmethod
    def diff(a: Snapshot, b: Snapshot, seconds: float) -> dict[str, Any]:
        per_worker = [max(0.0, y - x) for x, y in zip(a.workers, b.workers, strict=True)]
        out: dict[str, Any] = {
            "worker_cpu_s": [round(c, 2) for c in per_worker],
            "worker_cpu_pct": [round(100 * c / seconds, 1) for c in per_worker],
            "balancer_cpu_pct": round(100 * (b.balancer - a.balancer) / seconds, 1),
        }
        if b.pg:
            used = sum(c - a.pg_cpu.get(pid, 0.0) for pid, c in b.pg_cpu.items())
            aux = sum(c - a.pg_aux.get(pid, 0.0) for pid, c in b.pg_aux.items())
            out["pg_backend_cpu_pct"] = round(100 * used / seconds, 1)
            out["pg_cpu_pct"] = round(100 * (used + aux) / seconds, 1)
            out["pg_per_s"] = {k: round((b.pg[k] - a.pg[k]) / seconds, 1) for k in b.pg if k != "backends"}
            out["pg_backends"] = b.pg["backends"]
        if b.blob_bytes:
            out["blob_mb_s"] = round((b.blob_bytes - a.blob_bytes) / seconds / 1e6, 2)
        return out
