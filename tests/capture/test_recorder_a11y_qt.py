"""Issue 15 acceptance on Qt 6 (PySide6): clicks in a real Qt window carry the accessible at the
point as their target (role, a name holding the label, a bbox containing the click); a Qt
password line edit (which AT-SPI shows as plain "text" showing ●) is found as a password field:
its keys are dropped (one `secure_input` step) and appear nowhere in the spool, while the email
typed beside it is recorded with its field as target.

Real parts: Xvfb, a dbus-launch session bus (the recorder starts the accessibility bus on it),
PySide6 on xcb with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, xdotool input, the recorder."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.capture.a11y_desktop import (
    APPS,
    click,
    inside,
    read_steps,
    session_bus,
    stop_bus,
    wait_a11y,
    wait_layout,
)
from tests.capture.desktop import desktop, need, search_tree, spool_dump, start_recorder

pytestmark = pytest.mark.x11

PASSPHRASE, EMAIL = "Kp3Tundra9Violet", "otter meadow"
POLICY = """\
version = 1
default = "deny"
[[apps]]
match = { wm_class = "qtform" }
[capture]
video = false
"""


def center(box: list[int]) -> tuple[int, int]:
    return box[0] + box[2] // 2, box[1] + box[3] // 2


def test_qt_window_targets_and_password(tmp_path: Path, _demotrace_home: Path) -> None:
    need("dbus-launch")
    with desktop(_demotrace_home) as d:
        bus = session_bus(d)
        try:
            rec = start_recorder(d, tmp_path, POLICY)
            wait_a11y(rec)
            layout = tmp_path / "layout.json"
            d.env["QT_QPA_PLATFORM"] = "xcb"
            d.spawn(sys.executable, str(APPS / "qt_form.py"), str(layout))
            wid = d.wait_window("qtform")
            boxes = wait_layout(layout)
            d.focus(wid)
            time.sleep(1.0)
            expected: list[tuple[tuple[int, int], str, str]] = []
            # the check box's own box is its text's width: click inside it, near its left
            sub = boxes["Subscribe"]
            spots = [
                (center(boxes["Send report"]), "push button", "Send report"),
                ((sub[0] + 20, sub[1] + sub[3] // 2), "check box", "Subscribe"),
                (center(boxes["Email"]), "text", "Email"),
            ]
            for (x, y), role, name in spots:
                click(d, x, y)
                expected.append(((x, y), role, name))
            d.xdo("type", "--delay", "60", EMAIL)
            time.sleep(0.6)
            x, y = center(boxes["Passphrase"])
            click(d, x, y)
            expected.append(((x, y), "text", "Passphrase"))
            d.xdo("type", "--delay", "60", PASSPHRASE)
            time.sleep(0.6)
            secure_status = rec.status().get("secure_input")
            x, y = center(boxes["Send report"])
            click(d, x, y)
            expected.append(((x, y), "push button", "Send report"))
            time.sleep(0.8)
            summary = rec.stop()
        finally:
            stop_bus(bus)
    assert secure_status == "password", secure_status
    dump = spool_dump(rec, tmp_path / "dump")
    steps = read_steps(dump)
    clicks = [s for s in steps if s["action"]["type"] in ("click", "double_click")]
    hits, report = 0, []
    for (x, y), role, name in expected:
        at = [s for s in clicks if abs(s["action"]["x"] - x) <= 1 and abs(s["action"]["y"] - y) <= 1]
        t = (at[0].get("target") if at else None) or {}
        ok = t.get("source") == "a11y" and t.get("role") == role and name in (t.get("name") or "")
        hits += ok and "bbox" in t and inside(t["bbox"], x, y)
        report.append((role, name, t))
    assert hits >= 0.9 * len(expected), (hits, report, summary.get("a11y_lookups"))
    typed = [s for s in steps if s["action"]["type"] == "type"]
    email = [s for s in typed if EMAIL in s["action"]["text"]]
    assert email and (email[0].get("target") or {}).get("name") == "Email", typed
    assert any(s["action"] == {"type": "secure_input", "field": "password"} for s in steps)
    # between the click into the passphrase and the next click: not one typed key, even the first
    px, py = expected[-2][0]
    i = next(i for i, s in enumerate(steps) if s["action"].get("x") == px and s["action"].get("y") == py)
    between = [s["action"]["type"] for s in steps[i + 1 :]][:-1]
    assert between == ["secure_input"], between
    needles = [PASSPHRASE.encode(), PASSPHRASE[:8].encode(), PASSPHRASE[-8:].encode()]
    for root in (rec.spool, dump):
        assert search_tree(root, needles) == [], root
