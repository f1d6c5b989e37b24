"""The console tests' world: a real `demotrace serve`, two enrolled people whose sessions were
uploaded by the real uploader (bundles written by the real BundleWriter, the pipeline tests'
step builders), a trainer and an admin; Chromium driven by Playwright."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from demotrace.bundle import BundleWriter
from demotrace.capture.uploader import Uploader
from demotrace.schema import Monitor, SessionMeta, new_session_id
from tests.pipeline.builders import EPISODE_1, EPISODE_2, NOISE, png, step
from tests.server.helpers import CLI, Service

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "console"
XSS_TITLE = "<img src=x onerror=alert(1)>"
COPY_FRAMES = [
    sys.executable,
    "-c",
    "import shutil, sys; "
    "shutil.copytree(sys.argv[1] + '/frames', sys.argv[3] + '/frames', dirs_exist_ok=True)",
]


def recorded_session(
    spool: Path,
    title: str,
    *,
    tasks: tuple[str, str] = ("Save the note", "Read about agents"),
    typed: str = "",
) -> tuple[str, float]:
    """A two-episode session (xterm with `title`, then Wikipedia), frames before/after every
    step, one step a second from t=1; returns (session id, wall-clock start)."""
    sid, start = new_session_id(), time.time() - 600
    meta = SessionMeta(
        id=sid, device="d", user="u", os="Linux", monitors=[Monitor(0, 0, 1280, 800)], start=start
    )
    w = BundleWriter(spool, meta, None)
    n, t, frame_no = 0, 1.0, 0

    def frame() -> str:
        nonlocal frame_no
        frame_no += 1
        rel = f"frames/f{frame_no:06d}.webp"
        w.write_blob(rel, png(((frame_no * 37) % 256, (frame_no * 91) % 256, 90)))
        return rel

    prev = frame()
    w.add("mark", {"what": "instruction", "text": tasks[0], "t": 0.5})
    ctx1 = {"app": "xterm", "title": title}
    ctx2 = {"app": "chromium", "title": "Agent - Wikipedia", "url": "https://en.wikipedia.org/wiki/Agent"}
    for actions, ctx in ((EPISODE_1, ctx1), (EPISODE_2, ctx2)):
        for a in actions:
            act = dict(a, text=typed) if typed and a.get("type") == "type" else dict(a)
            after = frame()
            rec = step(n, t, act, ctx, prev, after)
            if n == 0:  # the first click knows its target; the typed text had an email redacted
                rec["target"] = {"role": "button", "name": "Save"}
            if act.get("type") == "type":
                rec["redactions"] = [{"field": "action.text", "kind": "EMAIL"}]
            w.add("step", rec)
            prev, n, t = after, n + 1, t + 1.0
        w.add("mark", {"what": "task_done", "t": t - 0.5})
        w.add("mark", {"what": "instruction", "text": tasks[1], "t": t - 0.4})
        w.seal()
    w.add("step", step(n, t, NOISE["empty"], ctx2, prev, prev))  # dropped by the filters: `empty`
    w.close(stop_wall=start + t + 1)
    return sid, start


@dataclass
class Person:
    user: str
    home: Path
    token: str
    sessions: list[str] = field(default_factory=list)

    def console_url(self) -> str:
        """What `demotrace console --print-url` prints on this person's device (last line)."""
        env = dict(os.environ, DEMOTRACE_HOME=str(self.home))
        r = subprocess.run(
            [*CLI, "console", "--print-url"], capture_output=True, text=True, env=env, timeout=60
        )
        assert r.returncode == 0, r.stderr
        return r.stdout.strip().splitlines()[-1]

    def upload(self, svc: Service, *titles: str, typed: str = "") -> list[str]:
        spool = self.home / "spool"
        ids = [recorded_session(spool, t, typed=typed)[0] for t in titles]
        u = Uploader(spool, svc.url, None, token=self.token, interval=0.2)
        assert u.flush(timeout=60) == 0, u.stats()
        for sid in ids:
            svc.wait_state(self.token, sid, ("released",), timeout=120)
        self.sessions += ids
        return ids


def enroll(svc: Service, user: str, root: Path) -> Person:
    home = root / user
    home.mkdir(parents=True)
    env = dict(os.environ, DEMOTRACE_HOME=str(home))
    r = subprocess.run(
        [*CLI, "enroll", svc.url, svc.code(user)], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr
    return Person(user, home, json.loads((home / "device.json").read_text())["token"])


def staff_url(svc: Service, role: str, user: str) -> str:
    r = subprocess.run(
        [*CLI, "admin", "login", "--data", str(svc.data_dir), "--role", role, "--user", user],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()[-1]


@contextmanager
def chromium(bypass_csp: bool = False) -> Iterator[Any]:
    """A fresh browser context at 1280×800 (bypass_csp only to inject axe-core)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            ctx = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
            yield ctx
        finally:
            browser.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page."""
    page.add_script_tag(content=AXE.read_text())
    passes, result = page.evaluate(
        "async () => { const r = await axe.run(document); return [r.passes.length, r.violations]; }"
    )
    assert passes > 10, "axe-core did not run its rules"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result
        if v.get("impact") in ("serious", "critical")
    ]


def shot(page: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    p = SHOTS / f"{name}.png"
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(p), full_page=False)
    return p


def audit_actions(svc: Service) -> list[dict[str, Any]]:
    r = subprocess.run(
        [*CLI, "admin", "audit", "--data", str(svc.data_dir), "--limit", "100000"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    return [json.loads(x) for x in r.stdout.splitlines() if x.strip()]


def http(svc: Service) -> httpx.Client:
    return httpx.Client(base_url=svc.url, timeout=30, follow_redirects=False)
