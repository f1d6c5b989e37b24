"""The upload protocol against a real service: enrollment, idempotency, limits, validation, auth."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import httpx
import zstandard

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader, plain_chunk
from demotrace.paths import device_key_path, home

from .helpers import Service, make_bundle, run_cli


def _put(
    c: httpx.Client, sid: str, rel: str, body: bytes, sha: str | None = None, **headers: str
) -> httpx.Response:
    h = {"X-Content-SHA256": sha or hashlib.sha256(body).hexdigest(), **headers}
    return c.put(f"/v1/sessions/{sid}/files/{rel}", content=body, headers=h)


def _meta(sid: str, stop: float | None = 2.0) -> bytes:
    return json.dumps({"id": sid, "start": 1.0, "stop": stop}).encode()


def test_enroll_cli_stores_token_0600_and_code_is_one_time(service: Service) -> None:
    code = service.code("alice")
    r = run_cli("enroll", service.url, code)
    assert "enrolled" in r.stdout
    dev = home() / "device.json"
    assert stat.S_IMODE(dev.stat().st_mode) == 0o600
    token = json.loads(dev.read_text())["token"]
    with service.client(token) as c:
        assert c.get("/v1/me/sessions").status_code == 200
    again = run_cli("enroll", service.url, code, check=False)
    assert again.returncode == 2 and "wrong, used or expired" in again.stderr
    assert httpx.post(service.url + "/v1/enroll", json={"code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 401


def test_expired_code_is_refused(service: Service) -> None:
    out = run_cli(
        "admin", "code", "--data", str(service.data_dir), "--user", "bob", "--ttl-hours", "0.01"
    ).stdout
    code = out.strip().splitlines()[-1]
    from demotrace.store import ServiceData
    from demotrace.store.models import EnrollCode

    data = ServiceData.open(service.data_dir, migrate=False)
    with data.db.write() as s:
        for row in s.query(EnrollCode).all():
            row.expires = 1.0
    data.close()
    assert httpx.post(service.url + "/v1/enroll", json={"code": code}).status_code == 401


def test_wrong_or_revoked_token_gets_401_and_nothing_else(service: Service) -> None:
    tok = service.enroll("alice")
    with service.client("dt_wrong") as c:
        r = c.get("/v1/me/sessions")
        assert r.status_code == 401 and r.json() == {"detail": "missing, wrong or revoked token"}
    with service.client(None) as c:
        assert c.get("/v1/policy").status_code == 401
        for bad_body in (b"{not json", b'{"files": 3}'):  # 401 before the body is looked at
            r = c.post(
                "/v1/sessions/01X/complete", content=bad_body, headers={"Content-Type": "application/json"}
            )
            assert r.status_code == 401 and r.json() == {"detail": "missing, wrong or revoked token"}
    with service.client(tok) as c:
        dev = c.get("/v1/me/sessions")
        assert dev.status_code == 200
    admin = service.token("admin")
    with service.client(admin) as a:
        devices = a.get("/v1/admin/devices").json()["devices"]
        dev_id = next(d["id"] for d in devices if d["role"] == "employee")
        assert a.post(f"/v1/admin/devices/{dev_id}/revoke").status_code == 200
    with service.client(tok) as c:
        assert c.get("/v1/me/sessions").status_code == 401
        assert _put(c, "01ABC", "session.json", _meta("01ABC")).status_code == 401


def test_upload_is_idempotent_validated_and_size_limited(make_service: type[Service]) -> None:
    svc = make_service(config={"max_upload_bytes": 4096}).start()  # type: ignore[call-arg]
    tok = svc.enroll("alice")
    sid = "01TESTSESSION0000000000001"
    chunk = plain_chunk([{"kind": "step", "index": 0, "t": 0.0, "action": {"type": "key", "key": "enter"}}])
    with svc.client(tok) as c:
        assert _put(c, sid, "session.json", _meta(sid)).status_code == 200
        first = _put(c, sid, "chunks/000001.dtc", chunk)
        assert first.status_code == 200 and first.json()["duplicate"] is False
        again = _put(c, sid, "chunks/000001.dtc", chunk)
        assert again.status_code == 200 and again.json()["duplicate"] is True
        # compressed on the wire
        z = zstandard.ZstdCompressor().compress(chunk)
        assert (
            _put(
                c,
                sid,
                "chunks/000001.dtc",
                z,
                hashlib.sha256(chunk).hexdigest(),
                **{"Content-Encoding": "zstd"},
            ).json()["duplicate"]
            is True
        )
        # a different file under the same id
        other = plain_chunk([{"kind": "event", "type": "key", "t": 1.0}])
        assert _put(c, sid, "chunks/000001.dtc", other).status_code == 409
        # wrong checksum, bad chunk, bad path, bad meta: 422 naming the field
        bad = _put(c, sid, "chunks/000002.dtc", chunk, "0" * 64)
        assert bad.status_code == 422 and "X-Content-SHA256" in bad.json()["detail"]
        junk = _put(c, sid, "chunks/000003.dtc", b"DTC1\x00\x00\x00\x00\x05hello")
        assert junk.status_code == 422 and "chunks/000003.dtc" in junk.json()["detail"]
        enc = _put(c, sid, "chunks/000004.dtc", b"DTC1\x01")
        assert enc.status_code == 422 and "encrypted" in enc.json()["detail"]
        kind = _put(c, sid, "chunks/000005.dtc", plain_chunk([{"kind": "nope"}]))
        assert kind.status_code == 422 and "kind" in kind.json()["detail"]
        assert _put(c, sid, "secrets/../../x", b"x").status_code in (404, 422)
        assert _put(c, sid, "notes.txt", b"x").status_code == 422
        meta = _put(c, "01OTHER", "session.json", _meta("01DIFFERENT"))
        assert meta.status_code == 422 and "id" in meta.json()["detail"]
        nosha = c.put(f"/v1/sessions/{sid}/files/frames/a.png", content=b"x")
        assert nosha.status_code == 422 and "x-content-sha256" in nosha.json()["detail"].lower()
        # size limit, with the limit in the message
        big = _put(c, sid, "frames/big.png", b"\0" * 5000)
        assert big.status_code == 413 and "4096" in big.json()["detail"]
        bomb = zstandard.ZstdCompressor().compress(b"\0" * 100_000)
        r = _put(
            c,
            sid,
            "frames/bomb.png",
            bomb,
            hashlib.sha256(b"\0" * 100_000).hexdigest(),
            **{"Content-Encoding": "zstd"},
        )
        assert r.status_code == 413 and "4096" in r.json()["detail"]
        man = c.get(f"/v1/sessions/{sid}/manifest").json()
        assert set(man["files"]) == {"session.json", "chunks/000001.dtc"}
        info = c.get(f"/v1/me/sessions/{sid}").json()
        assert info["steps"] == 1 and info["state"] == "receiving"
        # completion lists what is missing; the device must not delete yet
        done = c.post(
            f"/v1/sessions/{sid}/complete",
            json={
                "files": {
                    "session.json": hashlib.sha256(_meta(sid)).hexdigest(),
                    "chunks/000001.dtc": hashlib.sha256(chunk).hexdigest(),
                    "chunks/000002.dtc": hashlib.sha256(chunk).hexdigest(),
                }
            },
        ).json()
        assert done["durable"] is False and done["missing"] == ["chunks/000002.dtc"]
    assert "Traceback" not in svc.log_text()


def test_uploader_sends_sealed_decrypted_and_deletes_only_when_durable(
    service: Service, tmp_path: Path
) -> None:
    service.enroll("alice")
    run_cli("enroll", service.url, service.code("alice"))
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    done_id = make_bundle(spool, key, steps=3, chunks=2, frames=2)
    live_id = make_bundle(spool, key, steps=2, chunks=1, stop=False)
    (spool / live_id / "chunks" / "000009.dtc.open").write_bytes(b"DTC1\x01partial")
    u = Uploader(spool, service.url, key, interval=0.05, max_backoff=0.2)
    assert u.flush(timeout=30) == 0
    st = u.stats()
    assert st["sent_chunks"] == 3 and st["sessions_done"] == 1 and st["last_error"] is None
    assert not (spool / done_id).exists() and (spool / live_id).exists()
    tok = json.loads((home() / "device.json").read_text())["token"]
    with service.client(tok) as c:
        man = c.get(f"/v1/sessions/{live_id}/manifest").json()["files"]
        assert sorted(man) == ["chunks/000001.dtc", "session.json"]
    assert service.wait_state(tok, done_id, ("released",)) == "released"
    with service.client(tok) as c:
        steps = c.get(f"/v1/me/sessions/{done_id}/steps").json()["steps"]
        assert [s["index"] for s in steps] == list(range(6))
        assert c.get(f"/v1/me/sessions/{done_id}/frames/000000-before.png").content.startswith(b"\x89PNG")


def test_racing_first_uploads_of_a_new_session_are_all_stored(service: Service) -> None:
    """Each of these uploads finds no session row and creates it; the ones that lose the race to
    insert it must lock the winner's row and store their file, not fail."""
    from concurrent.futures import ThreadPoolExecutor

    tok = service.enroll("racer")
    files = {f"frames/f{i:02d}.webp": f"frame {i}".encode() * 50 for i in range(12)}
    for round_ in range(3):
        sid = f"race{round_}"

        def put(item: tuple[str, bytes], sid: str = sid) -> int:
            with service.client(tok) as c:
                return _put(c, sid, *item).status_code

        with ThreadPoolExecutor(len(files)) as pool:
            codes = list(pool.map(put, files.items()))
        assert codes == [200] * len(files), codes
        with service.client(tok) as c:
            held = c.get(f"/v1/sessions/{sid}/manifest").json()["files"]
        assert held == {rel: hashlib.sha256(b).hexdigest() for rel, b in files.items()}
