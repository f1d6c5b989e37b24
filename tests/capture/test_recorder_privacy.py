"""Issue 2 acceptance: text typed into a non-allowlisted window, and anything done while paused,
appears nowhere in the spool (every file, decrypted and decompressed), nor in the OCR of frames."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.capture.desktop import desktop, ocr, ocr_frames, search_tree, spool_dump, start_recorder

pytestmark = pytest.mark.x11


def screenshot(display: str, out: Path) -> None:
    import mss
    import mss.tools

    with mss.MSS(display=display) as sct:
        g = sct.grab(sct.monitors[1])
        mss.tools.to_png(g.rgb, g.size, output=str(out))


def test_denied_window_and_pause_leave_no_trace(tmp_path: Path, _demotrace_home: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract missing: run `make setup`")
    denied_secret, paused_secret, hotkey_secret = "bravodenied4417", "pausedword8812", "hotkeyword5530"
    visible = "visibleafter"
    with desktop(_demotrace_home) as d:
        allowed = d.xterm(geometry="80x20+0+0")
        # a non-allowlisted terminal on top of part of the allowed one, echoing what is typed, large
        denied = d.xterm(name="secretterm", geometry="30x3+120+60", cmd="cat", echo=True)
        d.xdo("set_window", "--name", "secretterm", denied)
        rec = start_recorder(d, tmp_path)
        d.focus(allowed)
        d.xdo("mousemove", "40", "300", "click", "1")
        d.xdo("type", "--delay", "30", "before")
        d.xdo("key", "Return")
        time.sleep(0.8)
        d.focus(denied)
        d.xdo("type", "--delay", "30", denied_secret)
        d.xdo("mousemove", "200", "80", "click", "1")  # a click inside the denied window
        time.sleep(0.8)
        # raw screenshot while the secret is on screen: the OCR control (proves OCR can read it)
        shot = tmp_path / "control.png"
        screenshot(d.display, shot)
        d.focus(allowed)
        time.sleep(0.4)
        rec.ctl("pause")
        assert rec.status()["state"] == "paused"
        d.xdo("type", "--delay", "30", paused_secret)
        d.xdo("key", "Return")
        time.sleep(0.3)
        rec.ctl("resume")
        time.sleep(0.4)
        d.xdo("key", "ctrl+alt+p")
        time.sleep(0.4)
        assert rec.status()["state"] == "paused"
        d.xdo("type", "--delay", "30", hotkey_secret)
        d.xdo("key", "Return")
        time.sleep(0.3)
        d.xdo("key", "ctrl+alt+p")
        time.sleep(0.4)
        assert rec.status()["state"] == "recording"
        d.xdo("mousemove", "40", "300", "click", "1")
        d.xdo("type", "--delay", "30", visible)
        d.xdo("key", "Return")
        time.sleep(0.8)
        summary = rec.stop()
    dump = spool_dump(rec, tmp_path / "dump")
    secrets = [s.encode() for s in (denied_secret, paused_secret, hotkey_secret)]
    # positive control: what was typed in the open is there (so the search can find things)
    assert search_tree(dump, [visible.encode()]), "the visible text should have been recorded"
    assert search_tree(dump, secrets) == []
    assert search_tree(rec.spool, secrets) == []  # and the raw (encrypted) spool, for completeness
    assert summary["dropped"].get("window", 0) > 0 and summary["dropped"].get("paused", 0) > 0
    # the pause hotkey itself is never recorded
    assert not search_tree(dump, [b'"keys":["ctrl","alt","p"]'])
    # OCR of every stored frame: the denied window's pixels were masked
    for f, text in ocr_frames(dump, tmp_path):
        text = text.lower()
        assert "denied" not in text and "4417" not in text, f  # not even a fragment
    # control: unmasked, OCR does read the secret on screen
    assert "denied4417" in ocr(shot).lower().replace(" ", "")
