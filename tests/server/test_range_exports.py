"""Exact deletion of a time range through the API: only the range's steps, events, frames and
video seconds go, everywhere (stored bundle, reads, video index and stream), and an export made
before the deletion is brought up to date by the service: its manifest and its lines reflect it."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

import av
import numpy as np

from demotrace.bundle import load_or_create_key
from demotrace.bundle.files import write_file
from demotrace.capture.screen.video import VideoSegmenter
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path

from .helpers import Service, make_bundle, run_cli

STEPS = 10


def _add_video(bundle: Path, key: bytes, seconds: int) -> None:
    """One 1 fps segment with a frame at every second 0..seconds-1, each a different grey."""
    files: dict[str, bytes] = {}
    seg = VideoSegmenter(files.__setitem__, scale=1.0)
    for t in range(seconds):
        rgb = np.full((48, 64, 3), 20 * t, dtype=np.uint8)
        seg.add(float(t), 0, (0, 0, 64, 48), rgb, bytes([t]))
    seg.close_segment()
    for rel, data in files.items():
        write_file(bundle, rel, data, key)


def _upload(svc: Service, token: str, spool: Path) -> None:
    u = Uploader(spool, svc.url, load_or_create_key(device_key_path()), token, interval=0.05, max_backoff=0.2)
    u.flush(timeout=60)
    u.stop()


def _manifest(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "manifest.json").read_text()))


def _wait_manifest(out: Path, pred: Any, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    m = _manifest(out)
    while time.monotonic() < deadline and not pred(m):
        time.sleep(0.2)
        m = _manifest(out)
    assert pred(m), m
    return m


def _video_times(svc: Service, sid: str) -> tuple[list[float], int]:
    """The released video's index times and how many frames its stream decodes to."""
    store = svc.blobs()
    index = json.loads(store.get(f"released/{sid}/video/000001.json"))
    with av.open(io.BytesIO(store.get(f"released/{sid}/video/000001.mp4"))) as c:
        decoded = sum(1 for _ in c.decode(video=0))
    return [float(e["t"]) for e in index["frames"]], decoded


def test_exact_range_deletion_reaches_frames_video_and_an_earlier_exports_manifest(
    service: Service, tmp_path: Path
) -> None:
    alice = service.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    start = time.time() - 600
    sid = make_bundle(spool, key, steps=STEPS, frames=STEPS, marker="cut", start=start)
    _add_video(spool / sid, key, STEPS)
    other = make_bundle(spool, key, steps=3, marker="other", start=start - 3600)
    _upload(service, alice, spool)
    for s in (sid, other):
        service.wait_state(alice, s, ("released",), timeout=120)
    assert _video_times(service, sid) == ([float(t) for t in range(STEPS)], STEPS)  # video released

    out = tmp_path / "dataset"
    run_cli("export", str(service.data_dir), "--format", "native", "--out", str(out))
    before = {s["session_id"]: s for s in _manifest(out)["sessions"]}
    assert set(before) == {sid, other} and before[sid]["steps"] == STEPS
    assert "cut 4" in (out / "trajectories.jsonl").read_text()

    with service.client(alice) as c:  # seconds 2.5 .. 5.5 of the session: steps 3, 4, 5
        r = c.request("DELETE", "/v1/me/sessions", params={"start": start + 2.5, "end": start + 5.5})
        assert r.status_code == 200 and r.json() == {"deleted": 0, "trimmed": 1}, r.text
        steps = c.get(f"/v1/me/sessions/{sid}/steps").json()["steps"]
        assert [s["t"] for s in steps] == [0.0, 1.0, 2.0, 6.0, 7.0, 8.0, 9.0]
        assert c.get(f"/v1/me/sessions/{sid}/frames/000004-before.png").status_code == 404
        assert c.get(f"/v1/me/sessions/{sid}/frames/000006-before.png").status_code == 200
        assert c.get(f"/v1/me/sessions/{other}/steps").json()["steps"]  # another session untouched
    times, decoded = _video_times(service, sid)
    assert times == [0.0, 1.0, 2.0, 6.0, 7.0, 8.0, 9.0] and decoded == 7
    store = service.blobs()
    kept = set(store.list(f"released/{sid}"))
    assert not {f"frames/{i:06d}-before.png" for i in (3, 4, 5)} & kept
    assert {f"frames/{i:06d}-before.png" for i in (2, 6)} <= kept

    # the export made before the deletion follows it: manifest and lines
    m = _wait_manifest(out, lambda m: {s["session_id"]: s["steps"] for s in m["sessions"]}.get(sid) == 7)
    assert {s["session_id"] for s in m["sessions"]} == {sid, other}
    lines = (out / "trajectories.jsonl").read_text()
    assert "cut 4" not in lines and "cut 6" in lines

    with service.client(alice) as c:  # a whole session deleted: gone from the export too
        assert c.delete(f"/v1/me/sessions/{other}").json() == {"deleted": 1}
    m = _wait_manifest(out, lambda m: [s["session_id"] for s in m["sessions"]] == [sid])
    assert other not in (out / "trajectories.jsonl").read_text()
    assert not [p for p in out.rglob("*") if other in p.name]
