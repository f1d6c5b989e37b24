"""Recorder → service, end to end: a real `demotrace record --server` uploads while recording;
after stop the spool is empty (the service confirmed every file), the release pass runs and
`export` of the service folder gives back exactly the recorded actions."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.capture.desktop import DEMOTRACE, POLICY, desktop, enrolled_service, release_all, start_recorder

pytestmark = pytest.mark.x11


def test_recording_uploads_releases_and_exports(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d, enrolled_service(d, tmp_path) as (data, url):
        wid = d.xterm()
        d.focus(wid)
        rec = start_recorder(d, tmp_path, POLICY, "--server", url)
        d.xdo("mousemove", "100", "100", "click", "1")
        time.sleep(0.7)
        d.xdo("type", "--delay", "30", "uploaded text")
        d.xdo("key", "Return")
        time.sleep(0.8)
        summary = rec.stop(timeout=90)
        assert summary["upload_pending"] == 0, (tmp_path / "service.log").read_text()[-2000:]
        assert not [p for p in rec.spool.iterdir() if p.is_dir()], "local data left after confirmation"
        release_all(d, data)
    out = tmp_path / "export"
    r = subprocess.run(
        [DEMOTRACE, "export", str(data), "--format", "native", "--out", str(out), "--no-progress"],
        env=d.env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    steps = [
        s for line in (out / "trajectories.jsonl").read_text().splitlines() for s in json.loads(line)["steps"]
    ]
    assert [s["action"] for s in steps] == [
        {"type": "click", "x": 100, "y": 100, "button": "left"},
        {"type": "type", "text": "uploaded text"},
        {"type": "key", "key": "enter"},
    ]
