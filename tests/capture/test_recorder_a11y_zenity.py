"""Issue 15 acceptance (desktop password dialogs): the password typed into `zenity --password`
(a GTK dialog whose entry has the password-text role) is in no spool file, no decrypted dump,
no export of any format, and not readable by OCR in any stored frame; the dialog's keys become
one `secure_input` step and the commands typed in an xterm before and after are recorded.

Real parts: Xvfb, xterm, zenity, a dbus-launch session bus (the recorder starts the
accessibility bus on it), xdotool input, the recorder as a subprocess, tesseract."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.capture.a11y_desktop import read_steps, session_bus, stop_bus, wait_a11y
from tests.capture.desktop import (
    desktop,
    export_every_format,
    need,
    ocr_frames,
    search_tree,
    spool_dump,
    start_recorder,
)

pytestmark = pytest.mark.x11

PASSWORD = "Mv6Pelican2Quartz"
BEFORE, AFTER = "echo before the dialog", "echo after the dialog"
POLICY = """\
version = 1
default = "deny"
[[apps]]
match = { wm_class = "xterm" }
[[apps]]
match = { wm_class = "zenity" }
[capture]
video = false
"""


def test_zenity_password_leaves_no_trace(tmp_path: Path, _demotrace_home: Path) -> None:
    need("dbus-launch", "zenity", "tesseract")
    with desktop(_demotrace_home) as d:
        bus = session_bus(d)
        try:
            term = d.xterm(echo=True)
            rec = start_recorder(d, tmp_path, POLICY)
            wait_a11y(rec)
            d.focus(term)
            d.xdo("type", "--delay", "50", BEFORE)
            time.sleep(0.3)
            d.xdo("key", "Return")
            time.sleep(0.6)
            d.spawn("zenity", "--password", "--title", "Unlock keyring")
            dialog = d.wait_window("zenity")
            d.focus(dialog)
            time.sleep(1.5)  # the dialog is on the bus and scanned: its entry has the focus
            d.xdo("type", "--delay", "60", PASSWORD)
            time.sleep(0.4)
            secure_status = rec.status().get("secure_input")
            d.xdo("key", "Return")
            time.sleep(1.0)
            d.focus(term)
            d.xdo("type", "--delay", "50", AFTER)
            time.sleep(0.3)
            d.xdo("key", "Return")
            time.sleep(0.8)
            rec.stop()
        finally:
            stop_bus(bus)
    assert secure_status == "password", secure_status
    dump = spool_dump(rec, tmp_path / "dump")
    steps = read_steps(dump)
    texts = [s["action"].get("text", "") for s in steps if s["action"]["type"] == "type"]
    assert any(BEFORE in t for t in texts) and any(AFTER in t for t in texts), texts
    assert [s["action"] for s in steps if s["action"]["type"] == "secure_input"] == [
        {"type": "secure_input", "field": "password"}
    ]
    exports = export_every_format(rec, d.env, tmp_path)
    needles = [PASSWORD.encode(), PASSWORD[:7].encode(), PASSWORD[-7:].encode()]
    for root in (rec.spool, dump, *exports.values()):
        assert search_tree(root, needles) == [], root
    for frame, text in ocr_frames(dump, tmp_path):
        low = text.lower()
        assert PASSWORD[:6].lower() not in low and PASSWORD[-6:].lower() not in low, frame
