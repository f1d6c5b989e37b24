"""The ingest tier on one host: N stateless uvicorn worker processes on 127.0.0.1 (random ports)
behind a real load balancer (`balancer.py`: nginx or HAProxy), all on one data folder whose
`service.json` names the shared database (PostgreSQL for a fleet) and blob store.

The workers keep nothing between requests that matters: idempotency is the database's unique
(session, path) row, the per-token rate limit and the in-flight limit (`backpressure.py`) are
per worker by design. So a worker can die at any moment: the balancer sends its requests to
another one, `supervise()` starts a new process on the same port, and the device's spool still
holds every file the service has not confirmed. `Fleet` is used by `demotrace fleet`, the tests
and `bench/fleet`."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from ..errors import ServiceError
from ..store import ServiceConfig, ServiceData
from .app import DATA_ENV
from .balancer import balancer_argv, haproxy_config, nginx_config

__all__ = ["Fleet", "free_port"]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass
class Fleet:
    data_dir: Path
    workers: int = 2
    balancer: str = "nginx"
    host: str = "127.0.0.1"
    port: int = 0
    """The balancer's port (0: a free one)."""
    worker_cpus: list[set[int]] | None = None
    """Pin worker i to the CPUs worker_cpus[i % len] (for measurements); None: no pinning."""
    run_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="demotrace-fleet-")))
    worker_ports: list[int] = field(default_factory=list)
    procs: list[subprocess.Popen[bytes] | None] = field(default_factory=list)
    balancer_proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def worker_pids(self) -> list[int]:
        return [p.pid for p in self.procs if p is not None and p.poll() is None]

    # -- starting -------------------------------------------------------------------------------
    def start(self, timeout: float = 120.0) -> Fleet:
        """Migrate the database once, start the workers, wait until each answers, then start the
        balancer and wait until it answers too."""
        cfg = ServiceConfig.load(self.data_dir, must_exist=True)
        ServiceData(cfg, migrate=True).close()
        self.port = self.port or free_port(self.host)
        self.worker_ports = [free_port() for _ in range(self.workers)]
        self.procs = [self._spawn_worker(i) for i in range(self.workers)]
        deadline = time.monotonic() + timeout
        for i in range(self.workers):
            self._wait_healthy(f"http://127.0.0.1:{self.worker_ports[i]}", deadline, self.procs[i])
        self._start_balancer(cfg)
        self._wait_healthy(self.url, deadline, self.balancer_proc)
        return self

    def _log(self, name: str) -> int:
        return os.open(self.run_dir / f"{name}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def _spawn_worker(self, i: int) -> subprocess.Popen[bytes]:
        argv = [
            sys.executable,
            "-m",
            "uvicorn",
            "demotrace.server.app:app_from_env",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.worker_ports[i]),
            "--log-level",
            "warning",
            "--timeout-graceful-shutdown",
            "5",
        ]
        if self.worker_cpus:
            cpus = self.worker_cpus[i % len(self.worker_cpus)]
            argv = ["taskset", "-c", ",".join(str(c) for c in sorted(cpus)), *argv]
        env = dict(os.environ, **{DATA_ENV: str(self.data_dir)})
        log = self._log(f"worker{i}")
        try:
            return subprocess.Popen(argv, env=env, stdout=log, stderr=log, start_new_session=True)
        finally:
            os.close(log)

    def _start_balancer(self, cfg: ServiceConfig) -> None:
        make = nginx_config if self.balancer == "nginx" else haproxy_config
        conf = self.run_dir / f"{self.balancer}.conf"
        mb = max(1, cfg.max_upload_bytes // (1024 * 1024))
        conf.write_text(make(self.run_dir, (self.host, self.port), self.worker_ports, mb))
        argv = balancer_argv(self.balancer, self.run_dir, conf)
        log = self._log(self.balancer)
        try:
            self.balancer_proc = subprocess.Popen(argv, stdout=log, stderr=log, start_new_session=True)
        finally:
            os.close(log)

    def _wait_healthy(self, url: str, deadline: float, proc: subprocess.Popen[bytes] | None) -> None:
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise ServiceError(f"fleet: a process exited while starting ({url}):\n{self.logs()[-2000:]}")
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise ServiceError(f"fleet: {url} did not answer /healthz in time:\n{self.logs()[-2000:]}")

    # -- running --------------------------------------------------------------------------------
    def kill_worker(self, i: int, sig: int = signal.SIGKILL) -> int:
        """Kill worker i (default: SIGKILL, no goodbye); returns its pid."""
        proc = self.procs[i]
        assert proc is not None
        os.killpg(proc.pid, sig)
        proc.wait(30)
        return proc.pid

    def supervise_once(self) -> int:
        """Start a new process for every worker that died (on its old port, so the balancer's
        config stays valid); returns how many were restarted."""
        n = 0
        for i, proc in enumerate(self.procs):
            if proc is None or proc.poll() is not None:
                self.procs[i] = self._spawn_worker(i)
                self.restarts += 1
                n += 1
        return n

    def supervise(self, stop_after: float | None = None, interval: float = 0.5) -> None:
        """Keep the workers running until the balancer exits (or `stop_after` seconds)."""
        end = None if stop_after is None else time.monotonic() + stop_after
        while self.balancer_proc is not None and self.balancer_proc.poll() is None:
            if end is not None and time.monotonic() >= end:
                return
            self.supervise_once()
            time.sleep(interval)
        raise ServiceError(f"fleet: the {self.balancer} balancer exited:\n{self.logs()[-2000:]}")

    def logs(self) -> str:
        out = []
        for p in sorted(self.run_dir.glob("*.log")):
            out.append(f"== {p.name}\n{p.read_text(errors='replace')[-4000:]}")
        return "\n".join(out)

    # -- stopping -------------------------------------------------------------------------------
    def stop(self) -> None:
        procs = [self.balancer_proc, *self.procs]
        for p in procs:
            if p is not None and p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in procs:
            if p is None:
                continue
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(10)
        self.balancer_proc, self.procs = None, []

    def remove_run_dir(self) -> None:
        shutil.rmtree(self.run_dir, ignore_errors=True)
