"""The in-process frame (OCR) pass runs in a child process that is stopped at the per-frame
timeout with everything it started: the session fails closed and no OCR runs on."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import psutil
import pytest
from PIL import Image

from demotrace.policy import Policy
from demotrace.server.frames import FramePassError, redact_frames


def _frames(d: Path, n: int) -> list[str]:
    (d / "frames").mkdir(parents=True)
    rels = []
    for i in range(n):
        buf = io.BytesIO()
        Image.new("RGB", (64, 32), "white").save(buf, "PNG")
        (d / "frames" / f"{i:06d}.png").write_bytes(buf.getvalue())
        rels.append(f"frames/{i:06d}.png")
    return rels


def _fake_tesseract(bin_dir: Path, pids: Path, seconds: float) -> None:
    """A `tesseract` that notes its pid and then sleeps instead of reading (a stuck OCR)."""
    bin_dir.mkdir()
    exe = bin_dir / "tesseract"
    exe.write_text(f"#!/bin/sh\necho $$ >> {pids}\nexec sleep {seconds}\n")
    exe.chmod(0o755)


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


def test_a_stuck_frame_is_stopped_at_its_timeout_and_nothing_runs_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    _fake_tesseract(tmp_path / "bin", pids, 600)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    bundle = tmp_path / "in"
    rels = _frames(bundle, 3)
    with pytest.raises(FramePassError, match=r"timed out \(a frame took over 2 s, after 0 frames\)"):
        redact_frames(bundle, tmp_path / "out", rels, Policy(), timeout=600.0, per_frame=2.0)
    started = [int(x) for x in pids.read_text().split()]
    assert len(started) == 1  # the pass got to the first frame's OCR and no further
    assert _gone(started[0]), "the stuck OCR process still runs after the pass was stopped"
    assert not (tmp_path / "out" / rels[0]).exists()


def test_the_pass_in_its_child_redacts_every_frame_and_reports_its_errors(tmp_path: Path) -> None:
    bundle = tmp_path / "in"
    rels = _frames(bundle, 2)
    done = redact_frames(bundle, tmp_path / "out", rels, Policy(), timeout=300.0, per_frame=120.0)
    assert sorted(done) == rels and all(p.is_file() for p in done.values())
    (bundle / "frames" / "000001.png").write_bytes(b"not an image")
    with pytest.raises(FramePassError, match=r"frame redaction pass failed: .*cannot read image"):
        redact_frames(bundle, tmp_path / "out2", rels, Policy(), timeout=300.0, per_frame=120.0)
