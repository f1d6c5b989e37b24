"""The bridge without a browser: pairing, refusals, policy push, page state and event mapping,
against plain WebSocket clients."""

from __future__ import annotations

import json
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

import demotrace.capture.browser as browser
from demotrace.capture.browser import BrowserBridge, load_pairing, pairing_path
from demotrace.capture.browser.bridge import NOT_MEASURED
from demotrace.capture.browser.frames import NOT_LISTED, frame_not_measured, frame_unplaced
from demotrace.policy import default_policy, parse_policy_toml


def test_public_names_are_pinned() -> None:
    names = sorted(
        n for n, v in vars(browser).items() if not n.startswith("_") and not isinstance(v, type(browser))
    )
    assert sorted(browser.__all__) == names


@pytest.fixture
def bridge() -> Iterator[BrowserBridge]:
    b = BrowserBridge(default_policy(), port=0)
    b.start()
    yield b
    b.stop()


def url(b: BrowserBridge) -> str:
    return f"ws://127.0.0.1:{b.port}/"


@contextmanager
def paired(b: BrowserBridge, frames: bool = False) -> Iterator[tuple[ClientConnection, dict[str, Any]]]:
    """A client paired as the extension; `frames`: it says it sends frame lists (hello)."""
    with connect(url(b), origin="chrome-extension://abcdefghijklmnop") as ws:  # type: ignore[arg-type]
        hello: dict[str, Any] = {"type": "hello", "secret": load_pairing().secret, "version": 1}
        if frames:
            hello["frames"] = True
        ws.send(json.dumps(hello))
        yield ws, json.loads(ws.recv(timeout=5))


def wait(pred: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_pairing_file_is_private_and_holds_the_port(bridge: BrowserBridge) -> None:
    p = pairing_path()
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    d = json.loads(p.read_text())
    assert d["port"] == bridge.port and len(d["secret"]) >= 32


@pytest.mark.parametrize(
    "first",
    [None, json.dumps({"type": "hello"}), json.dumps({"type": "hello", "secret": "x" * 43}), "not json"],
)
def test_client_without_the_secret_is_refused(
    bridge: BrowserBridge, first: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    with connect(url(bridge)) as ws:
        if first is not None:
            ws.send(first)
        with pytest.raises(ConnectionClosed) as ei:
            ws.recv(timeout=8)
    assert ei.value.rcvd is not None and ei.value.rcvd.code == 4401
    assert bridge.refused == 1 and bridge.connected == 0
    assert "refused browser connection" in caplog.text


def test_a_web_page_origin_is_refused_even_with_the_secret(bridge: BrowserBridge) -> None:
    with (
        connect(url(bridge), origin="http://evil.localhost") as ws,  # type: ignore[arg-type]
        pytest.raises(ConnectionClosed) as ei,
    ):
        ws.send(json.dumps({"type": "hello", "secret": load_pairing().secret}))
        ws.recv(timeout=5)
    assert ei.value.rcvd is not None and ei.value.rcvd.code == 4403


def test_welcome_carries_sites_and_set_policy_pushes_them(bridge: BrowserBridge) -> None:
    assert bridge.page_for() is None  # nobody connected: the recorder blocks the browser
    with paired(bridge) as (ws, welcome):
        assert welcome["type"] == "welcome"
        assert {"domain": "demo.localhost", "block_selectors": []} in welcome["sites"]
        bridge.set_policy(parse_policy_toml('[[sites]]\ndomain = "other.localhost"\n', "t"))
        msg = json.loads(ws.recv(timeout=5))
        assert msg["type"] == "policy" and [s["domain"] for s in msg["sites"]] == ["other.localhost"]


def page_msg(tab: dict[str, Any], incognito: bool = False) -> str:
    return json.dumps(
        {
            "type": "page",
            "t": time.time() * 1000,
            "windows": [{"id": 1, "focused": True, "last_focused": True, "incognito": incognito, "tab": tab}],
        }
    )


def test_page_state_secure_focus_and_boxes(bridge: BrowserBridge) -> None:
    with paired(bridge) as (ws, _):
        ok = {"id": 7, "allowed": True, "url": "http://demo.localhost:8/login", "title": "Sign in"}
        ws.send(page_msg(ok))
        ws.send(json.dumps({"type": "boxes", "tab": 7, "frame": 0, "boxes": [[1, 2, 30, 40]]}))
        ws.send(json.dumps({"type": "secure_focus", "on": True, "tab": 7, "frame": 0}))
        wait(bridge.secure_focus_active)
        p = bridge.page_for("Sign in - Chromium")
        assert p is not None and p.allowed and p.url == ok["url"] and p.secure_focus
        assert p.blocked_boxes == [(1, 2, 30, 40)]
        none = bridge.page_for("Some other window - Chromium")
        assert none is not None and not none.allowed  # a window no paired tab shows
        ws.send(json.dumps({"type": "secure_focus", "on": False, "tab": 7, "frame": 0}))
        wait(lambda: not bridge.secure_focus_active())
        # the extension's word is checked against the recorder's policy
        ws.send(page_msg({"id": 7, "allowed": True, "url": "http://other.localhost/", "title": "Other"}))
        wait(lambda: (q := bridge.page_for()) is not None and not q.allowed)
        ws.send(page_msg({"id": 9, "allowed": False, "reason": "incognito"}, incognito=True))
        wait(lambda: (q := bridge.page_for()) is not None and q.incognito and not q.allowed)
    wait(lambda: bridge.connected == 0)
    assert bridge.page_for() is None


def test_secure_focus_ends_with_the_connection(bridge: BrowserBridge) -> None:
    with paired(bridge) as (ws, _):
        ws.send(json.dumps({"type": "secure_focus", "on": True, "tab": 1, "frame": 3}))
        wait(bridge.secure_focus_active)
    wait(lambda: not bridge.secure_focus_active())


def test_a_wall_clock_step_during_a_session_does_not_move_browser_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The machine's wall clock steps an hour after the bridge started (NTP, a resumed VM): the
    browser's stamps and the bridge's reading both move with it, and an event 300 ms old is still
    300 ms old. (An anchor taken at start put it an hour off: CI lost every join after a step.)"""
    import demotrace.capture.browser.bridge as bridge_mod

    t0 = time.monotonic()
    b = BrowserBridge(default_policy(), lambda: time.monotonic() - t0, port=0)
    b.start()
    try:
        with paired(b) as (ws, _):
            monkeypatch.setattr(bridge_mod, "time", SimpleNamespace(time=lambda: time.time() + 3600.0))
            for age_ms in (300.0, -50.0):  # -50: a stamp from just before the clock stepped back
                sent = time.monotonic() - t0
                ws.send(
                    json.dumps(
                        {
                            "type": "dom",
                            "kind": "click",
                            "t": (time.time() + 3600.0) * 1000 - age_ms,
                            "url": "http://demo.localhost:5/",
                            "target": None,
                            "detail": {"n": age_ms},
                        }
                    )
                )
                wait(lambda a=age_ms: any(e.detail.get("n") == a for e in b.events_between(-1e9, 1e9)))
                got = time.monotonic() - t0
                e = next(e for e in b.events_between(-1e9, 1e9) if e.detail.get("n") == age_ms)
                assert sent - max(age_ms, 0) / 1000 - 0.05 <= e.t <= got - max(age_ms, 0) / 1000 + 0.001
    finally:
        b.stop()


def test_dom_events_map_to_session_time_and_off_policy_ones_are_dropped() -> None:
    t0 = time.monotonic()
    b = BrowserBridge(default_policy(), lambda: time.monotonic() - t0, port=0)
    b.start()
    try:
        with paired(b) as (ws, _):
            now_ms = time.time() * 1000
            target = {"source": "dom", "role": "button", "name": "Go", "bbox": [10, 20, 50, 40]}
            for host in ("other.localhost", "demo.localhost"):
                ws.send(
                    json.dumps(
                        {
                            "type": "dom",
                            "kind": "click",
                            "t": now_ms,
                            "url": f"http://{host}:5/",
                            "target": target,
                            "point": [30, 30],
                        }
                    )
                )
            wait(lambda: len(b.events_between(-1e9, 1e9)) >= 1)
            time.sleep(0.1)
            evs = b.events_between(-1e9, 1e9)
        assert [e.url for e in evs] == ["http://demo.localhost:5/"]
        e = evs[0]
        assert e.screen_bbox == (10, 20, 50, 40) and e.point == (30, 30)
        assert abs(e.t - (time.monotonic() - t0)) < 5  # session seconds, not epoch
        assert b.events_between(e.t + 1, e.t + 2) == []
    finally:
        b.stop()


def test_pairing_is_made_once_when_several_ask_at_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as ex:
        got = list(ex.map(lambda _: load_pairing(), range(16)))
    assert len({p.secret for p in got}) == 1
    assert load_pairing() == got[0]


def test_a_focused_blocked_window_is_not_mistaken_for_an_allowed_tab_with_the_same_title(
    bridge: BrowserBridge,
) -> None:
    with paired(bridge) as (ws, _):
        allowed = {"id": 1, "allowed": True, "url": "http://demo.localhost/app/inbox", "title": "Inbox"}
        blocked = {"id": 2, "allowed": False, "reason": "not allowed"}  # titled "Inbox" too, unseen
        windows = [
            {"id": 10, "focused": False, "last_focused": False, "incognito": False, "tab": allowed},
            {"id": 20, "focused": True, "last_focused": True, "incognito": False, "tab": blocked},
        ]
        ws.send(json.dumps({"type": "page", "t": 0, "windows": windows}))
        ws.send(json.dumps({"type": "boxes", "tab": 1, "frame": 0, "boxes": [], "doc": 1}))
        wait(lambda: (p := bridge.page_for()) is not None and p.window_id == 20)
        p = bridge.page_for("Inbox - Chromium")
        assert p is not None and not p.allowed and p.window_id == 20
        windows[0]["focused"], windows[1]["focused"] = True, False
        ws.send(json.dumps({"type": "page", "t": 0, "windows": windows}))
        wait(lambda: (p := bridge.page_for()) is not None and p.window_id == 10)
        p = bridge.page_for("Inbox - Chromium")
        assert p is not None and p.allowed and p.url == allowed["url"]


def test_an_allowed_tab_is_blocked_until_its_page_reports_where_its_secure_fields_are(
    bridge: BrowserBridge,
) -> None:
    """The extension says the tab is allowlisted, but its page's content script has not spoken (not
    injected yet, or it never learnt the policy): a password the page reveals could not be masked,
    so the tab is blocked until the top frame reports its boxes, and again once that page is gone;
    the last page's `gone` undoes neither the report nor the boxes of the page that replaced it."""

    def boxes(doc: int, gone: bool = False, frame: int = 0, found: list[list[int]] | None = None) -> str:
        msg = {"type": "boxes", "tab": 7, "frame": frame, "boxes": found or [], "doc": doc, "gone": gone}
        return json.dumps(msg)

    def state() -> tuple[bool, str]:
        p = bridge.page_for("Sign in - Chromium")
        assert p is not None
        return p.allowed, p.reason

    with paired(bridge) as (ws, _):
        tab = {"id": 7, "allowed": True, "url": "http://demo.localhost:8/login", "title": "Sign in"}
        ws.send(page_msg(tab))
        wait(lambda: (p := bridge.page_for()) is not None and p.window_id == 1)
        assert state() == (False, NOT_MEASURED)
        ws.send(boxes(3, frame=2))  # a child frame's report does not vouch for the page
        time.sleep(0.2)
        assert state() == (False, NOT_MEASURED)
        ws.send(boxes(4))
        wait(lambda: state()[0])
        ws.send(boxes(5, found=[[1, 2, 30, 40]]))  # the next page reported before the last one's port closed
        ws.send(boxes(4, gone=True))
        time.sleep(0.2)
        assert state()[0]
        p = bridge.page_for("Sign in - Chromium")
        assert p is not None and p.blocked_boxes == [(1, 2, 30, 40)]  # its password field stays masked
        ws.send(boxes(5, gone=True))
        wait(lambda: state() == (False, NOT_MEASURED))


class Tab7:
    """Tab 7 ("Sign in", allowlisted, in the focused window) as the extension reports it."""

    def __init__(self, bridge: BrowserBridge, ws: ClientConnection) -> None:
        self.bridge, self.ws, self.synced = bridge, ws, 0
        ws.send(
            page_msg({"id": 7, "allowed": True, "url": "http://demo.localhost:8/login", "title": "Sign in"})
        )
        wait(lambda: (p := bridge.page_for()) is not None and p.window_id == 1)

    def boxes(
        self, frame: int, doc: int, document: str, gone: bool = False, found: Any = None, unplaced: int = 0
    ) -> None:
        msg = {
            "type": "boxes",
            "tab": 7,
            "frame": frame,
            "boxes": found or [],
            "doc": doc,
            "document": document,
            "unplaced": unplaced,
        }
        self.ws.send(json.dumps({**msg, "gone": gone}))

    def frames(self, t: float, *frames: tuple[int, str] | tuple[int, str, str]) -> None:
        listed = [
            {"frame": f[0], "document": f[1], "scheme": f[2] if len(f) > 2 else "http:"} for f in frames
        ]
        self.ws.send(json.dumps({"type": "frames", "tab": 7, "frames": listed, "t": t}))

    def state(self) -> tuple[bool, str]:
        """The tab's (allowed, reason) once the bridge has handled everything sent before: a stats
        message goes last and is waited for (one connection's messages are handled in order)."""
        self.synced += 1
        n = self.synced
        self.ws.send(json.dumps({"type": "stats", "tab": 7, "frame": 99, "handled": n, "cost_ms": 0}))
        wait(lambda: self.bridge.content_stats()[0] >= n)
        p = self.bridge.page_for("Sign in - Chromium")
        assert p is not None
        return p.allowed, p.reason


ALLOWED = (True, "allowlisted site demo.localhost")


def test_a_tab_is_blocked_until_every_frame_it_has_has_reported(bridge: BrowserBridge) -> None:
    """A child frame (a cross-origin sign-in iframe) whose content script has not reported could
    show its password unmasked: the tab is blocked until every frame the worker lists has reported
    its current document, and again when a new frame is listed, a frame navigates or one goes."""
    with paired(bridge, frames=True) as (ws, _):
        tab = Tab7(bridge, ws)
        tab.boxes(0, doc=1, document="D0")
        assert tab.state() == (False, NOT_LISTED)  # the worker lists frames: wait for the list
        tab.frames(10, (0, "D0"), (3, "D3", "https:"))
        assert tab.state() == (False, frame_not_measured(3, "https:"))
        tab.boxes(3, doc=2, document="D3", found=[[5, 6, 70, 80]])
        assert tab.state() == ALLOWED
        p = bridge.page_for("Sign in - Chromium")
        assert p is not None and p.blocked_boxes == [(5, 6, 70, 80)]  # the child's password is masked
        tab.frames(20, (0, "D0"), (3, "D3"), (5, "D5"))  # a new frame appeared
        assert tab.state() == (False, frame_not_measured(5, "http:"))
        tab.frames(15, (0, "D0"), (3, "D3"))  # a list asked for before it, late: dropped
        assert tab.state() == (False, frame_not_measured(5, "http:"))
        tab.boxes(5, doc=3, document="D5")
        assert tab.state() == ALLOWED
        # frame 3 navigates: its last page's report does not vouch for the new one, nor does the
        # old page's late gone undo the new one's
        tab.frames(30, (0, "D0"), (3, "D3b"), (5, "D5"))
        assert tab.state() == (False, frame_not_measured(3, "http:"))
        tab.boxes(3, doc=4, document="D3b")
        tab.boxes(3, doc=2, document="D3", gone=True)
        assert tab.state() == ALLOWED
        # frame 5 is removed: its port's gone blocks until the list without it comes
        tab.boxes(5, doc=3, document="D5", gone=True)
        assert tab.state() == (False, frame_not_measured(5, "http:"))
        tab.frames(40, (0, "D0"), (3, "D3b"))
        assert tab.state() == ALLOWED


def test_a_frame_the_content_script_cannot_run_in_keeps_the_tab_blocked(bridge: BrowserBridge) -> None:
    with paired(bridge, frames=True) as (ws, _):
        tab = Tab7(bridge, ws)
        tab.boxes(0, doc=1, document="D0")
        tab.frames(10, (0, "D0"), (2, "E2", "chrome-error:"))
        allowed, why = tab.state()
        assert not allowed and why == frame_not_measured(2, "chrome-error:") and "cannot run" in why
        tab.frames(11, (0, "D0"))  # the frame went
        assert tab.state() == ALLOWED


def test_a_frame_list_of_another_page_does_not_vouch_for_the_current_one(bridge: BrowserBridge) -> None:
    """Reports and lists cross on their way: a list naming the top frame's earlier document (or a
    report from it) is not the current page's."""
    with paired(bridge, frames=True) as (ws, _):
        tab = Tab7(bridge, ws)
        tab.frames(10, (0, "D0"))  # the list before the report: blocked until the page reports
        assert tab.state() == (False, NOT_MEASURED)
        tab.boxes(0, doc=1, document="D0")
        assert tab.state() == ALLOWED
        tab.frames(20, (0, "N0"), (4, "N4"))  # the top frame navigated; its new page not heard yet
        assert tab.state() == (False, NOT_MEASURED)
        tab.boxes(4, doc=3, document="N4")  # the child reported before the top frame
        tab.boxes(0, doc=2, document="N0")
        assert tab.state() == ALLOWED
        tab.boxes(0, doc=1, document="D0", gone=True)  # the earlier page's port closed, late
        assert tab.state() == ALLOWED
        tab.frames(30, (0, "D0"))  # a list naming the earlier page
        assert tab.state() == (False, NOT_MEASURED)
        tab.frames(40, (0, "N0"), (4, "N4"))
        assert tab.state() == ALLOWED
        tab.frames(50)  # the tab closed: its list is forgotten, and without one it is blocked
        assert tab.state() == (False, NOT_LISTED)


def test_an_extension_that_lists_no_frames_keeps_the_top_frame_rule(bridge: BrowserBridge) -> None:
    """An older extension (no `frames` in its hello) sends no lists: its tab is allowed once the
    top frame has reported, as before, but a list it does send is honoured."""
    with paired(bridge) as (ws, _):
        tab = Tab7(bridge, ws)
        assert tab.state() == (False, NOT_MEASURED)
        tab.boxes(0, doc=1, document="D0")
        assert tab.state() == ALLOWED
        tab.frames(10, (0, "D0"), (1, "D1"))
        assert tab.state() == (False, frame_not_measured(1, "http:"))


@pytest.mark.parametrize("lists", [True, False])
def test_a_frame_that_cannot_place_its_secure_fields_does_not_vouch_for_the_tab(
    bridge: BrowserBridge, lists: bool
) -> None:
    """A child frame not yet told by its parent where it is on screen cannot box its password: its
    report says so (`unplaced`) and the tab stays blocked until a report places them."""
    with paired(bridge, frames=lists) as (ws, _):
        tab = Tab7(bridge, ws)
        tab.boxes(0, doc=1, document="D0")
        if lists:
            tab.frames(10, (0, "D0"), (3, "D3"))
        tab.boxes(3, doc=2, document="D3", unplaced=1)
        assert tab.state() == (False, frame_unplaced(3))
        tab.boxes(3, doc=2, document="D3", found=[[5, 6, 70, 80]])
        assert tab.state() == ALLOWED
