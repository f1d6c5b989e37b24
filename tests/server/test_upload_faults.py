"""Upload without loss: 1,000 uploads through a fault-injecting transport, and kill -9 of the
service in the middle of an upload. Every action must arrive exactly once."""

from __future__ import annotations

import hashlib
import random
import shutil
import socket
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from demotrace.bundle import BundleWriter, load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.schema import SessionMeta, new_session_id
from demotrace.store import ServiceData, released_bundle_dirs
from demotrace.store.models import StoredFile

from .helpers import Service, make_bundle, read_steps

FAULTS = ("drop_before", "drop_after", "truncate", "duplicate", "bad_sha")


class FaultyTransport(httpx.BaseTransport):
    """Forwards to the real service, but breaks a share of the uploads in the ways networks and
    buggy clients do. Records every status the service answered."""

    def __init__(self, rate: float, seed: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.rng = random.Random(seed)
        self.rate = rate
        self.statuses: Counter[int] = Counter()
        self.faults: Counter[str] = Counter()

    def _fwd(self, request: httpx.Request) -> httpx.Response:
        r = self.inner.handle_request(request)
        r.read()
        self.statuses[r.status_code] += 1
        return r

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "PUT" or self.rng.random() > self.rate:
            return self._fwd(request)
        fault = self.rng.choice(FAULTS)
        self.faults[fault] += 1
        body = request.read()
        if fault == "drop_before":
            raise httpx.ConnectError("injected: connection refused", request=request)
        if fault == "drop_after":
            self._fwd(request)
            raise httpx.ReadError("injected: connection reset after the request", request=request)
        if fault == "duplicate":
            self._fwd(request)
            return self._fwd(request)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
        if fault == "truncate":
            cut = httpx.Request(request.method, request.url, headers=headers, content=body[: len(body) // 2])
            return self._fwd(cut)
        headers["x-content-sha256"] = hashlib.sha256(b"not this body").hexdigest()
        return self._fwd(httpx.Request(request.method, request.url, headers=headers, content=body))


def _source_steps(spool: Path, key: bytes) -> dict[str, list[tuple[int, float, str]]]:
    return {
        d.name: [(s["index"], s["t"], s["action"]["type"]) for s in read_steps(d, key)]
        for d in sorted(spool.iterdir())
    }


def _service_steps(svc: Service) -> dict[str, list[tuple[int, float, str]]]:
    return {
        d.name: [(s["index"], s["t"], s["action"]["type"]) for s in read_steps(d)]
        for d in released_bundle_dirs(svc.data_dir)
    }


def _wait_released(svc: Service, n: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = ServiceData.open(svc.data_dir, migrate=False)
        try:
            from demotrace.store import released_session_ids

            if len(released_session_ids(data)) >= n:
                return
        finally:
            data.close()
        time.sleep(0.3)
    raise AssertionError(f"fewer than {n} sessions released; log: {svc.log_text()[-2000:]}")


def _raw_truncated_put(svc: Service, token: str, sid: str) -> None:
    """A client that promises 1000 bytes, sends 100 and hangs up."""
    with socket.create_connection(("127.0.0.1", svc.port), timeout=5) as s:
        s.sendall(
            f"PUT /v1/sessions/{sid}/files/frames/cut.png HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Bearer {token}\r\nX-Content-SHA256: {'a' * 64}\r\n"
            "Content-Length: 1000\r\n\r\n".encode()
            + b"\0" * 100
        )


def test_1000_uploads_with_injected_faults(service: Service, tmp_path: Path) -> None:
    token = service.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    ids = [make_bundle(spool, key, steps=2, chunks=24, events_per_step=2) for _ in range(40)]
    expected = _source_steps(spool, key)
    for sid in ids[:5]:
        _raw_truncated_put(service, token, sid)
    transport = FaultyTransport(rate=0.3, seed=7)
    u = Uploader(spool, service.url, key, token, interval=0.0, max_backoff=0.02, transport=transport)
    assert u.flush(timeout=240) == 0, u.stats()
    u.stop()
    assert not any(spool.iterdir()), "the device deleted nothing it should have kept, and kept nothing"
    assert sum(transport.faults.values()) > 250 and set(transport.faults) == set(FAULTS)
    assert not [s for s in transport.statuses if s >= 500], transport.statuses
    assert transport.statuses[422] >= transport.faults["bad_sha"]
    _wait_released(service, len(ids))
    assert _service_steps(service) == expected  # nothing lost, nothing twice, same order
    data = ServiceData.open(service.data_dir, migrate=False)
    with data.db.read() as s:
        assert s.query(StoredFile).count() == 1000
        assert s.query(StoredFile).filter(StoredFile.rel == "frames/cut.png").count() == 0
    data.close()
    assert "Traceback" not in service.log_text()


def _record_live(spool: Path, key: bytes, copy: Path, chunks: int, started: threading.Event) -> None:
    """A recording in progress: seals a chunk of 3 steps every 50 ms, then stops. A twin writer
    records the same into `copy` (the uploader deletes the spool's copy once it is stored)."""
    meta = SessionMeta(id=new_session_id(), start=time.time(), os="linux")
    writers = [BundleWriter(spool, meta, key), BundleWriter(copy, SessionMeta.from_dict(meta.to_dict()), key)]
    started.set()
    for c in range(chunks):
        for k in range(3):
            i = c * 3 + k
            for w in writers:
                w.add(
                    "step",
                    {
                        "index": i,
                        "t": float(i),
                        "action": {"type": "key", "key": "enter"},
                        "observation": {},
                        "context": {"app": "xterm"},
                    },
                )
        for w in writers:
            w.seal()
        time.sleep(0.05)
    for w in writers:
        w.close()


@pytest.mark.slow
def test_kill9_during_upload_every_action_arrives_once(make_service: type[Service], tmp_path: Path) -> None:
    svc = make_service(config={"release_interval": 0.2, "claim_timeout": 2.0}).start()  # type: ignore[call-arg]
    token = svc.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    copy = tmp_path / "spool-copy"
    for _ in range(6):
        make_bundle(spool, key, steps=4, chunks=30, frames=2)
    shutil.copytree(spool, copy)
    started = threading.Event()
    recorder = threading.Thread(target=_record_live, args=(spool, key, copy, 80, started))
    recorder.start()
    started.wait(10)
    u = Uploader(spool, svc.url, key, token, interval=0.05, max_backoff=0.3)
    u.start()
    deadline = time.monotonic() + 60
    while u.stats()["sent_files"] < 50 and time.monotonic() < deadline:
        time.sleep(0.01)
    svc.kill9()
    sent_before = u.stats()["sent_files"]
    time.sleep(1.0)
    assert u.stats()["sent_files"] == sent_before  # nothing "sent" while the service is down
    assert recorder.is_alive()  # the recording goes on while the service is down
    svc.start()
    recorder.join(60)
    deadline = time.monotonic() + 120
    while any(spool.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    u.stop()
    assert not any(spool.iterdir()), u.stats()
    assert u.stats()["retries"] >= 1
    expected = _source_steps(copy, key)
    assert len(expected) == 7 and sum(map(len, expected.values())) == 6 * 120 + 240
    _wait_released(svc, len(expected))
    assert _service_steps(svc) == expected
