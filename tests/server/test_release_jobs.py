"""The release pass as a Ray job (`demotrace admin release --engine ray`), one task per session:
a Ray worker killed in the middle of a session's pass is retried, and the job finishes with every
session released."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from demotrace.bundle import load_or_create_key
from demotrace.bundle.files import write_file
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path

from .helpers import CLI, Service, make_bundle, processes_with

SESSIONS = 3


def _text_frame(n: int) -> bytes:
    """A frame with text on it, so the OCR pass has work to do (time to kill its worker)."""
    img = Image.new("RGB", (1280, 720), "white")
    draw = ImageDraw.Draw(img)
    for line in range(12):
        draw.text(
            (20, 20 + 56 * line),
            f"frame {n} line {line} lorem ipsum dolor",
            fill="black",
            font=ImageFont.load_default(size=40),
        )
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_a_release_job_whose_worker_is_killed_is_retried_and_finishes(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(config={"background_release": False}).start()  # type: ignore[call-arg]
    alice = svc.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    sids = []
    for n in range(SESSIONS):
        sid = make_bundle(spool, key, steps=2, marker=f"job{n}")
        for f in range(3):
            write_file(spool / sid, f"frames/t{f}-before.png", _text_frame(f), key)
        sids.append(sid)
    u = Uploader(spool, svc.url, key, alice, interval=0.05, max_backoff=0.2)
    u.flush(timeout=120)
    u.stop()
    for sid in sids:  # the service leaves them to the job
        assert svc.wait_state(alice, sid, ("quarantined",)) == "quarantined"

    env = {**os.environ, "RAY_DEDUP_LOGS": "0"}
    job = subprocess.Popen(
        [*CLI, "admin", "release", "--data", str(svc.data_dir), "--engine", "ray", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    killed = None
    try:
        deadline = time.monotonic() + 240
        while killed is None and time.monotonic() < deadline and job.poll() is None:
            busy = processes_with("release_task")
            if busy:
                time.sleep(0.5)  # well inside the pass
                busy[0].send_signal(signal.SIGKILL)
                killed = busy[0].pid
            time.sleep(0.05)
        out, err = job.communicate(timeout=300)
    finally:
        if job.poll() is None:
            os.killpg(job.pid, signal.SIGKILL)
            job.wait(10)
    assert killed is not None, f"no Ray worker was seen running a release task: {err[-2000:]}"
    assert job.returncode == 0, err[-3000:]
    assert f"released {SESSIONS}, failed 0, lost 0" in out, (out, err[-2000:])
    for sid in sids:
        assert svc.wait_state(alice, sid, ("released",), timeout=10) == "released"
    store = svc.blobs()
    for sid in sids:  # the killed attempt left nothing half-done: every frame released
        assert {f"frames/t{f}-before.png" for f in range(3)} <= set(store.list(f"released/{sid}"))
        assert store.list(f"quarantine/{sid}") == []
