"""`demotrace task start TEXT` / `task done` reach the running recorder over its control socket;
the marks it writes become episodes with the person's instruction (`instruction_source: person`)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.capture.desktop import DEMOTRACE, desktop, start_recorder

pytestmark = pytest.mark.x11


def _task(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DEMOTRACE, "task", *args], env=env, capture_output=True, text=True, timeout=10)


def test_task_marks_split_episodes_and_name_them(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d:
        r = _task(d.env, "start", "nothing runs yet")
        assert r.returncode == 2 and "no recorder is running" in r.stderr
        wid = d.xterm(geometry="80x24+40+30")
        d.focus(wid)
        rec = start_recorder(d, tmp_path)
        for text, typed in (("List the files here", "ls -la"), ("Print the date", "date")):
            r = _task(d.env, "start", text)
            assert r.returncode == 0 and r.stdout.strip() == f"task started: {text}", r.stderr
            time.sleep(0.5)
            d.xdo("type", "--delay", "40", typed)
            d.xdo("key", "Return")
            d.xdo("mousemove", "200", "150", "click", "1")
            time.sleep(0.8)
            assert _task(d.env, "done").returncode == 0
            time.sleep(0.5)
        r = _task(d.env, "start", "   ")
        assert r.returncode == 2 and "empty" in r.stderr
        rec.stop()
    out = tmp_path / "export"
    r = subprocess.run(
        [DEMOTRACE, "export", str(rec.spool), "--format", "native", "--out", str(out), "--no-progress"],
        env=d.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    eps = [json.loads(x) for x in (out / "trajectories.jsonl").read_text().splitlines()]
    assert [(e["instruction"], e["instruction_source"]) for e in eps] == [
        ("List the files here", "person"),
        ("Print the date", "person"),
    ]
    assert [s["action"].get("text") for s in eps[0]["steps"] if s["action"]["type"] == "type"] == ["ls -la"]
    assert [s["action"].get("text") for s in eps[1]["steps"] if s["action"]["type"] == "type"] == ["date"]
    assert all(e["apps"] == ["xterm"] for e in eps)
    md = eps[0]["metadata"]
    assert md["os"] and md["screens"] and md["recorder_version"] and md["redaction_engine"]
