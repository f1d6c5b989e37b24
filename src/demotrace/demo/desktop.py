"""The demo's virtual desktop: Xvfb and real X programs, driven with xdotool."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import CaptureError, UsageError

TOOLS = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "xterm": "xterm",
    "galculator": "galculator",
    "dbus-launch": "dbus-x11",
    "chromium": "chromium",
}


def check_tools() -> None:
    missing = [pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        raise UsageError(
            f"missing system packages: {' '.join(sorted(set(missing)))} (`make demo` installs them as root)"
        )


def start_xvfb(screens: list[tuple[int, int]], depth: int = 24) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a display number it picks itself (-displayfd), so parallel desktops never
    collide; one X screen per size. Returns the process and its DISPLAY (":N")."""
    r, w = os.pipe()
    args = ["Xvfb", "-displayfd", str(w), "-nolisten", "tcp", "-noreset"]
    for i, (width, height) in enumerate(screens):
        args += ["-screen", str(i), f"{width}x{height}x{depth}"]
    proc = subprocess.Popen(args, pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    buf = b""
    end = time.monotonic() + 20
    while not buf.endswith(b"\n") and time.monotonic() < end:
        chunk = os.read(r, 16)
        if not chunk:
            break
        buf += chunk
    os.close(r)
    if not buf.strip():
        proc.kill()
        raise CaptureError("Xvfb did not start (no display number reported)")
    return proc, ":" + buf.decode().strip()


def wait_window(env: dict[str, str], classname: str, timeout: float = 20) -> str:
    """The id of the newest viewable window of WM_CLASS instance `classname` (waits for it)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        cmd = ["xdotool", "search", "--onlyvisible", "--classname", classname]
        ids = subprocess.run(cmd, env=env, capture_output=True, text=True).stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.1)
    raise CaptureError(f"no {classname} window appeared")


def focus_window(env: dict[str, str], wid: str, tries: int = 30) -> str | None:
    """Give `wid` the input focus, retrying: a just-mapped window can refuse it (BadMatch) for a
    moment. Returns None on success, else xdotool's last error."""
    err = ""
    for _ in range(tries):
        cmd = ["xdotool", "windowfocus", "--sync", wid]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=30)
        if r.returncode == 0:
            return None
        err = r.stderr.strip()
        time.sleep(0.1)
    return err or "unknown error"


def stop_processes(procs: Iterable[subprocess.Popen[bytes]], timeout: float = 5) -> None:
    """SIGTERM every process still running, then wait for each (SIGKILL after `timeout`)."""
    procs = list(procs)
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()


class VirtualDesktop:
    def __init__(self, size: tuple[int, int] = (1280, 800), log_dir: Path | None = None) -> None:
        self.size = size
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen[bytes]] = []
        self.xvfb, self.display = start_xvfb([size])
        self.env = dict(os.environ, DISPLAY=self.display)
        self.bus_pid: int | None = None

    def start_session_bus(self) -> str:
        """A D-Bus session bus for this desktop (as a desktop session has), with the toolkit
        switches that put apps on the accessibility bus; the recorder starts the AT-SPI bus on
        it. Returns its address (also in `self.env`)."""
        from ..capture.a11y import toolkit_env

        r = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True, timeout=20
        )
        addr = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']+)'", r.stdout)
        pid = re.search(r"DBUS_SESSION_BUS_PID=(\d+)", r.stdout)
        if r.returncode != 0 or not addr or not pid:
            raise CaptureError(f"dbus-launch failed: {r.stderr.strip()[-200:]}")
        self.bus_pid = int(pid.group(1))
        self.env = toolkit_env(self.env)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = addr.group(1)
        return addr.group(1)

    def spawn(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        p = subprocess.Popen(args, env=env or self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(p)
        return p

    def xdo(self, *args: object) -> str:
        r = subprocess.run(
            ["xdotool", *map(str, args)], env=self.env, capture_output=True, text=True, timeout=30
        )
        if r.returncode != 0:
            raise CaptureError(f"xdotool {' '.join(map(str, args))} failed: {r.stderr.strip()}")
        return r.stdout

    def wait_window(self, classname: str, timeout: float = 20) -> str:
        return wait_window(self.env, classname, timeout)

    def focus(self, wid: str) -> None:
        self.xdo("windowraise", wid)
        focus_window(self.env, wid)  # best effort, as a person's click would be
        time.sleep(0.3)

    def close(self) -> None:
        stop_processes(reversed(self.procs))
        if self.bus_pid is not None:
            try:
                os.kill(self.bus_pid, 15)
            except ProcessLookupError:
                pass
        stop_processes([self.xvfb])
