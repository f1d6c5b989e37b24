"""Pure parts of the recorder: hotkey filter, mask merging, layout lookups, control socket."""

from __future__ import annotations

from pathlib import Path

from demotrace.capture.control import ControlServer, send
from demotrace.capture.hotkeys import HotkeyFilter, parse_hotkey
from demotrace.capture.screen import MaskSpec
from demotrace.capture.window import Layout, TopLevel


def test_parse_hotkey() -> None:
    assert parse_hotkey("<ctrl>+<alt>+p") == (frozenset({"ctrl", "alt"}), "p")
    assert parse_hotkey("<ctrl_l>+<shift>+<f9>") == (frozenset({"ctrl", "shift"}), "f9")


def test_hotkey_is_swallowed_press_and_release() -> None:
    f = HotkeyFilter.from_specs({"pause": "<ctrl>+<alt>+p"})
    seq = [
        (True, "ctrl", None),
        (True, "alt", None),
        (True, "p", "p"),
        (False, "p", "p"),
        (False, "alt", None),
        (False, "ctrl", None),
    ]
    out = [f.feed(*e) for e in seq]
    assert out[2] == (True, "pause") and out[3] == (True, None)
    assert [o[0] for o in out] == [False, False, True, True, False, False]
    # plain p is not swallowed; ctrl+p (missing alt) neither
    assert f.feed(True, "p", "p") == (False, None)
    f.feed(True, "ctrl", None)
    assert f.feed(True, "p", "p") == (False, None)


def test_mask_merge_is_conservative() -> None:
    a = MaskSpec(1, (0, 0, 100, 100), ((10, 10, 5, 5),))
    b = MaskSpec(1, (20, 0, 100, 100), ((50, 50, 5, 5),))
    m = a.merged(b)
    assert m is not None and m.keep == (20, 0, 80, 100) and set(m.cover) == {(10, 10, 5, 5), (50, 50, 5, 5)}
    assert a.merged(MaskSpec(2, (0, 0, 100, 100))) is None
    assert a.merged(None) is None


def test_layout_topmost_wins() -> None:
    lay = Layout((TopLevel(1, (0, 0, 100, 100)), TopLevel(2, (50, 50, 100, 100))))
    assert lay.at(60, 60) == 2 and lay.at(10, 10) == 1 and lay.at(500, 500) is None
    assert lay.above(1) == [(50, 50, 100, 100)] and lay.above(2) == []


def test_control_socket_roundtrip(tmp_path: Path) -> None:
    state = {"paused": False}

    def handle(cmd: str, args: dict | None = None) -> dict:
        if cmd == "pause":
            state["paused"] = True
        if cmd == "task_start":
            return {"task": (args or {}).get("text")}
        return {"state": "paused" if state["paused"] else "recording"}

    srv = ControlServer(tmp_path / "c.sock", handle)
    srv.start()
    try:
        assert send(tmp_path / "c.sock", "status") == {"state": "recording"}
        assert send(tmp_path / "c.sock", "pause") == {"state": "paused"}
        assert send(tmp_path / "c.sock", "task_start", args={"text": "Do it"}) == {"task": "Do it"}
        assert (tmp_path / "c.sock").stat().st_mode & 0o077 == 0
    finally:
        srv.stop()
    assert not (tmp_path / "c.sock").exists()
