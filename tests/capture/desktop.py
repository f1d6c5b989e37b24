"""A real desktop for recorder tests: Xvfb, real X programs, xdotool input, and the recorder as
a real subprocess (`demotrace record`), so kill -9 and the control socket are exercised for real."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from demotrace.demo.desktop import focus_window, stop_processes, wait_window
from tests.xvfb import xvfb

DEMOTRACE = str(Path(sys.executable).with_name("demotrace"))

POLICY = """\
version = 3
default = "deny"
pause_hotkey = "<ctrl>+<alt>+p"

[[apps]]
match = { wm_class = "xterm" }

[[apps]]
match = { wm_class = "colorbox" }

[deny]
apps = ["keepassxc"]

[capture]
video = true
"""


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing tools {missing}: run `make setup` (installs them as root)")


@dataclass
class Desktop:
    display: str
    home: Path
    env: dict[str, str]
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *args: str, check: bool = True) -> str:
        r = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=60)
        if check and r.returncode != 0:
            raise RuntimeError(f"{args} failed: {r.stderr}")
        return r.stdout

    def xdo(self, *args: str) -> str:
        return self.run("xdotool", *args)

    def spawn(self, *args: str) -> subprocess.Popen[bytes]:
        p = subprocess.Popen(args, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(p)
        return p

    def wait_window(self, cls: str, timeout: float = 15) -> str:
        return wait_window(self.env, cls, timeout)

    def xterm(
        self,
        name: str = "xterm",
        geometry: str = "80x24+0+0",
        cmd: str = "cat > /dev/null",
        echo: bool = False,
    ) -> str:
        """An xterm whose input goes to `cat` (nothing typed is executed), SIGINT ignored; with
        `echo`, what is typed shows in the window."""
        stty = "" if echo else "stty -echo -icanon 2>/dev/null; "  # raw: not a hidden-input prompt
        self.spawn(
            "xterm",
            "-name",
            name,
            "-class",
            name.capitalize(),
            "-geometry",
            geometry,
            "-fa",
            "DejaVu Sans Mono",
            "-fs",
            "11",
            "-e",
            "sh",
            "-c",
            f"trap '' INT; {stty}{cmd}",
        )
        return self.wait_window(name)

    def focus(self, wid: str) -> None:
        err = focus_window(self.env, wid)
        if err is not None:
            raise RuntimeError(f"cannot focus window {wid}: {err}")
        time.sleep(0.2)

    def close(self) -> None:
        stop_processes(self.procs)


@contextmanager
def desktop(home: Path, screens: list[tuple[int, int]] | None = None) -> Iterator[Desktop]:
    need("Xvfb", "xdotool", "xterm")
    with xvfb(screens or [(1280, 800)]) as display:
        env = dict(os.environ, DISPLAY=display, DEMOTRACE_HOME=str(home))
        d = Desktop(display, home, env)
        try:
            yield d
        finally:
            d.close()


@dataclass
class RecorderProc:
    proc: subprocess.Popen[bytes]
    spool: Path
    out: Path
    err: Path
    env: dict[str, str]

    def status(self) -> dict[str, Any]:
        r = subprocess.run(
            [DEMOTRACE, "status", "--json"], env=self.env, capture_output=True, text=True, timeout=10
        )
        return json.loads(r.stdout)  # type: ignore[no-any-return]

    def ctl(self, cmd: str) -> str:
        r = subprocess.run([DEMOTRACE, cmd], env=self.env, capture_output=True, text=True, timeout=10)
        assert r.returncode == 0, r.stderr
        return r.stdout

    def stop(self, timeout: float = 30) -> dict[str, Any]:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout)
        assert self.proc.returncode == 0, self.err.read_text()
        return json.loads(self.out.read_text())  # type: ignore[no-any-return]

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


def start_recorder(
    d: Desktop, tmp: Path, policy: str = POLICY, *extra: str, browser: bool = False
) -> RecorderProc:
    pol = tmp / "policy.toml"
    pol.write_text(policy)
    spool = tmp / "spool"
    out, err = tmp / "rec.out", tmp / "rec.err"
    proc = subprocess.Popen(
        [
            DEMOTRACE,
            "record",
            "--policy",
            str(pol),
            "--spool",
            str(spool),
            "--display",
            d.display,
            "--json",
            *([] if browser else ["--no-browser"]),
            *extra,
        ],
        env=d.env,
        stdout=out.open("wb"),
        stderr=err.open("wb"),
    )
    r = RecorderProc(proc, spool, out, err, d.env)
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"recorder exited: {err.read_text()}")
        try:
            if r.status().get("state") in ("recording", "blocked"):
                time.sleep(0.6)  # first grabs
                return r
        except (ValueError, json.JSONDecodeError):
            pass
        time.sleep(0.1)
    raise RuntimeError("recorder did not start")


@contextmanager
def enrolled_service(d: Desktop, tmp: Path) -> Iterator[tuple[Path, str]]:
    """A real `demotrace serve` on a free loopback port, its data in `tmp/service` and its log in
    `tmp/service.log`, with this device enrolled: (data folder, URL). Stopped on exit."""
    import socket

    from demotrace.demo.runner import wait_healthy

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    data, url = tmp / "service", f"http://127.0.0.1:{port}"
    log = (tmp / "service.log").open("wb")
    svc = subprocess.Popen(
        [DEMOTRACE, "serve", "--data", str(data), "--port", str(port)], env=d.env, stdout=log, stderr=log
    )
    try:
        assert wait_healthy(url), (tmp / "service.log").read_text()
        admin = [DEMOTRACE, "admin", "code", "--data", str(data)]
        code = subprocess.run(admin, env=d.env, capture_output=True, text=True, check=True).stdout
        subprocess.run(
            [DEMOTRACE, "enroll", url, code.strip().splitlines()[-1]],
            env=d.env,
            check=True,
            capture_output=True,
        )
        yield data, url
    finally:
        # uvicorn drains requests for up to 5 s, then the release worker gets up to 10 s to finish
        # the frame it is on (`Background.stop`): a release running at the end (the service's own,
        # beside `release_all`) made 10 s too short on a loaded machine
        svc.terminate()
        try:
            svc.wait(30)
        except subprocess.TimeoutExpired:
            svc.kill()
            svc.wait(5)
            raise


def release_all(d: Desktop, data: Path) -> None:
    """`demotrace admin release` over the service folder `data`: every quarantined session, and
    those the service's own worker had claimed first (`--wait`: without it, such a session was
    still being redacted when the test stopped the service, and nothing was released)."""
    r = subprocess.run(
        [DEMOTRACE, "admin", "release", "--data", str(data), "--wait", "240"],
        env=d.env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr


def search_tree(root: Path, needles: list[bytes]) -> list[tuple[str, bytes]]:
    """Every (file, needle) where a needle occurs in a file under root (case-insensitive)."""
    hits = []
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            data = (Path(dirpath) / f).read_bytes().lower()
            for n in needles:
                if n.lower() in data:
                    hits.append((os.path.join(dirpath, f), n))
    return hits


def spool_dump(rec: RecorderProc, out: Path) -> Path:
    """`demotrace spool dump`: the decrypted, decompressed copy of everything the recorder wrote."""
    r = subprocess.run(
        [DEMOTRACE, "spool", "dump", str(rec.spool), "--out", str(out)],
        env=rec.env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    return out


def ocr(path: Path) -> str:
    """Tesseract twice (uniform block and sparse text), both readings joined."""
    out = []
    for psm in ("6", "11"):
        r = subprocess.run(
            ["tesseract", str(path), "-", "--psm", psm], capture_output=True, text=True, timeout=60
        )
        out.append(r.stdout)
    return "\n".join(out)


def ocr_frames(dump: Path, tmp: Path) -> list[tuple[Path, str]]:
    """(frame, its OCR text) for every frame in a spool dump; fails if there is none."""
    from PIL import Image

    frames = sorted(p for p in dump.rglob("frames/*") if p.is_file())
    assert frames, "no frame was stored"
    out = []
    for f in frames:
        png = tmp / (f.stem + ".png")
        Image.open(f).save(png)
        out.append((f, ocr(png)))
    return out


EXPORT_FORMATS = ("native", "agentnet", "osworld", "anthropic", "parquet", "webdataset")


def export_every_format(rec: RecorderProc, env: dict[str, str], tmp: Path) -> dict[str, Path]:
    """`demotrace export` of the recorder's spool in every format (each must succeed); parquet's
    compressed columns are also written decoded (`rows.json`) so that a byte search sees them."""
    from tests.pipeline.readers import parquet_rows

    outs: dict[str, Path] = {}
    for fmt in EXPORT_FORMATS:
        out = tmp / f"export-{fmt}"
        r = subprocess.run(
            [DEMOTRACE, "export", str(rec.spool), "--format", fmt, "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert r.returncode == 0, (fmt, r.stderr)
        if fmt == "parquet":
            (out / "rows.json").write_text(json.dumps(parquet_rows(out), default=str))
        outs[fmt] = out
    return outs


@contextmanager
def paired_browser(d: Desktop, rec: RecorderProc, profile: Path) -> Iterator[Any]:
    """The demo's managed Chromium (with the extension) on the test's own Xvfb, once its extension
    has paired with the running recorder, and focused; closed on exit."""
    from demotrace.demo.browser import DemoBrowser
    from demotrace.demo.desktop import VirtualDesktop

    desk = VirtualDesktop.__new__(VirtualDesktop)  # drive the test's own Xvfb
    desk.size, desk.display, desk.env, desk.procs = (1280, 800), d.display, d.env, []
    b = DemoBrowser(desk, profile)
    try:
        end = time.monotonic() + 30
        while rec.status().get("browser_connected", 0) < 1 and time.monotonic() < end:
            time.sleep(0.2)
        assert rec.status().get("browser_connected", 0) >= 1, "extension did not pair with the recorder"
        desk.focus(b.window_id())
        yield b
    finally:
        b.close()
