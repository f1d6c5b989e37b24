"""Issue 10 acceptance, item 6 (failures are visible): when the keyboard or mouse listener, the
screen grabber or the browser bridge dies, `demotrace status` says `blocked: <what failed>`,
capture stops (nothing typed afterwards is stored) and what was captured before is kept.

The part is made to die through the control socket (`fault:<part>`, honoured only with
DEMOTRACE_TEST_FAULTS=1): the listener, grabber thread or bridge event loop really ends, and the
recorder's ordinary health check has to notice it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from demotrace.capture.control import send
from demotrace.paths import control_socket
from tests.capture.desktop import DEMOTRACE, desktop, search_tree, spool_dump, start_recorder

pytestmark = pytest.mark.x11

PARTS = {
    "keyboard": "keyboard listener stopped",
    "mouse": "mouse listener stopped",
    "screen": "screen grabber failed",
    "bridge": "browser bridge stopped",
}


@pytest.mark.parametrize("part", list(PARTS))
def test_a_dead_part_blocks_capture_and_says_so(tmp_path: Path, _demotrace_home: Path, part: str) -> None:
    with desktop(_demotrace_home) as d:
        d.env["DEMOTRACE_TEST_FAULTS"] = "1"
        wid = d.xterm(geometry="80x24+0+0")
        d.focus(wid)
        rec = start_recorder(d, tmp_path, browser=part == "bridge")
        d.xdo("type", "--delay", "30", "beforeword")
        d.xdo("key", "Return")
        time.sleep(1.0)
        assert rec.status()["state"] == "recording", rec.status()
        assert send(control_socket(), f"fault:{part}").get("state") == "recording"
        end = time.monotonic() + 5
        while rec.status()["state"] != "blocked" and time.monotonic() < end:
            time.sleep(0.1)
        st = rec.status()
        assert st["state"] == "blocked" and PARTS[part] in st["why"], st
        line = subprocess.run([DEMOTRACE, "status"], env=d.env, capture_output=True, text=True).stdout
        assert line.startswith("blocked: ") and PARTS[part] in line, line
        d.xdo("mousemove", "200", "150", "click", "1")
        d.xdo("type", "--delay", "30", "afterword")
        d.xdo("key", "Return")
        time.sleep(1.0)
        summary = rec.stop()
    dump = spool_dump(rec, tmp_path / "dump")
    assert search_tree(dump, [b"beforeword"]), "what was captured before the failure is kept"
    assert search_tree(dump, [b"afterword"]) == []
    assert summary["steps"] >= 2 and summary["dropped"].get("blocked", 0) > 0, summary
