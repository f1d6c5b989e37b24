"""Issue 2 acceptance: a scripted xterm session comes out of `export --format native` as exactly
the actions performed (types, text, keys, coordinates ±3 px)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.capture.desktop import DEMOTRACE, desktop, start_recorder
from tests.capture.workload import matches, play, xterm_session

pytestmark = pytest.mark.x11


def export_native(src: Path, out: Path, env: dict[str, str]) -> list[dict]:
    r = subprocess.run(
        [DEMOTRACE, "export", str(src), "--format", "native", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    steps = []
    for line in (out / "trajectories.jsonl").read_text().splitlines():
        steps += json.loads(line)["steps"]
    return steps


def test_scripted_xterm_session_exports_exactly_those_actions(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d:
        wid = d.xterm(geometry="80x24+40+30")
        d.focus(wid)
        rec = start_recorder(d, tmp_path)
        script = xterm_session(ox=40, oy=30)
        play(d, script)
        summary = rec.stop()
    assert summary["steps"] >= 20
    steps = export_native(rec.spool, tmp_path / "export", d.env)
    got = [s["action"] for s in steps]
    want = [e for _, e in script]
    assert [g["type"] for g in got] == [w["type"] for w in want], got
    bad = [(w, g) for w, g in zip(want, got, strict=True) if not matches(w, g)]
    assert not bad, bad
    # every step has a before and an after frame, and they exist in the export
    for s in steps:
        for k in ("before", "after"):
            assert s["observation"][k], s
            assert (tmp_path / "export" / s["observation"][k]).is_file()
        assert s["context"]["app"] == "xterm"
