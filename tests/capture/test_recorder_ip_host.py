"""Issue 10, item 3, end to end: a session recorded on a page served from an IP host
(`http://127.0.0.1:PORT/...`, allowlisted) exports in every format; the allowlisted host stays in
the URLs (it is not PII), while the PII typed into the page and shown in its targets does not.

Real parts: Xvfb, Chromium with the extension, xdotool input, the recorder as a subprocess,
`demotrace export` as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demotrace.demo.webapp import DemoWebApp
from tests.capture.desktop import (
    desktop,
    export_every_format,
    need,
    paired_browser,
    search_tree,
    spool_dump,
    start_recorder,
)

pytestmark = pytest.mark.x11

POLICY = """\
version = 5
[[sites]]
domain = "127.0.0.1"
[capture]
video = false
"""
EMAIL = "priya.raman@example.com"


def test_ip_host_session_exports_in_every_format(tmp_path: Path, _demotrace_home: Path) -> None:
    need("chromium")
    with desktop(_demotrace_home) as d, DemoWebApp() as app:
        rec = start_recorder(d, tmp_path, POLICY, browser=True)
        with paired_browser(d, rec, tmp_path / "profile") as b:
            b.goto(app.url(f"/?who={EMAIL}", host="127.0.0.1"))
            b.click("#q")
            b.type(EMAIL)
            b.key("Return", pause=0.8)
            b.click("#result-1", pause=0.8)  # a link whose name holds the e-mail; the URL gets #r1
            b.click("#fruit-button")
            b.click("#fruit-banana")
            b.goto(app.url("/app/inbox", host="127.0.0.1"))
            b.click("#spa-settings", pause=1.0)
        rec.stop()
    port = f"127.0.0.1:{app.port}"
    dump = spool_dump(rec, tmp_path / "dump")
    steps = [json.loads(x) for p in dump.rglob("chunks/*.jsonl") for x in p.read_text().splitlines()]
    steps = [s for s in steps if s.get("kind") == "step"]
    urls = [s["context"].get("url") or "" for s in steps]
    assert any(port in u for u in urls), urls
    assert any(u.endswith("#r1") for u in urls), urls
    assert search_tree(dump, [EMAIL.encode()]) == []
    for fmt, out in export_every_format(rec, d.env, tmp_path).items():
        assert search_tree(out, [b"click"]), f"{fmt}: the clicks should be exported"
        assert search_tree(out, [EMAIL.encode()]) == [], fmt
