"""Attacks on ingest against a real `demotrace serve`: decompression bombs (server memory measured
from /proc), racing writers of one path (local folder and a non-local fsspec store), poisoned
records, ids with a trailing newline."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import orjson
import pytest
import zstandard

from demotrace.capture.uploader import plain_chunk
from demotrace.schema import new_session_id
from demotrace.store import ServiceData
from demotrace.store.models import StoredFile

from .helpers import Service

MIB = 1024 * 1024


def _put(c: httpx.Client, sid: str, rel: str, body: bytes, **headers: str) -> httpx.Response:
    h = {"X-Content-SHA256": hashlib.sha256(body).hexdigest(), **headers}
    return c.put(f"/v1/sessions/{sid}/files/{rel}", content=body, headers=h)


def _meta(sid: str, stop: float | None = 2.0) -> bytes:
    now = time.time()  # not 1970: the retention purge would take the session
    return json.dumps(
        {"id": sid, "start": now - 60, "stop": None if stop is None else now - 60 + stop}
    ).encode()


def _step(i: int, **over: object) -> dict[str, object]:
    return {"kind": "step", "index": i, "t": float(i), "action": {"type": "key", "key": "enter"}, **over}


def _vm(pid: int, field: str) -> int:
    """A VmXXX figure of /proc/PID/status, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} for {pid}")


def _bomb(total: int, frame: int = 64 * MIB) -> bytes:
    """zstd frames of zeros, back to back: `total` bytes decompressed from a few KB."""
    one = zstandard.ZstdCompressor(level=19).compress(bytes(frame))
    return one * (total // frame)


def test_decompression_bombs_get_413_with_bounded_memory(make_service: type[Service]) -> None:
    svc = make_service(  # type: ignore[call-arg]
        config={"max_upload_bytes": 8 * MIB, "max_record_bytes": 4 * MIB, "max_records_per_chunk": 50}
    ).start()
    assert svc.proc is not None
    tok = svc.enroll("alice")
    sid = new_session_id()
    with svc.client(tok) as c:
        assert _put(c, sid, "session.json", _meta(sid, None)).status_code == 200  # warm up
        base = _vm(svc.proc.pid, "VmHWM")
        # 1. a body that expands to 8 GiB from 256 KB on the wire
        bomb = _bomb(8 * 1024 * MIB)
        assert len(bomb) < 300 * 1024
        r = c.put(
            f"/v1/sessions/{sid}/files/frames/bomb.png",
            content=bomb,
            headers={"X-Content-SHA256": "0" * 64, "Content-Encoding": "zstd"},
        )
        assert r.status_code == 413, r.text
        assert "decompressed" in r.json()["detail"]
        # 2. a small chunk whose one record expands to 32 MiB of valid marks
        marks = b"\n".join(
            orjson.dumps({"kind": "mark", "what": "pause", "t": 1.0}) for _ in range(32 * MIB // 40)
        )
        rec = zstandard.ZstdCompressor(level=19).compress(marks)
        chunk = b"DTC1\x00" + len(rec).to_bytes(4, "big") + rec
        assert len(chunk) < 64 * 1024 and len(marks) > 30 * MIB
        r = _put(c, sid, "chunks/000001.dtc", chunk)
        assert r.status_code == 413 and "record 0" in r.json()["detail"], r.text
        # 3. too many records in one chunk
        r = _put(c, sid, "chunks/000001.dtc", plain_chunk([_step(i) for i in range(51)], per_record=1))
        assert r.status_code == 413 and "records" in r.json()["detail"], r.text
        grown = _vm(svc.proc.pid, "VmHWM") - base
        assert grown < 64 * MIB, f"peak RSS grew by {grown / MIB:.0f} MiB"
        # and the service still works
        ok = plain_chunk([_step(i) for i in range(5)])
        assert _put(c, sid, "chunks/000001.dtc", ok).status_code == 200
        assert c.get(f"/v1/me/sessions/{sid}").json()["steps"] == 5


def test_bytes_per_session_have_a_ceiling(make_service: type[Service]) -> None:
    svc = make_service(config={"max_session_bytes": 4096}).start()  # type: ignore[call-arg]
    tok = svc.enroll("alice")
    sid = new_session_id()
    with svc.client(tok) as c:
        assert _put(c, sid, "session.json", _meta(sid)).status_code == 200
        assert _put(c, sid, "frames/a.png", b"a" * 2000).status_code == 200
        r = _put(c, sid, "frames/b.png", b"b" * 3000)
        assert r.status_code == 413 and "4096" in r.json()["detail"]
        assert "frames/b.png" not in c.get(f"/v1/sessions/{sid}/manifest").json()["files"]


def _race(c1: httpx.Client, c2: httpx.Client, sid: str, rel: str, a: bytes, b: bytes) -> list[httpx.Response]:
    gate = threading.Barrier(2)

    def go(c: httpx.Client, body: bytes) -> httpx.Response:
        gate.wait()
        return _put(c, sid, rel, body)

    with ThreadPoolExecutor(2) as ex:
        fa, fb = ex.submit(go, c1, a), ex.submit(go, c2, b)
        return [fa.result(), fb.result()]


@pytest.mark.parametrize("blobs", ["local", "memory"])
def test_racing_writers_of_one_path_one_wins_and_every_ack_matches(
    make_service: type[Service], blobs: str, tmp_path: Path
) -> None:
    cfg: dict[str, object] = {"release_interval": 3600.0}
    if blobs == "memory":
        cfg["blobs_url"] = f"memory://race-{tmp_path.name}"
    svc = make_service(config=cfg).start()  # type: ignore[call-arg]
    tok = svc.enroll("alice")
    sid = new_session_id()
    winners: dict[str, str] = {}
    with svc.client(tok) as c1, svc.client(tok) as c2:
        assert _put(c1, sid, "session.json", _meta(sid)).status_code == 200
        for i in range(100):
            if i % 10 == 0:  # chunks too: two different valid chunks
                rel = f"chunks/{i:06d}.dtc"
                a, b = plain_chunk([_step(i)]), plain_chunk([_step(i), _step(i + 1)])
            else:
                rel = f"frames/{i:06d}-before.png"
                a, b = b"A" * (1000 + i) + bytes([i]), b"B" * (5000 - i)
            ra, rb = _race(c1, c2, sid, rel, a, b)
            codes = sorted([ra.status_code, rb.status_code])
            assert codes == [200, 409], (i, ra.text, rb.text)
            win = ra if ra.status_code == 200 else rb
            assert win.json()["duplicate"] is False
            winners[rel] = win.json()["sha256"]
            # identical retries racing: both acknowledged, one of them as the duplicate
            body = a if win is ra else b
            r1, r2 = _race(c1, c2, sid, rel, body, body)
            assert (r1.status_code, r2.status_code) == (200, 200), (r1.text, r2.text)
            assert r1.json()["duplicate"] and r2.json()["duplicate"]
        man = c1.get(f"/v1/sessions/{sid}/manifest").json()["files"]
        assert {k: v for k, v in man.items() if k != "session.json"} == winners
        for rel, sha in winners.items():  # what is stored is what was acknowledged
            if rel.startswith("frames/"):
                got = c1.get(f"/v1/me/sessions/{sid}/frames/{rel.split('/', 1)[1]}")
                assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha, rel
        if blobs == "local":
            store = svc.blobs()
            for rel, sha in winners.items():
                assert store.sha256(f"quarantine/{sid}/{rel}") == sha, rel
            if store.local:
                stored = Path(store.root) / "quarantine" / sid
                assert not [p for p in stored.rglob(".*.tmp")], "temporaries left behind"
        done = c1.post(f"/v1/sessions/{sid}/complete", json={"files": man}).json()
        assert done["durable"] is True, done  # every blob re-hashed by the service


def test_a_blob_that_does_not_match_its_record_is_never_durable(service: Service) -> None:
    tok = service.enroll("alice")
    sid = new_session_id()
    with service.client(tok) as c:
        assert _put(c, sid, "session.json", _meta(sid)).status_code == 200
        assert _put(c, sid, "frames/x.png", b"good").status_code == 200
        service.blobs().put(f"quarantine/{sid}/frames/x.png", b"bad!")
        man = c.get(f"/v1/sessions/{sid}/manifest").json()["files"]
        done = c.post(f"/v1/sessions/{sid}/complete", json={"files": man}).json()
        assert done["durable"] is False and done["missing"] == ["frames/x.png"]


@pytest.mark.parametrize(
    "obj, field",
    [
        (_step(0, observation=[1, 2]), "observation"),
        (_step(0, t="12.5"), "step.t"),
        (_step(0, index=True), "step.index"),
        (_step(0, context=["x"]), "step.context"),
        ({"kind": "event", "type": "key", "t": "soon"}, "event.t"),
        ({"kind": "mark", "what": 7}, "mark.what"),
        ([1, 2], "object 1: Input should be an object"),
    ],
)
def test_poisoned_records_are_refused_at_ingest(service: Service, obj: object, field: str) -> None:
    tok = service.enroll("alice")
    sid = new_session_id()
    with service.client(tok) as c:
        r = _put(c, sid, "chunks/000001.dtc", plain_chunk([_step(0), obj]))  # type: ignore[list-item]
        assert r.status_code == 422 and field in r.json()["detail"], r.text
        assert c.get(f"/v1/sessions/{sid}/manifest").json()["files"] == {}


def test_a_poisoned_record_already_stored_fails_closed_without_5xx(service: Service) -> None:
    """A record that slipped in (stored before validation existed): reads answer 409, never 5xx,
    and the release pass refuses it: the session stays quarantined with an alert."""
    tok, admin, trainer = service.enroll("alice"), service.token("admin"), service.token("trainer")
    sid = new_session_id()
    poisoned = plain_chunk([_step(0), _step(1, observation=[1]), _step(2, t="x")])
    with service.client(tok) as c:
        assert _put(c, sid, "session.json", _meta(sid)).status_code == 200
        assert _put(c, sid, "chunks/000001.dtc", plain_chunk([_step(0)])).status_code == 200
        # what an older service stored: blob and record replaced behind its back
        service.blobs().put(f"quarantine/{sid}/chunks/000001.dtc", poisoned)
        data = ServiceData.open(service.data_dir, migrate=False)
        with data.db.write() as s:
            row = s.query(StoredFile).filter_by(session_id=sid, rel="chunks/000001.dtc").one()
            row.sha256 = hashlib.sha256(poisoned).hexdigest()
        data.close()
        r = c.get(f"/v1/me/sessions/{sid}/steps")
        assert r.status_code == 409, r.text
        man = c.get(f"/v1/sessions/{sid}/manifest").json()["files"]
        assert c.post(f"/v1/sessions/{sid}/complete", json={"files": man}).json()["durable"] is True
        assert service.wait_state(tok, sid, ("failed", "released")) == "failed"
        assert c.get(f"/v1/me/sessions/{sid}/steps").status_code == 409
        assert c.get("/v1/me/archive").status_code == 200
    with service.client(admin) as a:
        alerts = a.get("/v1/admin/alerts").json()["sessions"]
        assert [x["id"] for x in alerts] == [sid] and "step" in alerts[0]["alert"]
    with service.client(trainer) as t:
        assert t.get(f"/v1/released/sessions/{sid}/steps").status_code == 404
        assert t.get("/v1/released/sessions").json()["sessions"] == []


@pytest.mark.parametrize("suffix", ["%0A", "%0D", "%00", "%20", "%0A%0A"])
def test_ids_with_trailing_control_characters_are_refused(service: Service, suffix: str) -> None:
    tok = service.enroll("alice")
    sid = new_session_id()
    with service.client(tok) as c:
        body = _meta(sid + "\n")
        r = c.put(
            f"/v1/sessions/{sid}{suffix}/files/session.json",
            content=body,
            headers={"X-Content-SHA256": hashlib.sha256(body).hexdigest()},
        )
        assert r.status_code in (404, 422), r.text
        r = _put(c, sid, f"frames/a.png{suffix}", b"x")
        assert r.status_code in (404, 422), r.text
        for path in (f"/v1/sessions/{sid}{suffix}/manifest", f"/v1/me/sessions/{sid}{suffix}"):
            assert c.get(path).status_code in (404, 422), path
        assert c.get("/v1/me/sessions").json()["sessions"] == []
