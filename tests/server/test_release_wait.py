"""`demotrace admin release` beside a running service: a session the service's own worker has
claimed is left to it, said so, and `--wait` waits for it (or takes it over once its claim goes
stale). Without that, an end-to-end test stopped the service mid-release and found nothing
released (CI of stop 28)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.store import ServiceConfig, ServiceData
from demotrace.store.models import Session

from .helpers import CLI, Service, make_bundle

CLAIM_TIMEOUT = 10.0  # longer than a CLI start on a loaded machine


def _claim_as_another_worker(data_dir: Path, sid: str) -> None:
    data = ServiceData(ServiceConfig.load(data_dir), migrate=False)
    try:
        with data.db.write() as s:
            row = s.get(Session, sid)
            assert row is not None and row.state in ("quarantined", "redacting")
            row.state, row.claimed_at = "redacting", time.time()
    finally:
        data.close()


def test_release_leaves_a_claimed_session_to_its_worker_and_wait_takes_it_once_stale(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(  # type: ignore[call-arg]
        config={"background_release": False, "claim_timeout": CLAIM_TIMEOUT}
    ).start()
    alice = svc.enroll("alice")
    key = load_or_create_key(device_key_path())
    sid = make_bundle(tmp_path / "spool", key, steps=2, marker="wait")
    u = Uploader(tmp_path / "spool", svc.url, key, alice, interval=0.05, max_backoff=0.2)
    u.flush(timeout=120)
    u.stop()
    assert svc.wait_state(alice, sid, ("quarantined",)) == "quarantined"
    _claim_as_another_worker(svc.data_dir, sid)

    release = [*CLI, "admin", "release", "--data", str(svc.data_dir)]
    now = subprocess.run(release, capture_output=True, text=True, timeout=120)
    assert now.returncode == 0, now.stderr
    assert "processed 0 sessions; 1 still being redacted by the service" in now.stdout

    _claim_as_another_worker(svc.data_dir, sid)  # heart-beaten again
    short = subprocess.run([*release, "--wait", "0.5"], capture_output=True, text=True, timeout=120)
    assert short.returncode != 0
    assert "1 sessions still being redacted after 0.5 s" in short.stderr

    # the claimer stops heart-beating: after CLAIM_TIMEOUT the wait takes the session over
    _claim_as_another_worker(svc.data_dir, sid)
    waited = subprocess.run([*release, "--wait", "60"], capture_output=True, text=True, timeout=180)
    assert waited.returncode == 0, waited.stderr
    assert "processed 1 sessions" in waited.stdout
    assert svc.wait_state(alice, sid, ("released",), timeout=10) == "released"
