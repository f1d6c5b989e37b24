"""The ingest tier: 2 uvicorn workers behind a real nginx / HAProxy on one database. One worker is
killed (SIGKILL) in the middle of the upload of several devices; every step must still be
accepted exactly once — checked per file and per step in the database and the stored bundles."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.server.balancer import haproxy_config, nginx_config
from demotrace.server.fleet import Fleet
from demotrace.store import ServiceConfig, ServiceData
from demotrace.store.models import Session, StoredFile

from .helpers import Service, make_bundle, read_steps

DEVICES, SESSIONS, CHUNKS, STEPS, EVENTS = 4, 2, 12, 5, 3


def _stored_files(data: ServiceData) -> int:
    with data.db.read() as s:
        return int(s.execute(select(func.count()).select_from(StoredFile)).scalar_one())


@pytest.mark.parametrize("balancer", ["nginx", "haproxy"])
def test_killing_a_worker_mid_load_loses_and_duplicates_nothing(
    balancer: str, db_url: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    cfg = ServiceConfig(data_dir, db_url=db_url)
    cfg.release_interval, cfg.claim_timeout = 0.5, 5.0
    cfg.save()
    fleet = Fleet(data_dir, workers=2, balancer=balancer).start()
    try:
        svc = Service(data_dir=data_dir, port=fleet.port)  # enrollment helpers, pointed at the balancer
        key = load_or_create_key(device_key_path())
        expected: dict[str, int] = {}
        uploaders = []
        for d in range(DEVICES):
            spool = tmp_path / f"spool{d}"
            for _ in range(SESSIONS):
                sid = make_bundle(spool, key, steps=STEPS, chunks=CHUNKS, events_per_step=EVENTS)
                expected[sid] = STEPS * CHUNKS
            uploaders.append(
                Uploader(spool, fleet.url, key, svc.enroll(f"dev{d}"), interval=0.05, max_backoff=0.5)
            )
        threads = [threading.Thread(target=u.flush, args=(120,)) for u in uploaders]
        for t in threads:
            t.start()
        data = ServiceData.open(data_dir, migrate=False)
        total = len(expected) * (CHUNKS + 1)
        deadline = time.monotonic() + 60
        while _stored_files(data) < total // 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        before = _stored_files(data)
        assert before < total, "the load finished before the kill; make it longer"
        killed = fleet.kill_worker(0)
        for t in threads:
            t.join(150)
        assert killed not in fleet.worker_pids()
        stats = [u.stats() for u in uploaders]
        assert all(s["pending"] == 0 and not s["stuck"] for s in stats), stats
        assert sum(s["sessions_done"] for s in stats) == len(expected), stats
        with data.db.read() as s:
            rows = {r.id: r for r in s.execute(select(Session)).scalars()}
            files = s.execute(select(StoredFile.session_id, StoredFile.rel, StoredFile.steps)).all()
        assert _stored_files(data) > before  # the surviving worker carried on
        assert set(rows) == set(expected)
        per_session: dict[str, list[str]] = {}
        for sid, rel, _ in files:
            per_session.setdefault(sid, []).append(rel)
        want = ["session.json", *(f"chunks/{i:06d}.dtc" for i in range(1, CHUNKS + 1))]
        for sid, n in expected.items():
            assert sorted(per_session[sid]) == sorted(want), sid  # each file recorded once
            assert rows[sid].steps == n and rows[sid].events == n * EVENTS, sid
            assert rows[sid].state in ("quarantined", "redacting", "released"), rows[sid].state
            assert sum(st for s2, _, st in files if s2 == sid) == n
        # per step: every index exactly once in the released bundle (a release the killed worker
        # had claimed is taken over after claim_timeout)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with data.db.read() as s:
                states = {r.id: r.state for r in s.execute(select(Session)).scalars()}
            if all(v == "released" for v in states.values()):
                break
            time.sleep(0.3)
        assert set(states.values()) == {"released"}, states
        for sid in expected:
            d = data.blobs.session_dir("released", sid)
            assert sorted(x["index"] for x in read_steps(d)) == list(range(expected[sid])), sid
        data.close()
        assert "Traceback" not in fleet.logs()
    finally:
        fleet.stop()
        fleet.remove_run_dir()


def test_balancer_configs_replay_failed_uploads_on_another_worker(tmp_path: Path) -> None:
    ng = nginx_config(tmp_path, ("127.0.0.1", 8000), [9001, 9002], 64)
    assert "server 127.0.0.1:9001" in ng and "server 127.0.0.1:9002" in ng
    assert "proxy_next_upstream error timeout http_502 non_idempotent;" in ng
    assert str(tmp_path) in ng and "/var/" not in ng  # nothing outside the run folder
    ha = haproxy_config(tmp_path, ("127.0.0.1", 8000), [9001, 9002], 64)
    assert "retry-on conn-failure empty-response response-timeout 502" in ha
    assert "check" in ha and "/healthz" in ha
