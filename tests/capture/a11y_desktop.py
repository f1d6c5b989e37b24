"""Helpers for the accessibility tests: a private D-Bus session bus on the test's Xvfb (the
recorder starts the accessibility bus on it), apps launched with the toolkit switches, and the
geometry of windows as X reports it (xdotool), never as AT-SPI does."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from demotrace.capture.a11y import toolkit_env
from tests.capture.desktop import Desktop

APPS = Path(__file__).parent / "apps"


def session_bus(d: Desktop) -> int:
    """dbus-launch a session bus for this desktop; its address goes into d.env. → its pid."""
    out = subprocess.run(
        ["dbus-launch", "--sh-syntax"], env=d.env, capture_output=True, text=True, timeout=20, check=True
    ).stdout
    addr = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']+)'", out)
    pid = re.search(r"DBUS_SESSION_BUS_PID=(\d+)", out)
    assert addr and pid, out
    d.env.update(toolkit_env(d.env))
    d.env["DBUS_SESSION_BUS_ADDRESS"] = addr.group(1)
    return int(pid.group(1))


def stop_bus(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass


def geometry(d: Desktop, wid: str) -> tuple[int, int, int, int]:
    out = d.xdo("getwindowgeometry", "--shell", wid)
    v = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(v["X"]), int(v["Y"]), int(v["WIDTH"]), int(v["HEIGHT"])


def popup(d: Desktop, cls: str, main: str, timeout: float = 5) -> tuple[int, int, int, int]:
    """The geometry of the app's visible window other than `main` (a menu or combo popup)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--classname", cls],
            env=d.env,
            capture_output=True,
            text=True,
        )
        for wid in r.stdout.split():
            if wid != main:
                g = geometry(d, wid)
                if g[2] > 20 and g[3] > 20:
                    return g
        time.sleep(0.1)
    raise AssertionError(f"no popup window of {cls}")


def click(d: Desktop, x: int, y: int, pause: float = 0.5) -> None:
    d.xdo("mousemove", str(x), str(y))
    time.sleep(0.15)
    d.xdo("click", "1")
    time.sleep(pause)


def read_steps(dump: Path) -> list[dict[str, Any]]:
    recs = [
        json.loads(line) for p in sorted(dump.rglob("chunks/*.jsonl")) for line in p.read_text().splitlines()
    ]
    return [r for r in recs if r.get("kind") == "step"]


def inside(bbox: list[int], x: int, y: int) -> bool:
    return bbox[0] <= x < bbox[2] and bbox[1] <= y < bbox[3]


def wait_layout(path: Path, timeout: float = 20) -> dict[str, list[int]]:
    """The control boxes a test app writes once it is shown."""
    end = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < end, f"the test app did not write {path.name}"
        time.sleep(0.1)
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def wait_a11y(rec: Any, timeout: float = 10) -> dict[str, Any]:
    """The recorder's status once its accessibility source is up (asserted)."""
    end = time.monotonic() + timeout
    st = rec.status()
    while st.get("a11y") != "on" and time.monotonic() < end:
        time.sleep(0.1)
        st = rec.status()
    assert st.get("a11y") == "on", st
    return st  # type: ignore[no-any-return]
