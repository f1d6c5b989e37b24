"""Backpressure: a worker holds at most `max_inflight` uploads; the next one gets 429 with
Retry-After at once (not a queue), reads still pass, and the uploader waits and loses nothing."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.server.backpressure import is_upload

from .helpers import Service, make_bundle


class SlowUpload:
    """A session.json upload whose body is held open until `release()`: it occupies one slot."""

    def __init__(self, svc: Service, token: str) -> None:
        self.gate = threading.Event()
        self.sent = threading.Event()
        self.status: int | None = None
        body = b'{"id": "slow1", "user": "u", "start": 1.0, "os": "linux", "recorder_version": "t"}'
        self.thread = threading.Thread(target=self._run, args=(svc, token, body))
        self.thread.start()

    def _chunks(self, body: bytes) -> Iterator[bytes]:
        yield body[:10]
        self.sent.set()
        self.gate.wait(30)
        yield body[10:]

    def _run(self, svc: Service, token: str, body: bytes) -> None:
        sha = hashlib.sha256(body).hexdigest()
        with svc.client(token) as c:
            r = c.put(
                "/v1/sessions/slow1/files/session.json",
                content=self._chunks(body),
                headers={"X-Content-SHA256": sha},
            )
            self.status = r.status_code

    def release(self) -> int | None:
        self.gate.set()
        self.thread.join(30)
        return self.status


def _in_flight_wait(held: SlowUpload) -> None:
    assert held.sent.wait(10)
    time.sleep(0.3)  # the server has taken the slot once the first bytes are in


def test_a_full_worker_answers_429_and_reads_still_pass(make_service: type[Service]) -> None:
    svc = make_service(config={"max_inflight": 1, "busy_retry_after_s": 2}).start()  # type: ignore[call-arg]
    tok = svc.enroll("alice")
    held = SlowUpload(svc, tok)
    _in_flight_wait(held)
    with svc.client(tok) as c:
        t0 = time.monotonic()
        r = c.put(
            "/v1/sessions/other1/files/chunks/000001.dtc",
            content=b"x",
            headers={"X-Content-SHA256": "0" * 64},
        )
        assert r.status_code == 429 and r.headers["Retry-After"] == "2", r.text
        assert time.monotonic() - t0 < 5  # answered at once, not queued behind the held upload
        assert c.get("/v1/sessions/slow1/manifest").status_code == 200  # reads are not limited
        assert c.post("/v1/sessions/slow1/complete", json={"files": {}}).status_code == 429
    assert held.release() == 200
    with svc.client(tok) as c:  # the slot is free again
        assert c.post("/v1/sessions/slow1/complete", json={"files": {}}).status_code == 200


def test_the_uploader_waits_out_429_and_delivers_everything(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(config={"max_inflight": 1, "busy_retry_after_s": 1}).start()  # type: ignore[call-arg]
    tok = svc.enroll("bob")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    sids = [make_bundle(spool, key, steps=2, chunks=3) for _ in range(2)]
    held = SlowUpload(svc, svc.enroll("holder"))
    _in_flight_wait(held)
    u = Uploader(spool, svc.url, key, tok, interval=0.05, max_backoff=0.1)
    done = threading.Thread(target=u.flush, args=(60,))
    done.start()
    time.sleep(1.5)
    assert held.release() == 200
    done.join(70)
    st = u.stats()
    assert "429" in str(st["last_error"]) and st["retries"] >= 1, st
    assert st["pending"] == 0 and st["sessions_done"] == 2, st
    assert not any((spool / s).exists() for s in sids)  # deleted only once durable on the service
    with svc.client(tok) as c:
        for sid in sids:
            files = c.get(f"/v1/sessions/{sid}/manifest").json()["files"]
            assert sorted(files) == [
                "chunks/000001.dtc",
                "chunks/000002.dtc",
                "chunks/000003.dtc",
                "session.json",
            ]


def test_only_uploads_are_limited() -> None:
    assert is_upload("PUT", "/v1/sessions/a/files/chunks/000001.dtc")
    assert is_upload("POST", "/v1/sessions/a/complete")
    assert not is_upload("GET", "/v1/sessions/a/manifest")
    assert not is_upload("POST", "/v1/enroll")
    assert not is_upload("GET", "/healthz")
