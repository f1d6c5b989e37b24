"""The service outlives its PostgreSQL connections: after the server drops them all (a restart,
a failover, `pg_terminate_backend`), a connection that sat idle is checked before use and
replaced, and one that dies in use fails that one request, which the uploader retries. Nothing
the device recorded is lost. Only where the suite has a PostgreSQL server (DEMOTRACE_TEST_PG)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.store.db import PING_AFTER_IDLE_S

from .conftest import PG
from .helpers import Service, make_bundle, pg_database

pytestmark = pytest.mark.skipif(not PG, reason="needs a PostgreSQL server (DEMOTRACE_TEST_PG)")


def drop_connections(db_url: str) -> int:
    """Terminate every server process of the service's database; how many there were."""
    name = db_url.rsplit("/", 1)[-1]
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        rows = c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        ).fetchall()
    return len(rows)


def deliver(svc: Service, token: str, spool: Path, sessions: int) -> tuple[list[str], dict[str, object]]:
    key = load_or_create_key(device_key_path())
    sids = [make_bundle(spool, key, steps=2, chunks=3) for _ in range(sessions)]
    u = Uploader(spool, svc.url, key, token, interval=0.05, max_backoff=0.2)
    t = threading.Thread(target=u.flush, args=(60,))
    t.start()
    t.join(70)
    return sids, u.stats()


def test_uploads_survive_the_database_dropping_every_connection(tmp_path: Path) -> None:
    db_url = pg_database(PG)
    svc = Service(data_dir=tmp_path / "data", db_url=db_url).start()
    try:
        tok = svc.enroll("alice")
        sids, st = deliver(svc, tok, tmp_path / "spool1", 2)
        assert st["pending"] == 0 and st["sessions_done"] == 2, st

        # in use a moment ago (no idle check): a request may fail once, the uploader retries
        assert drop_connections(db_url) >= 1
        more, st = deliver(svc, tok, tmp_path / "spool2", 2)
        assert st["pending"] == 0 and st["sessions_done"] == 2, st

        # idle past the check: the dead connections are replaced before any request sees them
        # (the background jobs may have used one since: that one fails its request once, with
        # 503 + Retry-After, never a 500, and SQLAlchemy then discards the pool's older ones)
        with svc.client(tok) as c:
            assert c.get(f"/v1/sessions/{sids[0]}/manifest").status_code == 200
        time.sleep(PING_AFTER_IDLE_S + 0.5)
        assert drop_connections(db_url) >= 1
        codes = []
        with svc.client(tok) as c:
            for sid in sids + more:
                r = c.get(f"/v1/sessions/{sid}/manifest")
                codes.append(r.status_code)
                if r.status_code == 503:
                    assert r.headers["Retry-After"] == "1" and "database" in r.text, r.text
                    r = c.get(f"/v1/sessions/{sid}/manifest")
                assert r.status_code == 200, r.text
                assert sorted(r.json()["files"]) == [
                    "chunks/000001.dtc",
                    "chunks/000002.dtc",
                    "chunks/000003.dtc",
                    "session.json",
                ]
        assert codes.count(503) <= 1 and codes[1:] == [200] * (len(codes) - 1), codes
    finally:
        svc.stop()
