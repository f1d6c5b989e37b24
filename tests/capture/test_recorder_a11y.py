"""Issue 15 acceptance (desktop accessibility): clicks in a real GTK 3 form carry the accessible
at the point as their target (role, a name holding the label, a bbox containing the click),
combo-box items come out as menu items with their label (the click that opened the popup as
the combo box), key input carries the focused entry,
the password typed into the form's password entry is in no spool file, dump or export and not
readable in any stored frame, and the step keeps a redacted accessibility tree.

Real parts: Xvfb, a dbus-launch session bus (the recorder starts the accessibility bus on it),
GTK 3 through the system python3, xdotool input, the recorder as a subprocess."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.capture.a11y_desktop import APPS, click, inside, popup, read_steps, session_bus, stop_bus
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

PASSWORD, USERNAME = "Zq8Wombat4Ledger", "harbour lantern"
POLICY = """\
version = 1
default = "deny"
[[apps]]
match = { wm_class = "gtkform" }
[capture]
video = false
"""


def wait_file(path: Path, timeout: float = 20) -> dict[str, list[int]]:
    end = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < end, "the GTK form did not report its layout"
        time.sleep(0.1)
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def center(box: list[int]) -> tuple[int, int]:
    return box[0] + box[2] // 2, box[1] + box[3] // 2


def test_gtk_form_targets_and_password(tmp_path: Path, _demotrace_home: Path) -> None:
    need("dbus-launch", "/usr/bin/python3", "tesseract")
    with desktop(_demotrace_home) as d:
        bus = session_bus(d)
        try:
            rec = start_recorder(d, tmp_path, POLICY)
            end = time.monotonic() + 10
            while rec.status().get("a11y") != "on" and time.monotonic() < end:
                time.sleep(0.1)
            assert rec.status().get("a11y") == "on", rec.status()
            layout = tmp_path / "layout.json"
            d.spawn("/usr/bin/python3", str(APPS / "gtk_form.py"), str(layout))
            wid = d.wait_window("gtkform")
            boxes = wait_file(layout)
            d.focus(wid)
            time.sleep(1.0)  # the app registers on the bus; the recorder scans the window
            expected: list[tuple[tuple[int, int], str, str]] = []

            def expect(x: int, y: int, role: str, name: str, pause: float = 0.6) -> None:
                click(d, x, y, pause)
                expected.append(((x, y), role, name))

            expect(*center(boxes["Save draft"]), "push button", "Save draft")
            expect(*center(boxes["Remember me"]), "check box", "Remember me")
            expect(*center(boxes["Remember me"]), "check box", "Remember me")
            combo = boxes["combo"]
            expect(*center(combo), "combo box", "Small", pause=0.8)  # opens its popup on the press
            px, py, pw, ph = popup(d, "gtkform", wid)
            expect(px + pw // 2, py + ph // 2, "menu item", "Medium")  # the middle of three items
            expect(*center(boxes["File"]), "menu", "File", pause=0.8)
            px, py, pw, ph = popup(d, "gtkform", wid)
            expect(px + pw // 2, py + ph // 4, "menu item", "Open")
            expect(*center(boxes["Username"]), "text", "Username")
            d.xdo("type", "--delay", "60", USERNAME)
            time.sleep(0.6)
            expect(*center(boxes["Password"]), "password text", "Password")
            d.xdo("type", "--delay", "60", PASSWORD)
            time.sleep(0.3)
            secure_status = rec.status().get("secure_input")
            d.xdo("key", "Return")
            time.sleep(0.5)
            expect(*center(boxes["Save draft"]), "push button", "Save draft")
            time.sleep(0.8)
            summary = rec.stop()
        finally:
            stop_bus(bus)
    assert secure_status == "password", secure_status
    dump = spool_dump(rec, tmp_path / "dump")
    steps = read_steps(dump)
    clicks = [s for s in steps if s["action"]["type"] in ("click", "double_click")]
    hits = 0
    report = []
    for (x, y), role, name in expected:
        s = next(
            (s for s in clicks if abs(s["action"]["x"] - x) <= 1 and abs(s["action"]["y"] - y) <= 1), None
        )
        t = (s or {}).get("target") or {}
        ok = t.get("source") == "a11y" and t.get("role") == role and name in (t.get("name") or "")
        ok = ok and "bbox" in t and inside(t["bbox"], x, y)
        hits += ok
        if not ok:
            report.append((role, name, t.get("role"), t.get("name"), t.get("bbox"), (x, y)))
    assert hits >= 0.9 * len(expected), (hits, len(expected), report, summary.get("a11y_lookups"))
    typed = [s for s in steps if s["action"]["type"] == "type"]
    assert any(USERNAME in s["action"].get("text", "") for s in typed), typed
    user_step = next(s for s in typed if USERNAME in s["action"]["text"])
    assert (user_step.get("target") or {}).get("name") == "Username", user_step
    assert any(s["action"] == {"type": "secure_input", "field": "password"} for s in steps), [
        s["action"] for s in steps
    ]
    trees = [
        s["observation"].get("accessibility_tree")
        for s in steps
        if s["observation"].get("accessibility_tree")
    ]
    assert trees, "no step carries an accessibility tree"
    assert any(row[1] == "push button" and row[2] == "Save draft" for row in trees[-1]), trees[-1]
    masked = [r for s in steps for r in s["redactions"] if r["kind"] == "SECURE_ELEMENT"]
    assert masked, "the password entry was never masked"
    # the password: in no file, no dump, no export, never read in a frame
    exports = export_every_format(rec, d.env, tmp_path)
    needles = [PASSWORD.encode(), PASSWORD[:8].encode(), PASSWORD[-8:].encode()]
    for root in (rec.spool, dump, *exports.values()):
        assert search_tree(root, needles) == [], root
    osw = (exports["osworld"] / "osworld.jsonl").read_text()
    assert "accessibility_tree" in osw
    for frame, text in ocr_frames(dump, tmp_path):
        assert PASSWORD[:6].lower() not in text.lower() and PASSWORD[-6:].lower() not in text.lower(), frame
