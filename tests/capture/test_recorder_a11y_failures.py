"""Issue 15 acceptance (an absent or hung accessibility bus costs nothing): with no session bus
the recorder runs, its status says why there are no desktop targets, and clicks and typing are
recorded without targets; with a GTK app frozen (SIGSTOP) while it is on the bus, clicks on it
are recorded without targets and status says an app did not answer.

Real parts: Xvfb, xterm, a dbus-launch session bus, GTK 3, xdotool, the recorder."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.capture.a11y_desktop import APPS, click, read_steps, session_bus, stop_bus, wait_a11y, wait_layout
from tests.capture.desktop import DEMOTRACE, desktop, need, spool_dump, start_recorder

pytestmark = pytest.mark.x11

POLICY = """\
version = 1
default = "deny"
[[apps]]
match = { wm_class = "xterm" }
[[apps]]
match = { wm_class = "gtkform" }
[capture]
video = false
"""


def test_no_session_bus_costs_nothing(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d:
        d.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        wid = d.xterm(echo=True)
        rec = start_recorder(d, tmp_path, POLICY)
        d.focus(wid)
        end = time.monotonic() + 10
        while rec.status().get("a11y") in ("starting", "on") and time.monotonic() < end:
            time.sleep(0.1)
        st = rec.status()
        line = subprocess.run([DEMOTRACE, "status"], env=d.env, capture_output=True, text=True).stdout
        click(d, 200, 150)
        d.xdo("type", "--delay", "50", "plain words")
        time.sleep(0.3)
        d.xdo("key", "Return")
        time.sleep(0.8)
        rec.stop()
    assert st["state"] == "recording", st
    assert "no D-Bus session bus" in st["a11y"], st
    assert line.startswith("recording") and "no desktop targets" in line and "session bus" in line, line
    steps = read_steps(spool_dump(rec, tmp_path / "dump"))
    kinds = [s["action"]["type"] for s in steps]
    assert "click" in kinds and "type" in kinds, kinds
    assert all("target" not in s for s in steps), steps


def test_frozen_app_gives_steps_without_targets(tmp_path: Path, _demotrace_home: Path) -> None:
    need("dbus-launch", "/usr/bin/python3")
    with desktop(_demotrace_home) as d:
        bus = session_bus(d)
        app = None
        try:
            rec = start_recorder(d, tmp_path, POLICY)
            wait_a11y(rec)
            layout = tmp_path / "layout.json"
            app = d.spawn("/usr/bin/python3", str(APPS / "gtk_form.py"), str(layout))
            wid = d.wait_window("gtkform")
            boxes = wait_layout(layout)
            d.focus(wid)
            time.sleep(1.0)
            x, y, w, h = boxes["Save draft"]
            click(d, x + w // 2, y + h // 2)  # answered: a target
            os.kill(app.pid, signal.SIGSTOP)
            for i in range(4):
                click(d, x + 20 + 40 * i, y + h // 2, pause=0.4)
            time.sleep(0.5)
            st = rec.status()
            os.kill(app.pid, signal.SIGCONT)
            time.sleep(0.5)
            summary = rec.stop()
        finally:
            if app is not None and app.poll() is None:
                os.kill(app.pid, signal.SIGCONT)
            stop_bus(bus)
    assert "did not answer" in st["a11y"], st
    steps = read_steps(spool_dump(rec, tmp_path / "dump"))
    clicks = [s for s in steps if s["action"]["type"] in ("click", "double_click")]
    assert len(clicks) >= 4, (clicks, summary)
    assert clicks[0].get("target", {}).get("name") == "Save draft", clicks[0]
    frozen = [s for s in clicks[1:] if s.get("target") is None]
    assert len(frozen) >= 3, [s.get("target") for s in clicks]
