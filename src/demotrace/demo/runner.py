"""The demo's script: service → enroll → record real work in real apps → upload → release →
export in every format, with a summary. Each part runs as the real `demotrace` command."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click

from ..errors import DemotraceError
from .browser import DemoBrowser
from .desktop import VirtualDesktop, check_tools, stop_processes

FORMATS = ("native", "agentnet", "osworld", "anthropic", "parquet", "webdataset")
DEMOTRACE = str(Path(sys.executable).with_name("demotrace"))


def say(msg: str) -> None:
    click.echo(f"demo: {msg}", err=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, timeout: float = 30) -> bool:
    """True once the service at `url` answers /healthz."""
    import httpx

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


class Demo:
    def __init__(self, out: Path, with_service: bool = True, with_browser: bool = True) -> None:
        self.out = out.resolve()
        self.with_service = with_service
        self.with_browser = with_browser
        self.home = self.out / "home"
        self.spool = self.out / "spool"
        self.data = self.out / "service"
        self.env = dict(os.environ, DEMOTRACE_HOME=str(self.home))
        self.procs: list[subprocess.Popen[bytes]] = []

    def cli(self, *args: str, timeout: float = 600) -> str:
        r = subprocess.run([DEMOTRACE, *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise DemotraceError(f"`demotrace {' '.join(args)}` failed: {r.stderr.strip().splitlines()[-1:]}")
        return r.stdout

    def run(self) -> dict[str, Any]:
        check_tools()
        os.environ["DEMOTRACE_HOME"] = str(self.home)  # the browser's pairing is read in this process
        for d in (self.home, self.spool):
            d.mkdir(parents=True, exist_ok=True)
        desk = VirtualDesktop()
        self.env["DISPLAY"] = desk.display
        say(f"virtual desktop on {desk.display} ({desk.size[0]}x{desk.size[1]})")
        desk.start_session_bus()  # desktop apps' controls reach the recorder over AT-SPI
        for k in ("DBUS_SESSION_BUS_ADDRESS", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "QT_ACCESSIBILITY"):
            if k in desk.env:
                self.env[k] = desk.env[k]
        self.env.pop("NO_AT_BRIDGE", None)
        try:
            url = self._start_service() if self.with_service else None
            rec = self._start_recorder(desk, url)
            from .workload import browser_work, desktop_work

            blocked_planned = desktop_work(desk, self._task)
            if self.with_browser:
                from ..demo.webapp import DemoWebApp

                with DemoWebApp() as app:
                    browser = DemoBrowser(desk, self.home / "browser-profile")
                    try:
                        blocked_planned += browser_work(desk, browser, app, self._task)
                    finally:
                        browser.close()
            rec.send_signal(signal.SIGTERM)
            rec.wait(120)
            summary = json.loads((self.out / "recorder.json").read_text() or "{}")
            if rec.returncode != 0:
                raise DemotraceError(f"recorder failed: {(self.out / 'recorder.log').read_text()[-400:]}")
            src = self._release_and_pick_source(url)
            exports = self._export(src)
        finally:
            stop_processes(self.procs, timeout=10)
            desk.close()
        return {
            "recorder": summary,
            "exports": exports,
            "source": str(src),
            "blocked_planned": blocked_planned,
        }

    def _task(self, text: str | None) -> None:
        """Name the task about to start (None: the current one is done), as a person would."""
        self.cli("task", *(("start", text) if text else ("done",)), timeout=15)
        time.sleep(0.2)

    # -- parts ------------------------------------------------------------------------------------
    def _start_service(self) -> str | None:
        try:
            import demotrace.server  # noqa: F401
        except ImportError:
            say("service not available in this build; recording to the local spool only")
            return None
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = open(self.out / "service.log", "wb")  # noqa: SIM115 - lives as long as the service
        self.procs.append(
            subprocess.Popen(
                [DEMOTRACE, "serve", "--data", str(self.data), "--port", str(port)],
                env=self.env,
                stdout=log,
                stderr=log,
            )
        )
        if not wait_healthy(url):
            raise DemotraceError(f"service did not start: see {self.out / 'service.log'}")
        code = self.cli("admin", "code", "--data", str(self.data)).strip().splitlines()[-1]
        self.cli("enroll", url, code)
        say(f"service on {url}; this device enrolled")
        return url

    def _start_recorder(self, desk: VirtualDesktop, url: str | None) -> subprocess.Popen[bytes]:
        args = [DEMOTRACE, "record", "--spool", str(self.spool), "--display", desk.display, "--json"]
        if url:
            args += ["--server", url]
        with open(self.out / "recorder.json", "wb") as out, open(self.out / "recorder.log", "wb") as err:
            p = subprocess.Popen(args, env=self.env, stdout=out, stderr=err)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            if p.poll() is not None:
                raise DemotraceError(f"recorder exited: {(self.out / 'recorder.log').read_text()[-400:]}")
            r = subprocess.run([DEMOTRACE, "status"], env=self.env, capture_output=True, text=True)
            if not r.stdout.startswith("stopped"):
                say(f"recorder: {r.stdout.strip()}")
                return p
            time.sleep(0.2)
        raise DemotraceError("recorder did not start")

    def _release_and_pick_source(self, url: str | None) -> Path:
        if url is None:
            return self.spool
        left = self._pending_sessions()
        if left:  # the recorder drains for 30 s at stop; finish what is left before releasing
            from ..bundle import load_key
            from ..capture.uploader import Uploader

            say(f"{len(left)} session(s) still uploading; waiting for the service to confirm them")
            key = load_key(self.home / "device.key")
            assert key is not None
            up = Uploader(self.spool, url, key)
            try:
                up.flush(timeout=120)
            finally:
                up.stop(timeout=1)
        self._wait_for_release()
        left = self._pending_sessions()
        if left:
            say(
                f"{len(left)} session(s) not confirmed by the service; exporting from the local spool instead"
            )
            return self.spool
        return self.data

    def _wait_for_release(self, timeout: float = 900.0) -> None:
        """The service's own scheduler runs the server-side pass (text engine + OCR of every
        frame, a few seconds a frame on a CPU); `admin release` helps with what it has not
        claimed. Wait until no uploaded session is still quarantined or being redacted."""
        start = time.monotonic()
        said = 0.0
        while time.monotonic() - start < timeout:
            self.cli("admin", "release", "--data", str(self.data))
            waiting = self._sessions_in("quarantine", "redacting")
            if not waiting:
                return
            if time.monotonic() - said > 20:
                said = time.monotonic()
                elapsed = time.monotonic() - start
                say(f"server-side redaction pass (OCR of every frame): {waiting} session(s), {elapsed:.0f} s")
            time.sleep(3)
        say("the release pass did not finish in time")

    def _sessions_in(self, *states: str) -> int:
        from sqlalchemy import func, select

        from ..store import ServiceData
        from ..store.models import Session

        data = ServiceData.open(self.data)
        try:
            with data.db.read() as s:
                n = s.execute(
                    select(func.count()).select_from(Session).where(Session.state.in_(states))
                ).scalar()
                return int(n or 0)
        finally:
            data.close()

    def _pending_sessions(self) -> list[Path]:
        return [p for p in self.spool.iterdir() if p.is_dir()] if self.spool.exists() else []

    def _export(self, src: Path) -> dict[str, str]:
        out: dict[str, str] = {}
        for fmt in FORMATS:
            dest = self.out / "dataset" / fmt
            try:
                self.cli("export", str(src), "--format", fmt, "--out", str(dest))
                out[fmt] = str(dest)
            except DemotraceError as e:
                say(f"export {fmt}: {e}")
        return out
