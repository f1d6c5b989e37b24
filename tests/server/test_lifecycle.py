"""Deletion that leaves no trace (database, blobs, exports) and a tombstone against re-upload;
the hash-chained audit log and its verifier; retention (CLI and scheduled in the service)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from sqlalchemy import text

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.store import ServiceData, id_hash, released_bundle_dirs
from demotrace.store.models import Base

from .helpers import Service, make_bundle, run_cli


def _upload(svc: Service, token: str, spool: Path) -> None:
    key = load_or_create_key(device_key_path())
    u = Uploader(spool, svc.url, key, token, interval=0.05, max_backoff=0.2)
    u.flush(timeout=30)
    u.stop()


def _db_text(data_dir: Path) -> str:
    """Every row of every table, as text (what a database dump would show)."""
    data = ServiceData.open(data_dir, migrate=False)
    out = []
    with data.db.read() as s:
        for table in Base.metadata.sorted_tables:
            out += [repr(tuple(r)) for r in s.execute(text(f'SELECT * FROM "{table.name}"'))]
    data.close()
    return "\n".join(out)


def _raw_files(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and p.name != "serve.log")


def test_deletion_leaves_no_trace_and_a_tombstone_blocks_reupload(service: Service, tmp_path: Path) -> None:
    alice = service.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    gone = make_bundle(spool, key, frames=4, marker="zebracorn")
    kept = make_bundle(spool, key, frames=4, marker="keepme")
    backup = tmp_path / "backup"
    shutil.copytree(spool, backup)
    _upload(service, alice, spool)
    for sid in (gone, kept):
        service.wait_state(alice, sid, ("released",))
    before = tmp_path / "export-before"
    run_cli("export", str(service.data_dir), "--format", "native", "--out", str(before))
    assert gone in (before / "trajectories.jsonl").read_text()
    with service.client(alice) as c:
        c.get(f"/v1/me/sessions/{gone}/steps")  # a read: audited
        assert c.delete(f"/v1/me/sessions/{gone}").json() == {"deleted": 1}
        assert c.get(f"/v1/me/sessions/{gone}").status_code == 404
    dump = _db_text(service.data_dir)
    assert gone not in dump and "zebracorn" not in dump
    assert kept in dump and id_hash(gone) in dump  # the tombstone and audit keep only the hash
    if not service.db_url:  # SQLite: not even in free pages or the WAL
        raw = _raw_files(service.data_dir)
        assert gone.encode() not in raw and b"zebracorn" not in raw
        assert kept.encode() in raw
    blobs = [str(p) for p in service.data_dir.rglob("*")]
    assert not [b for b in blobs if gone in b]
    store = service.blobs()  # the data folder, or the object store's prefix
    assert not any(store.list(f"{area}/{gone}") for area in ("quarantine", "released"))
    assert store.list(f"released/{kept}")
    assert [d.name for d in released_bundle_dirs(service.data_dir)] == [kept]
    after = tmp_path / "export-after"
    run_cli("export", str(service.data_dir), "--format", "native", "--out", str(after))
    exported = b"".join(p.read_bytes() for p in after.rglob("*") if p.is_file())
    assert gone.encode() not in exported and b"zebracorn" not in exported and kept.encode() in exported
    # the device retries the upload from a backup: refused (410), and the local copy is dropped
    retry_spool = tmp_path / "retry"
    shutil.copytree(backup / gone, retry_spool / gone)
    u = Uploader(retry_spool, service.url, key, alice, interval=0.05)
    assert u.flush(timeout=20) == 0
    assert not (retry_spool / gone).exists()
    with service.client(alice) as c:
        r = c.put(
            f"/v1/sessions/{gone}/files/session.json", content=b"{}", headers={"X-Content-SHA256": "0" * 64}
        )
        assert r.status_code in (410, 422)
        assert c.get(f"/v1/sessions/{gone}/manifest").status_code == 410
        assert [s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]] == [kept]
    assert gone not in _db_text(service.data_dir)


def test_delete_a_time_range(service: Service, tmp_path: Path) -> None:
    alice = service.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    now = time.time()
    old = make_bundle(spool, key, start=now - 7200)
    new = make_bundle(spool, key, start=now - 100)
    _upload(service, alice, spool)
    with service.client(alice) as c:
        r = c.request("DELETE", "/v1/me/sessions", params={"start": now - 8000, "end": now - 3600})
        assert r.json() == {"deleted": 1, "trimmed": 0}
        assert [s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]] == [new]
        assert c.request("DELETE", "/v1/me/sessions", params={"start": 5, "end": 1}).status_code == 422
    assert old not in _db_text(service.data_dir)


def test_audit_chain_verifier_catches_an_edited_or_removed_entry(service: Service, tmp_path: Path) -> None:
    alice, admin = service.enroll("alice"), service.token("admin")
    with service.client(admin) as c:
        assert (
            c.put("/v1/policy", json={"version": 3, "apps": [{"match": {"wm_class": "xterm"}}]}).status_code
            == 200
        )
        assert c.get("/v1/admin/audit/verify").json()["ok"] is True
    ok = run_cli("admin", "audit", "--data", str(service.data_dir), "--verify")
    assert "chain intact" in ok.stdout
    data = ServiceData.open(service.data_dir, migrate=False)
    with data.db.write() as s:
        s.execute(text("UPDATE audit_log SET actor = 'someone-else' WHERE action = 'device.enroll'"))
    bad = run_cli("admin", "audit", "--data", str(service.data_dir), "--verify", check=False)
    assert bad.returncode == 1 and "TAMPERED" in bad.stdout and "device.enroll" in bad.stdout
    with data.db.write() as s:
        s.execute(text("UPDATE audit_log SET actor = 'test' WHERE action = 'device.enroll'"))
    # restoring the old value does not help either unless it is exactly the original
    with data.db.read() as s:
        orig_ok = s.execute(text("SELECT count(*) FROM audit_log")).scalar()
    assert orig_ok and orig_ok >= 3
    with data.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE action = 'policy.update'"))
    gone = run_cli("admin", "audit", "--data", str(service.data_dir), "--verify", check=False)
    assert gone.returncode == 1 and "TAMPERED" in gone.stdout
    data.close()
    with service.client(admin) as c:
        assert c.get("/v1/admin/audit/verify").json()["ok"] is False
    _ = alice


def test_retention_purges_old_sessions_from_the_cli_and_on_schedule(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(
        config={
            "retention_days": 0,  # type: ignore[call-arg]
            "release_interval": 0.2,
        }
    ).start()
    alice = svc.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    now = time.time()
    ancient = make_bundle(spool, key, start=now - 40 * 86400)
    old = make_bundle(spool, key, start=now - 10 * 86400)
    fresh = make_bundle(spool, key, start=now - 60)
    _upload(svc, alice, spool)
    out = run_cli("admin", "purge", "--data", str(svc.data_dir), "--days", "30").stdout
    assert "purged 1 sessions" in out
    with svc.client(alice) as c:
        assert {s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]} == {old, fresh}
    svc.stop()
    svc.config.update(retention_days=5, retention_interval=0.5)
    svc.start()
    deadline = time.monotonic() + 30
    with svc.client(alice) as c:
        while time.monotonic() < deadline:
            ids = {s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]}
            if ids == {fresh}:
                break
            time.sleep(0.2)
        assert ids == {fresh}
    dump = _db_text(svc.data_dir)
    assert ancient not in dump and old not in dump and "retention.purge" in dump
