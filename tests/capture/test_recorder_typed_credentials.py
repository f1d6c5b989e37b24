"""Issue 11 end to end: credentials typed in clear on command lines (a connection string's
password, `docker login -p`, a `--password=` flag, `curl -u user:password`, an exported API key)
into an allowlisted xterm that is moved across the screen between the lines. No password or key is
in any spool file, in the decrypted spool dump or in any export format (typed text is redacted on
the device), and none is readable by Tesseract in any released still frame or frame of the
released video (the service's OCR pass masks text the engine flags, DESIGN.md: the device masks
secure fields only; a terminal showing what is typed is no secure field); the commands around
them are recorded and shown.

The engine-level rules behind this are tested in tests/redact (test_pass27_code.py and others);
here the whole path is driven: keystrokes → `type` actions on the device; screen → frames and
video → upload → the service's frame pass (OCR, the same engine, pixel masks) → release.

Real parts: Xvfb, xterm echoing what is typed, xdotool keys and window moves, the recorder as a
subprocess, `demotrace serve` on loopback, Tesseract."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from demotrace.redact import TextRedactor
from tests.capture.desktop import (
    POLICY,
    desktop,
    enrolled_service,
    export_every_format,
    need,
    release_all,
    search_tree,
    start_recorder,
)
from tests.capture.test_release_leaks import released_images

pytestmark = pytest.mark.x11

# (command line, the secret in it): each secret in a shape the rules read from its context alone
LINES = (
    ('psql "postgresql://report_ro:Gx7TundraWq42@db.internal:5432/sales"', "Gx7TundraWq42"),
    ("docker login -u deploybot -p Vq8mZr2Lp5Tn registry.example.com", "Vq8mZr2Lp5Tn"),
    ("mysql -h db1 -u shopadmin --password=PlumTree4471 shop", "PlumTree4471"),
    ("curl -u cibot:Zephyr88Quill https://ci.example.com/api/json", "Zephyr88Quill"),
    ("export STRIPE_SECRET_KEY=sk_live_51Hq8ZtP2xYvK9mLw3RtQa7Bc", "sk_live_51Hq8ZtP2xYvK9mLw3RtQa7Bc"),
)
SECRETS = [s for _, s in LINES]
# words of the commands that no detector touches: they must be recorded and shown
SHOWN = ("registry.example.com", "ci.example.com")


def _read(text: str, secret: str) -> bool:
    """Any 6 characters of the secret in a row in `text` (spaces dropped, case folded)."""
    t, s = text.replace(" ", "").lower(), secret.lower()
    return any(s[i : i + 6] in t for i in range(len(s) - 5))


def test_every_line_is_redacted_by_the_engine_alone() -> None:
    """The premise: each secret is found in its line as typed (else the test below tests OCR)."""
    r = TextRedactor()
    for line, secret in LINES:
        out = r.redact(line).text
        assert out is not None and secret not in out, (line, out)


def test_credentials_typed_in_a_moving_terminal_leave_no_trace(tmp_path: Path, _demotrace_home: Path) -> None:
    need("tesseract")
    with desktop(_demotrace_home) as d, enrolled_service(d, tmp_path) as (data, url):
        wid = d.xterm(geometry="100x20+0+0", cmd="cat", echo=True)
        d.focus(wid)
        rec = start_recorder(d, tmp_path, POLICY, "--server", url)
        d.xdo("mousemove", "200", "150", "click", "1")
        time.sleep(0.7)
        for k, (line, _) in enumerate(LINES):
            d.xdo("type", "--delay", "30", line)
            d.xdo("key", "Return")
            time.sleep(1.1)  # video frames at 1 fps, and a frame of the line at rest
            d.xdo("windowmove", wid, str(40 + 70 * k), str(30 + 50 * k))  # the layout shifts
            time.sleep(0.4)
            d.xdo("mousemove", str(260 + 70 * k), str(200 + 50 * k), "click", "1")  # a step's frame
            time.sleep(0.6)
        summary = rec.stop(timeout=90)
        assert summary["upload_pending"] == 0, (tmp_path / "service.log").read_text()[-2000:]
        release_all(d, data)
    assert summary["steps"] >= len(LINES), summary
    (bundle,) = (data / "blobs" / "released").iterdir()  # the session as released, a bundle
    exports = export_every_format(SimpleNamespace(spool=bundle), rec.env, tmp_path)  # type: ignore[arg-type]
    needles = [s.encode() for s in SECRETS]
    assert search_tree(rec.spool, needles) == []  # what is left on the device
    assert search_tree(data, needles) == []  # the service's database, blobs, logs
    for fmt, out in exports.items():
        assert search_tree(out, needles) == [], fmt
    native = "".join(p.read_text() for p in exports["native"].rglob("*.jsonl"))
    assert all(w in native for w in SHOWN), native[:2000]  # the commands themselves are kept
    read = released_images(data, tmp_path)
    leaks = [(name, s) for name, t in read.items() for s in SECRETS if _read(t, s)]
    assert leaks == [], leaks
    seen = " ".join(read.values()).lower()
    assert "docker" in seen and "login" in seen, seen[:2000]  # the frames show the terminal
