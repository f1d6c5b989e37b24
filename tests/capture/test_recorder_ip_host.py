"""Issue 10, item 3, end to end: a session recorded on a page served from an IP host
(`http://127.0.0.1:PORT/...`, allowlisted) exports in every format; the allowlisted host stays in
the URLs (it is not PII), while the PII typed into the page and shown in its targets does not.

Real parts: Xvfb, Chromium with the extension, xdotool input, the recorder as a subprocess,
`demotrace export` as a subprocess."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from demotrace.demo.browser import DemoBrowser
from demotrace.demo.desktop import VirtualDesktop
from demotrace.demo.webapp import DemoWebApp
from tests.capture.desktop import DEMOTRACE, desktop, need, search_tree, spool_dump, start_recorder
from tests.pipeline.readers import parquet_rows

pytestmark = pytest.mark.x11

POLICY = """\
version = 5
[[sites]]
domain = "127.0.0.1"
[capture]
video = false
"""
EMAIL = "priya.raman@example.com"
FORMATS = ("native", "agentnet", "osworld", "anthropic", "parquet", "webdataset")


def test_ip_host_session_exports_in_every_format(tmp_path: Path, _demotrace_home: Path) -> None:
    need("chromium")
    with desktop(_demotrace_home) as d, DemoWebApp() as app:
        rec = start_recorder(d, tmp_path, POLICY, browser=True)
        desk = VirtualDesktop.__new__(VirtualDesktop)  # drive the test's own Xvfb
        desk.size, desk.display, desk.env, desk.procs = (1280, 800), d.display, d.env, []
        b = DemoBrowser(desk, tmp_path / "profile")
        try:
            end = time.monotonic() + 30
            while rec.status().get("browser_connected", 0) < 1 and time.monotonic() < end:
                time.sleep(0.2)
            assert rec.status().get("browser_connected", 0) >= 1, "extension did not pair with the recorder"
            desk.focus(b.window_id())
            b.goto(app.url(f"/?who={EMAIL}", host="127.0.0.1"))
            b.click("#q")
            b.type(EMAIL)
            b.key("Return", pause=0.8)
            b.click("#result-1", pause=0.8)  # a link whose name holds the e-mail; the URL gets #r1
            b.click("#fruit-button")
            b.click("#fruit-banana")
            b.goto(app.url("/app/inbox", host="127.0.0.1"))
            b.click("#spa-settings", pause=1.0)
        finally:
            b.close()
        rec.stop()
    port = f"127.0.0.1:{app.port}"
    dump = spool_dump(rec, tmp_path / "dump")
    steps = [json.loads(x) for p in dump.rglob("chunks/*.jsonl") for x in p.read_text().splitlines()]
    steps = [s for s in steps if s.get("kind") == "step"]
    urls = [s["context"].get("url") or "" for s in steps]
    assert any(port in u for u in urls), urls
    assert any(u.endswith("#r1") for u in urls), urls
    assert search_tree(dump, [EMAIL.encode()]) == []
    for fmt in FORMATS:
        out = tmp_path / f"export-{fmt}"
        r = subprocess.run(
            [DEMOTRACE, "export", str(rec.spool), "--format", fmt, "--out", str(out)],
            env=d.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert r.returncode == 0, (fmt, r.stderr)
        if fmt == "parquet":
            (out / "rows.json").write_text(json.dumps(parquet_rows(out), default=str))
        assert search_tree(out, [b"click"]), f"{fmt}: the clicks should be exported"
        assert search_tree(out, [EMAIL.encode()]) == [], fmt
