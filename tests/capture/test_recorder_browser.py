"""Issue 3 acceptance, end to end through the recorder: real Chromium with the extension under
Xvfb, real xdotool input (Playwright only launches it and reads element positions).

- the password (shown in clear by its toggle too) and the OTP appear nowhere in the spool nor in
  the OCR of any stored frame, while the username was captured;
- ≥ 95 % of clicks on allowlisted pages carry a target whose bbox holds the click point;
- SPA navigation updates context.url;
- a page outside the allowlist leaves no frame, key or URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demotrace.demo.webapp import DemoWebApp
from demotrace.redact import TextRedactor
from tests.capture.desktop import (
    desktop,
    need,
    ocr_frames,
    paired_browser,
    search_tree,
    spool_dump,
    start_recorder,
)

pytestmark = pytest.mark.x11

POLICY = """\
version = 4
[[sites]]
domain = "demo.localhost"
[capture]
video = false
"""

# The password and the one-time code are strings the text redactor leaves alone (checked below):
# only the secure-field guard and the pixel masks can keep them out.
PASSWORD, OTP, USER, OFFLIST = "maplekettleviolin7", "730215", "buildbot7", "offlistword"


def test_secrets_of_this_test_are_not_caught_by_the_text_redactor() -> None:
    redactor = TextRedactor()
    assert [redactor.redact(s).text for s in (PASSWORD, OTP)] == [PASSWORD, OTP]


def test_browser_session_secure_fields_targets_and_allowlist(tmp_path: Path, _demotrace_home: Path) -> None:
    need("chromium", "tesseract")
    with desktop(_demotrace_home) as d, DemoWebApp() as app:
        rec = start_recorder(d, tmp_path, POLICY, browser=True)
        with paired_browser(d, rec, tmp_path / "profile") as b:
            b.goto(app.url("/login"))
            b.click("#username")
            b.type(USER)
            b.click("#password")
            b.type(PASSWORD)
            b.click("#toggle", pause=1.2)  # shows the password in clear: its pixels must stay masked
            b.click("#otp")
            b.type(OTP)
            b.click("#signin", pause=1.0)
            b.goto(app.url("/"))
            for sel in (
                "#q",
                "#search-btn",
                "#fruit-button",
                "#fruit-banana",
                "#newsletter",
                "#search-btn",
                "#q",
                "#fruit-button",
                "#fruit-cherry",
                "#shadow-btn",
            ):
                b.click(sel, pause=0.65)
            b.goto(app.url("/app/inbox"))
            b.click("#spa-settings", pause=0.9)
            b.click("#spa-inbox", pause=0.9)
            b.goto(app.url("/", host="other.localhost"))
            b.click("#q")
            b.type(OFFLIST)
            b.key("Return", pause=1.0)
        summary = rec.stop()
    dump = spool_dump(rec, tmp_path / "dump")
    assert search_tree(dump, [USER.encode()]), "the username should have been captured"
    assert search_tree(dump, [PASSWORD.encode(), OTP.encode(), OFFLIST.encode(), b"other.localhost"]) == []
    assert search_tree(rec.spool, [PASSWORD.encode(), OTP.encode()]) == []
    # the managed profile keeps no autofill entries or saved passwords of what was typed either
    assert search_tree(tmp_path / "profile", [PASSWORD.encode(), OTP.encode(), USER.encode()]) == []
    for f, text in ocr_frames(dump, tmp_path):
        text = text.replace(" ", "")
        assert PASSWORD.lower() not in text.lower() and OTP not in text, f
    records = [json.loads(line) for p in dump.rglob("chunks/*.jsonl") for line in p.read_text().splitlines()]
    steps = [s for s in records if s.get("kind") == "step"]
    # where keys went to a secure field, a mark (never what or how many): password, then OTP
    marks = [m for m in records if m.get("kind") == "mark" and m.get("what") == "secure_input"]
    assert len(marks) >= 2 and all(set(m) == {"kind", "what", "t"} for m in marks), marks
    clicks = [s for s in steps if s["action"]["type"].endswith("click")]
    assert len(clicks) >= 15
    hit = 0
    for s in clicks:
        t, a = s.get("target") or {}, s["action"]
        bb = t.get("bbox")
        if bb and bb[0] - 1 <= a["x"] <= bb[2] + 1 and bb[1] - 1 <= a["y"] <= bb[3] + 1:
            hit += 1
    assert hit / len(clicks) >= 0.95, (hit, len(clicks))
    urls = [s["context"].get("url") or "" for s in steps]
    assert any(u.endswith("/app/settings") for u in urls), urls
    assert all("other.localhost" not in u for u in urls)
    # context from one moment (the action's first event): never the URL before a click with the
    # title after it
    for s in steps:
        url, title = s["context"].get("url") or "", s["context"].get("title") or ""
        if url.endswith("/app/inbox"):
            assert "Settings" not in title, s["context"]
        if url.endswith("/app/settings"):
            assert "Inbox" not in title, s["context"]
    assert summary["dropped"].get("secure_field", 0) >= len(PASSWORD) + len(OTP)
