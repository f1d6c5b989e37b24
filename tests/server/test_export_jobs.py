"""Exports of a service on an S3-compatible store (SeaweedFS) as jobs: each session's task reads
it from the store and writes its own part; a Ray worker killed mid-export is retried and the
export finishes with every session's steps exactly once; a resumed export redoes only the parts
that are missing or damaged."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from demotrace.bundle import load_or_create_key
from demotrace.bundle.files import write_file
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.pipeline import run_export

from .helpers import CLI, Service, make_bundle, processes_with, run_cli
from .s3 import aws_env

SESSIONS = 6
STEPS = 4


def _noisy_png(seed: int) -> bytes:
    """A frame that does not compress (~0.5 MB), so a session's task takes a while to read."""
    rgb = np.random.default_rng(seed).integers(0, 255, (300, 600, 3), dtype=np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def s3_released(
    s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Service, list[str], str]]:
    """A service on SQLite + SeaweedFS holding SESSIONS released sessions of STEPS steps, each
    step with a frame of its own."""
    for k, v in aws_env(s3_endpoint).items():
        monkeypatch.setenv(k, v)
    cfg = {"blobs_url": f"s3://demotrace-test/x-{uuid.uuid4().hex[:12]}", "release_interval": 0.2}
    svc = Service(data_dir=tmp_path / "data", config=cfg)
    svc.data_dir.mkdir(parents=True)
    svc.start()
    try:
        alice = svc.enroll("alice")
        key = load_or_create_key(device_key_path())
        spool = tmp_path / "spool"
        sids = []
        for n in range(SESSIONS):
            sid = make_bundle(spool, key, steps=STEPS, frames=STEPS, marker=f"s{n}")
            for i in range(STEPS):  # replace the 1-px frames by real-sized ones
                write_file(spool / sid, f"frames/{i:06d}-before.png", _noisy_png(n * 100 + i), key)
            sids.append(sid)
        u = Uploader(spool, svc.url, key, alice, interval=0.05, max_backoff=0.2)
        u.flush(timeout=180)
        u.stop()
        for sid in sids:
            assert svc.wait_state(alice, sid, ("released",), timeout=120) == "released"
        yield svc, sids, alice
    finally:
        svc.stop()


def _steps_seen(out: Path) -> Counter[tuple[str, str]]:
    """(session id, the step's typed text) for every step of every episode line."""
    seen: Counter[tuple[str, str]] = Counter()
    for line in (out / "trajectories.jsonl").read_text().splitlines():
        ep = json.loads(line)
        for st in ep["steps"]:
            seen[(ep["session_id"], st["action"]["text"])] += 1
    return seen


def _expected(sids: list[str]) -> Counter[tuple[str, str]]:
    return Counter((sid, f"s{n} {i}") for n, sid in enumerate(sids) for i in range(STEPS))


def test_a_ray_export_whose_worker_is_killed_is_retried_every_step_exactly_once(
    s3_released: tuple[Service, list[str], str], tmp_path: Path
) -> None:
    svc, sids, _ = s3_released
    out = tmp_path / "out"
    cache = svc.data_dir / "cache" / "released"
    args = ["--format", "native", "--out", str(out), "--engine", "ray", "--workers", "1", "--no-progress"]
    job = subprocess.Popen(
        [*CLI, "export", str(svc.data_dir), *args, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "RAY_DEDUP_LOGS": "0"},
        start_new_session=True,
    )
    killed = None
    try:
        deadline = time.monotonic() + 240
        while killed is None and time.monotonic() < deadline and job.poll() is None:
            busy = processes_with("export_stored_session")
            if busy:  # a worker in the middle of a session's task
                busy[0].send_signal(signal.SIGKILL)
                killed = busy[0].pid
            time.sleep(0.02)
        stdout, err = job.communicate(timeout=300)
    finally:
        if job.poll() is None:
            os.killpg(job.pid, signal.SIGKILL)
            job.wait(10)
    assert killed is not None, f"no Ray worker was seen running an export task: {err[-2000:]}"
    assert job.returncode == 0, err[-3000:]
    summary = json.loads(stdout.strip().splitlines()[-1])
    assert summary["failed"] == [] and summary["exported"] == SESSIONS, summary
    assert _steps_seen(out) == _expected(sids)  # every step of every session, exactly once
    manifest = json.loads((out / "manifest.json").read_text())
    assert [s["session_id"] for s in manifest["sessions"]] == sids
    assert all(s["steps"] == STEPS and s["files"] == STEPS for s in manifest["sessions"]), manifest
    assert manifest["steps"] == SESSIONS * STEPS
    for s in manifest["sessions"]:  # the frames the tasks wrote are all there
        for ep in s["episode_ids"]:
            assert len(list((out / "frames" / ep).iterdir())) == STEPS
    assert not cache.exists() or not any(cache.iterdir()), "the driver copied sessions into its cache"


def test_a_resumed_store_export_redoes_only_missing_or_damaged_parts(
    s3_released: tuple[Service, list[str], str], tmp_path: Path
) -> None:
    svc, sids, _ = s3_released
    out = tmp_path / "out"
    first = run_export(svc.data_dir, "native", out, progress=False)
    assert first.exported == SESSIONS and not first.failed
    lines = (out / "trajectories.jsonl").read_bytes()
    assert _steps_seen(out) == _expected(sids)
    state = out / ".demotrace-export" / "native"
    stamps = {p.name: p.stat().st_mtime_ns for p in (state / "sessions").iterdir()}

    again = run_export(svc.data_dir, "native", out, progress=False)
    assert (again.exported, again.resumed) == (0, SESSIONS)
    assert {p.name: p.stat().st_mtime_ns for p in (state / "sessions").iterdir()} == stamps

    # damage: one session's part truncated, another's frame removed, a third's state torn
    part = state / "parts" / f"{sids[1]}.lines"
    part.write_bytes(part.read_bytes()[:-20])
    m = json.loads((state / "sessions" / f"{sids[3]}.state").read_text())
    (out / m["files"][0]).unlink()
    torn = state / "sessions" / f"{sids[4]}.state"
    torn.write_text(torn.read_text()[:30])
    third = run_export(svc.data_dir, "native", out, progress=False)
    assert (third.exported, third.resumed) == (3, SESSIONS - 3) and not third.failed
    redone = {n for n, t in stamps.items() if (state / "sessions" / n).stat().st_mtime_ns != t}
    assert redone == {f"{sids[i]}.state" for i in (1, 3, 4)}
    assert (out / "trajectories.jsonl").read_bytes() == lines
    assert (out / m["files"][0]).is_file()


def test_the_refresh_after_a_deletion_is_a_job_whose_status_is_visible(
    s3_released: tuple[Service, list[str], str], tmp_path: Path
) -> None:
    svc, sids, alice = s3_released
    out = tmp_path / "out"
    run_export(svc.data_dir, "native", out, progress=False)  # registers the export
    assert "never-refreshed" in run_cli("admin", "exports", "--data", str(svc.data_dir)).stdout
    with svc.client(alice) as c:
        assert c.delete(f"/v1/me/sessions/{sids[2]}").status_code == 200
    deadline = time.monotonic() + 90
    listed = ""
    while time.monotonic() < deadline and f"{out} native ok" not in listed:
        time.sleep(0.3)
        listed = run_cli("admin", "exports", "--data", str(svc.data_dir)).stdout
    assert f"{out} native ok sessions={SESSIONS - 1} steps={(SESSIONS - 1) * STEPS}" in listed, listed
    left = {sid for sid, _ in _steps_seen(out)}
    assert left == set(sids) - {sids[2]}
    # on demand, with the engine given: nothing changed, every part verifies and is kept
    state = out / ".demotrace-export" / "native" / "sessions"
    stamps = {p.name: p.stat().st_mtime_ns for p in state.iterdir()}
    got = run_cli(
        "admin", "refresh-exports", "--data", str(svc.data_dir), "--engine", "local", "--workers", "2"
    )
    assert "refreshed 1 exports" in got.stdout, got.stderr
    assert {p.name: p.stat().st_mtime_ns for p in state.iterdir()} == stamps
