"""Test helpers: a real `demotrace serve` (uvicorn) in a child process on 127.0.0.1, on SQLite or
(with DEMOTRACE_TEST_PG) a fresh PostgreSQL database, and session bundles built with BundleWriter."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

from demotrace.bundle import BundleWriter
from demotrace.schema import SessionMeta, new_session_id
from demotrace.store import BlobStore, ServiceConfig

CLI = [sys.executable, "-c", "from demotrace.cli import main; main()"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005010201a1c3a3e60000000049454e44ae426082"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_database(base_url: str) -> str:
    """Create a fresh database on the PostgreSQL server at base_url; return its URL."""
    import psycopg

    name = "dt_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return base_url.rsplit("/", 1)[0] + "/" + name


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)
    if check and r.returncode != 0:
        raise AssertionError(f"demotrace {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


@dataclass
class Service:
    data_dir: Path
    db_url: str = ""
    port: int = field(default_factory=free_port)
    workers: int = 1
    config: dict[str, Any] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0) -> Service:
        cfg = ServiceConfig.load(self.data_dir, must_exist=False)
        for k, v in self.config.items():
            setattr(cfg, k, v)
        if self.db_url:
            cfg.db_url = self.db_url
        cfg.save()
        args = [
            *CLI,
            "serve",
            "--data",
            str(self.data_dir),
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        log = open(self.data_dir / "serve.log", "ab")  # noqa: SIM115 - lives with the process
        self.proc = subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                log_text = self.log_text()
                if "address already in use" in log_text and time.monotonic() < deadline:
                    self.port = free_port()  # another process took the port meanwhile
                    return self.start(timeout=max(1.0, deadline - time.monotonic()))
                raise AssertionError(f"service exited: {log_text[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError("service did not start")

    def _signal(self, sig: int) -> None:
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def kill9(self) -> None:
        if self.proc is not None:
            self._signal(signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            self._signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.proc.wait(10)
            self.proc = None

    def blobs(self) -> BlobStore:
        """The service's blob store (its folder or its S3 prefix), opened from its configuration."""
        cfg = ServiceConfig.load(self.data_dir)
        return BlobStore(cfg.blobs_url, cache_dir=self.data_dir / "cache-test")

    def log_text(self) -> str:
        p = self.data_dir / "serve.log"
        return p.read_text(errors="replace") if p.exists() else ""

    # -- identities -------------------------------------------------------------------------
    def code(self, user: str, role: str = "employee") -> str:
        from demotrace.server.routes_admin import create_code
        from demotrace.store import ServiceData

        data = ServiceData.open(self.data_dir, migrate=False)
        try:
            return create_code(data, "test", user, role, 1.0).code
        finally:
            data.close()

    def enroll(self, user: str) -> str:
        r = httpx.post(self.url + "/v1/enroll", json={"code": self.code(user), "name": "test"}, timeout=30)
        assert r.status_code == 200, r.text
        return str(r.json()["token"])

    def token(self, role: str, user: str = "ops") -> str:
        from demotrace.server.auth import issue_token
        from demotrace.store import ServiceData

        data = ServiceData.open(self.data_dir, migrate=False)
        try:
            return issue_token(data, role, user)[0]
        finally:
            data.close()

    def client(self, token: str | None) -> httpx.Client:
        h = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=h, timeout=30)

    def wait_state(self, token: str, session_id: str, states: tuple[str, ...], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        state = "?"
        with self.client(token) as c:
            while time.monotonic() < deadline:
                r = c.get(f"/v1/me/sessions/{session_id}")
                if r.status_code == 200:
                    state = r.json()["state"]
                    if state in states:
                        return state
                time.sleep(0.1)
        raise AssertionError(f"session {session_id} stayed {state}, wanted {states}")


def make_bundle(
    spool: Path,
    key: bytes | None,
    steps: int = 4,
    chunks: int = 1,
    frames: int = 0,
    stop: bool = True,
    user: str = "u",
    marker: str = "hello",
    events_per_step: int = 2,
    start: float | None = None,
) -> str:
    """A session bundle with `chunks` sealed chunks of `steps` steps each (+ raw events) and
    `frames` PNG frames; returns the session id."""
    start = time.time() - 60 if start is None else start
    meta = SessionMeta(id=new_session_id(), user=user, start=start, os="linux", recorder_version="test")
    w = BundleWriter(spool, meta, key)
    i = 0
    for _ in range(chunks):
        for _ in range(steps):
            obs: dict[str, Any] = {"width": 1, "height": 1}
            if i < frames:
                rel = f"frames/{i:06d}-before.png"
                w.write_blob(rel, PNG)
                obs["before"] = rel
            w.add(
                "step",
                {
                    "index": i,
                    "t": float(i),
                    "action": {"type": "type", "text": f"{marker} {i}"},
                    "observation": obs,
                    "context": {"app": "xterm", "title": f"{marker} title {i}"},
                },
            )
            for j in range(events_per_step):
                w.add(
                    "event", {"type": "key", "t": i + j / 10, "seq": i * 10 + j, "key": "a", "pressed": True}
                )
            i += 1
        w.seal()
    if stop:
        w.close(stop_wall=start + 30)
    else:
        w.seal()
    return meta.id


def read_steps(bundle_dir: Path, key: bytes | None = None) -> list[dict[str, Any]]:
    from demotrace.bundle import BundleReader

    return [s.to_dict() for s in BundleReader(bundle_dir, key).steps()]


def dump(obj: Any) -> str:
    return json.dumps(obj, indent=1, default=str)


def processes_with(marker: str) -> list[psutil.Process]:
    """Running processes whose command line has an argument containing `marker` (a Ray worker
    running a given task names it in its command line)."""
    found = []
    for p in psutil.process_iter(["cmdline"]):
        try:
            if any(marker in part for part in (p.info["cmdline"] or [])):
                found.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found
