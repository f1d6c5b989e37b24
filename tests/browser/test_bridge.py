"""The bridge without a browser: pairing, refusals, policy push, page state and event mapping,
against plain WebSocket clients."""

from __future__ import annotations

import json
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

import demotrace.capture.browser as browser
from demotrace.capture.browser import BrowserBridge, load_pairing, pairing_path
from demotrace.capture.browser.bridge import NOT_MEASURED
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
def paired(b: BrowserBridge) -> Iterator[tuple[ClientConnection, dict[str, Any]]]:
    with connect(url(b), origin="chrome-extension://abcdefghijklmnop") as ws:  # type: ignore[arg-type]
        ws.send(json.dumps({"type": "hello", "secret": load_pairing().secret, "version": 1}))
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
