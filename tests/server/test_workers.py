"""Two uvicorn workers on one data folder (stateless service): concurrent devices and trainer reads
land exactly once, releases are claimed by one worker each, and concurrent audit appends from
both processes keep one unbroken hash chain."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.store import ServiceData, audit, released_bundle_dirs
from demotrace.store.models import AuditEntry

from .helpers import Service, make_bundle, read_steps


def test_two_workers_share_the_work_without_duplicates(make_service: type[Service], tmp_path: Path) -> None:
    svc = make_service(workers=2, config={"release_interval": 0.2}).start()  # type: ignore[call-arg]
    key = load_or_create_key(device_key_path())
    tokens = [svc.enroll(f"user{i}") for i in range(3)]
    trainer = svc.token("trainer")
    expected: dict[str, int] = {}
    spools = []
    for i in range(3):
        spool = tmp_path / f"spool{i}"
        for _ in range(3):
            sid = make_bundle(spool, key, steps=3, chunks=4)
            expected[sid] = 12
        spools.append(spool)
    stop = threading.Event()
    reads = [0]
    bad: list[str] = []

    def trainer_reads() -> None:
        with svc.client(trainer) as c:
            while not stop.is_set():
                for s in c.get("/v1/released/sessions").json()["sessions"]:
                    r = c.get(f"/v1/released/sessions/{s['id']}/steps")
                    if r.status_code != 200:
                        bad.append(f"{r.status_code} {r.text[:200]}")
                    reads[0] += 1

    reader = threading.Thread(target=trainer_reads)
    reader.start()
    uploaders = [
        Uploader(sp, svc.url, key, tok, interval=0.05, max_backoff=0.2)
        for sp, tok in zip(spools, tokens, strict=True)
    ]
    threads = [threading.Thread(target=u.flush, args=(60,)) for u in uploaders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    deadline = time.monotonic() + 90
    while len(released_bundle_dirs(svc.data_dir)) < len(expected) and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    reader.join()
    got = {d.name: len(read_steps(d)) for d in released_bundle_dirs(svc.data_dir)}
    assert got == expected
    assert reads[0] > 0 and not bad, bad
    data = ServiceData.open(svc.data_dir, migrate=False)
    with data.db.read() as s:
        assert audit.verify(s).ok
        releases = s.query(AuditEntry).filter(AuditEntry.action == "session.release").count()
    data.close()
    assert releases == len(expected)  # each session released by exactly one worker
    assert "Traceback" not in svc.log_text()
