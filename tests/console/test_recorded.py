"""End to end from the real recorder: `demotrace record --server` records an xterm whose window
title is markup, uploads it, the service's own release pass (OCR) releases it; the person signs
in with `demotrace console --print-url` from the same device and sees the title as text, with
no dialog; the trainer's replay viewer shows it as text too."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.capture.desktop import DEMOTRACE, POLICY, desktop, start_recorder
from tests.server.helpers import Service

from .world import XSS_TITLE, chromium, staff_url

pytestmark = pytest.mark.x11


def link_for(home: Path) -> str:
    """What `demotrace console --print-url` prints on the device (its last line)."""
    env = dict(os.environ, DEMOTRACE_HOME=str(home))
    r = subprocess.run(
        [DEMOTRACE, "console", "--print-url"], env=env, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()[-1]


def test_recorded_session_title_is_text(tmp_path: Path, _demotrace_home: Path) -> None:
    svc = Service(data_dir=tmp_path / "data", config={"release_interval": 0.2, "retention_days": 0})
    svc.data_dir.mkdir()
    svc.start()
    try:
        with desktop(_demotrace_home) as d:
            subprocess.run(
                [DEMOTRACE, "enroll", svc.url, svc.code("rita")], env=d.env, check=True, capture_output=True
            )
            d.spawn(
                "xterm",
                "-name",
                "xterm",
                "-class",
                "XTerm",
                "-T",
                XSS_TITLE,
                "-geometry",
                "80x24+0+0",
                "-e",
                "sh",
                "-c",
                "trap '' INT; stty -echo -icanon 2>/dev/null; cat > /dev/null",
            )
            wid = d.wait_window("xterm")
            d.focus(wid)
            rec = start_recorder(d, tmp_path, POLICY, "--server", svc.url)
            d.xdo("mousemove", "100", "100", "click", "1")
            time.sleep(0.7)
            seen = []  # while recording, the console shows what the recorder reports
            with chromium() as ctx:
                page = ctx.new_page()
                page.goto(link_for(_demotrace_home))
                for _ in range(100):
                    page.goto(f"{svc.url}/console/me")
                    seen.append(page.text_content("td.device-state") or "")
                    if seen[-1].startswith("recording (reported"):
                        break
                    page.wait_for_timeout(200)
            assert seen[-1].startswith("recording (reported"), seen[-3:]
            d.xdo("type", "--delay", "30", "console text")
            d.xdo("key", "Return")
            time.sleep(0.8)
            summary = rec.stop(timeout=90)
            assert summary["upload_pending"] == 0
            link = link_for(_demotrace_home)
        token = json.loads((_demotrace_home / "device.json").read_text())["token"]
        with svc.client(token) as c:
            (sid,) = [s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]]
        svc.wait_state(token, sid, ("released",), timeout=180)
        with chromium() as ctx:
            page = ctx.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dlg: (dialogs.append(dlg.message), dlg.dismiss()))
            page.goto(link)
            page.get_by_role("link", name="Session of").first.click()
            page.wait_for_url(f"**/console/me/sessions/{sid}")
            assert page.locator("span.title", has_text=XSS_TITLE).count() >= 2
            assert "console text" in (page.text_content("main") or "")
            assert page.locator("img[src='x']").count() == 0
            page.goto(f"{svc.url}/console/me")  # the recorder reported its state with its uploads
            assert (page.text_content("td.device-state") or "").startswith("stopped (reported")
            page.goto(staff_url(svc, "trainer", "tom"))
            page.goto(f"{svc.url}/console/review/episodes/{sid}-000")
            assert XSS_TITLE in (page.text_content("#where") or "")
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(300)
            assert dialogs == [] and page.locator("img[src='x']").count() == 0
    finally:
        svc.stop()
