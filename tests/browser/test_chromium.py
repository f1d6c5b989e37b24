"""The extension in a real Chromium under Xvfb, clicked and typed at with xdotool, against the
bridge: joins, SPA navigation, secure fields, the allowlist, hot reload, `demotrace browser`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from demotrace.capture.browser import BrowserBridge, DomEvent, join_click, load_pairing
from demotrace.policy import default_policy, parse_policy_toml
from tests.xvfb import xvfb

from .harness import Session, browser_session

pytestmark = [pytest.mark.x11, pytest.mark.slow]

PASSWORD = "Tr0ub4dor&3xyzzy"
OTP = "492817"
USERNAME = "alice.demo"


@pytest.fixture(scope="module")
def s(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    tmp = tmp_path_factory.mktemp("chromium")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DEMOTRACE_HOME", str(tmp / "home"))
        with browser_session(tmp) as sess:
            yield sess


def joined(
    s: Session, x: int, y: int, t: float, settle: float = 0.35, patience: float = 3.0
) -> DomEvent | None:
    """The DOM event the click at (x, y, t) joins, read after `settle` seconds and again every
    0.1 s for up to `patience` more: on a loaded machine the page's event can reach the bridge
    later (a native `<select>` opening its popup missed the 0.35 s once, CI beside other jobs)."""
    time.sleep(settle)
    deadline = time.monotonic() + patience
    while True:
        ev = join_click(x, y, t, s.bridge.events_between(t - 2, t + 2))
        if ev is not None or time.monotonic() > deadline:
            return ev
        time.sleep(0.1)


def contains(ev: DomEvent | None, x: int, y: int) -> bool:
    b = ev.screen_bbox if ev is not None else None
    return b is not None and b[0] <= x <= b[2] and b[1] <= y <= b[3]


def test_clicks_join_to_dom_targets_whose_screen_bbox_holds_the_click(s: Session) -> None:
    plan: list[tuple[str, str, str | None]] = [  # (page, selector to click, frame selector)
        ("/", "#q", None),
        ("/", "#search-btn", None),
        ("/", "#result-2", None),
        ("/", "#fruit-button", None),
        ("/", "#fruit-banana", None),
        ("/", "#newsletter", None),
        ("/", "#shadow-btn", None),
        ("/", "#frame-btn", "#frame"),
        ("/", "#frame-link", "#frame"),
        ("/", "h1", None),
        ("/login", "#username", None),
        ("/login", "#toggle", None),
        ("/login", "#signin", None),
        ("/app/", "#spa-inbox", None),
        ("/app/", "#view-title", None),
        ("/long", "#mark-10", None),
        ("/long", "#para-3", None),
    ]
    results: list[tuple[str, bool, bool]] = []
    current = None
    for path, sel, frame_sel in plan:
        if path != current:
            s.goto(s.app.url(path))
            current = path
        frame = s.page.frame_locator(frame_sel) if frame_sel else None
        x, y = s.center_of(sel, frame)
        t = s.click(x, y)
        ev = joined(s, x, y, t)
        want = sel.lstrip("#")
        named = ev is not None and ev.target is not None and want in str(ev.target.get("selector"))
        results.append((sel, contains(ev, x, y), named))
    # after scrolling with the wheel, targets further down the long page
    for n in (30, 60):
        s.xdo("mousemove", 600, 500)
        for _ in range(12):
            s.xdo("click", 5)
        s.wait(
            lambda n=n: (
                s.page.evaluate(f"document.getElementById('mark-{n}').getBoundingClientRect().top") < 600
            ),
            what=f"mark-{n} scrolled into view",
        ) if n == 30 else None
        s.page.locator(f"#mark-{n}").scroll_into_view_if_needed()
        x, y = s.center_of(f"#mark-{n}")
        t = s.click(x, y)
        ev = joined(s, x, y, t)
        results.append((f"#mark-{n}", contains(ev, x, y), ev is not None and f"mark-{n}" in str(ev.target)))
    hits = sum(r[1] for r in results)
    named = sum(r[2] for r in results)
    misses = [r for r in results if not (r[1] and r[2])]
    print(f"clicks joined with a bbox holding the point: {hits}/{len(results)}; named: {named}")
    assert hits / len(results) >= 0.95, misses
    assert named / len(results) >= 0.95, misses
    ev_kinds = {e.kind for e in s.bridge.events_between(-1e9, 1e9)}
    assert {"click", "focus", "scroll", "change"} <= ev_kinds


def test_aria_listbox_option_and_native_select_pick_carry_option_targets(s: Session) -> None:
    s.goto(s.app.url("/"))
    x, y = s.center_of("#fruit-button")
    opener = joined(s, x, y, s.click(x, y))
    assert opener is not None and opener.target is not None
    assert (opener.target["role"], opener.target["name"]) == ("button", "Fruit Pick a fruit")
    x, y = s.center_of("#fruit-cherry")
    opt = joined(s, x, y, s.click(x, y))
    assert opt is not None and opt.target is not None
    assert (opt.target["role"], opt.target["name"]) == ("option", "Cherry")
    # native <select>: the popup is outside the DOM; the pick joins the select_option event
    x, y = s.center_of("#country")
    op = joined(s, x, y, s.click(x, y))
    assert op is not None and op.target is not None and op.target["role"] == "combobox"
    assert op.target["name"] == "Country"
    t = s.click(x, y + 60)  # an option of the open popup, below the control
    pick = joined(s, x, y + 60, t)
    label = s.page.evaluate("document.getElementById('country').selectedOptions[0].text")
    assert label != "Choose…"
    assert pick is not None and pick.target is not None
    assert (pick.target["role"], pick.target["name"]) == ("option", label)


def test_spa_navigation_updates_the_page_url(s: Session) -> None:
    s.goto(s.app.url("/app/"))
    x, y = s.center_of("#spa-settings")
    s.click(x, y)
    want = s.app.url("/app/settings")
    s.wait(lambda: (p := s.bridge.page_for()) is not None and p.url == want, what="SPA url")
    p = s.bridge.page_for("App - Settings - Chromium")
    assert p is not None and p.allowed and p.url == want and p.title == "App - Settings"
    navs = [e for e in s.bridge.events_between(-1e9, 1e9) if e.kind == "navigate" and e.url == want]
    assert navs


def wait_secure(s: Session, on: bool) -> None:
    s.wait(lambda: s.bridge.secure_focus_active() is on, 5, f"secure_focus {'on' if on else 'off'}")


def test_secure_fields_focus_and_values_never_leave_the_page(s: Session) -> None:
    s.goto(s.app.url("/login"))
    n0 = len(s.raw)
    x, y = s.center_of("#username")
    s.click(x, y)
    s.xdo("type", "--delay", "15", USERNAME)
    assert not s.bridge.secure_focus_active()
    x, y = s.center_of("#password")
    s.click(x, y)
    wait_secure(s, True)  # on before the first key is typed
    s.xdo("type", "--delay", "15", PASSWORD[:8])
    x, y = s.center_of("#toggle")  # show the password: still a secure field
    s.click(x, y)
    wait_secure(s, False)
    assert s.page.evaluate("document.getElementById('password').type") == "text"
    x, y = s.center_of("#password")
    s.click(x, y)
    wait_secure(s, True)
    s.xdo("key", "End")
    s.xdo("type", "--delay", "15", PASSWORD[8:])
    page = s.bridge.page_for("Sign in - Chromium")
    assert page is not None and page.secure_focus and len(page.blocked_boxes) == 2
    px, py = s.center_of("#password")
    assert any(b[0] <= px <= b[2] and b[1] <= py <= b[3] for b in page.blocked_boxes)
    x, y = s.center_of("#otp")
    s.click(x, y)
    wait_secure(s, True)
    s.xdo("type", "--delay", "15", OTP)
    x, y = s.center_of("#signin")
    s.click(x, y)
    wait_secure(s, False)
    s.wait(lambda: "Signed in" in s.page.inner_text("#status"), what="sign-in")
    assert s.page.evaluate("document.getElementById('password').value") == PASSWORD  # typed for real
    time.sleep(1.2)  # the next boxes/stats round
    received = "\n".join(s.raw[n0:])
    for secret in (PASSWORD, PASSWORD[:8], PASSWORD[8:], OTP):
        assert secret not in received
    assert USERNAME in received  # the username's change event was captured
    kinds = [json.loads(r).get("type") for r in s.raw[n0:]]
    assert "secure_focus" in kinds
    # keys pressed in a secure field (End above) are not reported either
    keys = [e for e in s.bridge.events_between(-1e9, 1e9) if e.kind == "keydown"]
    assert not [e for e in keys if (e.target or {}).get("id") in ("password", "otp")]


def test_non_text_keys_are_reported_with_their_target(s: Session) -> None:
    s.goto(s.app.url("/"))
    x, y = s.center_of("#q")
    s.click(x, y)
    s.xdo("type", "--delay", "15", "report")
    t = s.clock()
    s.xdo("key", "Return")
    s.wait(lambda: "Result 1 for report" in s.page.inner_text("#results"), what="search results")
    time.sleep(0.3)
    evs = s.bridge.events_between(t - 0.5, t + 2)
    enter = [e for e in evs if e.kind == "keydown" and e.detail.get("key") == "Enter"]
    assert enter and enter[0].target is not None and enter[0].target["id"] == "q"
    assert not [e for e in evs if e.kind == "keydown" and len(str(e.detail.get("key"))) == 1]
    assert [e for e in evs if e.kind == "submit"]


def test_a_page_off_the_allowlist_sends_nothing_but_not_allowed(s: Session) -> None:
    s.goto(s.app.url("/"))
    n0 = len(s.raw)
    other = s.app.url("/", host="other.localhost")
    s.page.goto(other)
    s.wait(lambda: (p := s.bridge.page_for()) is not None and p.reason == "not allowed", what="not allowed")
    for sel in ("#q", "#search-btn", "#fruit-button"):
        x, y = s.center_of(sel)
        s.click(x, y)
    s.xdo("type", "--delay", "15", "hello other")
    s.page.goto(s.app.url("/login", host="other.localhost"))  # and a password field there
    x, y = s.center_of("#password")
    s.click(x, y)
    s.xdo("type", "--delay", "15", PASSWORD)
    time.sleep(1.2)
    msgs = [json.loads(r) for r in s.raw[n0:]]
    after = msgs[next(i for i, m in enumerate(msgs) if _not_allowed(m)) :]
    # besides "not allowed": keep-alives, and the frames of the page left behind retracting
    # their boxes / secure focus (no content)
    assert after and all(_not_allowed(m) or _retraction(m) for m in after), after
    text = "\n".join(s.raw[n0:])
    assert "other.localhost" not in text and "hello other" not in text and PASSWORD not in text
    p = s.bridge.page_for()
    assert p is not None and not p.allowed and p.url == "" and not p.secure_focus
    assert not [e for e in s.bridge.events_between(-1e9, 1e9) if "other.localhost" in e.url]


def _retraction(m: dict[str, object]) -> bool:
    return (
        m["type"] == "ping"
        or (m["type"] == "boxes" and m["boxes"] == [])
        or (m["type"] == "secure_focus" and m["on"] is False)
    )


def _not_allowed(m: dict[str, object]) -> bool:
    wins = m.get("windows")
    return (
        m.get("type") == "page"
        and isinstance(wins, list)
        and all(set(w["tab"]) == {"id", "allowed", "reason"} and not w["tab"]["allowed"] for w in wins)
    )


def test_policy_hot_reload_reaches_the_extension(s: Session) -> None:
    other = s.app.url("/", host="other.localhost")
    s.goto(s.app.url("/"))
    s.page.goto(other)
    s.wait(lambda: (p := s.bridge.page_for()) is not None and not p.allowed, what="blocked")
    try:
        s.bridge.set_policy(parse_policy_toml('[[sites]]\ndomain = "other.localhost"\n', "t"))
        s.wait(lambda: (p := s.bridge.page_for()) is not None and p.url == other, what="allowed after reload")
        x, y = s.center_of("#search-btn")
        ev = joined(s, x, y, s.click(x, y))
        assert ev is not None and ev.url == other and contains(ev, x, y)
    finally:
        s.bridge.set_policy(default_policy())


def test_demotrace_browser_opens_a_paired_managed_profile(tmp_path: Path) -> None:
    """The browser first, the recorder's bridge later and on another port: they still pair."""
    exe = Path(sys.executable).with_name("demotrace")
    with xvfb([(1024, 700)]) as display:
        proc = subprocess.Popen(
            [str(exe), "browser", "about:blank", "--display", display, "--window", "0,0,1024x700", "--wait"]
        )
        bridge = BrowserBridge(default_policy(), port=0)
        try:
            time.sleep(2)
            assert proc.poll() is None, "demotrace browser exited"
            bridge.start()
            out = subprocess.run(
                [str(exe), "browser", "--pairing"], capture_output=True, text=True, check=True, timeout=30
            )
            assert json.loads(out.stdout) == {"port": bridge.port, "secret": load_pairing().secret}
            cfg = Path(os.environ["DEMOTRACE_HOME"]) / "browser-profile/demotrace-extension/config.json"
            assert json.loads(cfg.read_text())["port"] == bridge.port
            assert stat.S_IMODE(cfg.stat().st_mode) == 0o600
            deadline = time.monotonic() + 30
            while bridge.connected == 0:
                assert time.monotonic() < deadline, "the managed profile's extension never paired"
                assert proc.poll() is None, "demotrace browser exited"
                time.sleep(0.1)
            p = bridge.page_for()
            assert p is not None and not p.allowed  # about:blank is not a web page on the allowlist
        finally:
            subprocess.run(["pkill", "-P", str(proc.pid)], check=False)
            proc.terminate()
            proc.wait(10)
            bridge.stop()


def test_secure_focus_is_announced_again_after_a_service_worker_restart(s: Session) -> None:
    s.goto(s.app.url("/login"))
    x, y = s.center_of("#password")
    s.click(x, y)
    wait_secure(s, True)
    cdp = s.context.browser.new_browser_cdp_session()
    workers = [t for t in cdp.send("Target.getTargets")["targetInfos"] if t["type"] == "service_worker"]
    assert len(workers) == 1
    cdp.send("Target.closeTarget", {"targetId": workers[0]["targetId"]})
    s.wait(lambda: s.bridge.connected == 0 or not s.bridge.secure_focus_active(), what="worker stopped")
    # the content script wakes the worker, which pairs again; the focused field is announced again
    s.wait(lambda: s.bridge.connected == 1 and s.bridge.secure_focus_active(), 10, "secure focus again")
    x, y = s.center_of("#username")
    s.click(x, y)
    wait_secure(s, False)


def test_a_secure_field_in_a_cross_origin_frame_is_boxed_before_the_mouse_enters(s: Session) -> None:
    s.xdo("mousemove", 1200, 780)  # park the pointer away from the frame
    s.goto(s.app.url("/"))
    pin = s.page.frame_locator("#frame").locator("#pin")
    pin.wait_for()
    x, y = s.center_of("#pin", s.page.frame_locator("#frame"))

    def boxed() -> bool:
        p = s.bridge.page_for()
        return p is not None and any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in p.blocked_boxes)

    s.wait(boxed, 5, "the frame's PIN field among the blocked boxes")
    # scrolling the parent moves the frame: the box follows
    s.xdo("mousemove", 1200, 300)
    s.xdo("click", 5)
    s.wait(lambda: s.page.evaluate("scrollY") > 0, what="scrolled")
    s.wait(
        lambda: s.page.evaluate(
            "new Promise(r => {const y = scrollY; setTimeout(() => r(y === scrollY), 300)})"
        ),
        what="the scroll to settle",
    )
    x, y = s.center_of("#pin", s.page.frame_locator("#frame"))
    s.wait(boxed, 5, "the PIN box after scrolling")


def test_an_incognito_window_is_never_recorded(tmp_path: Path) -> None:
    from demotrace.capture.browser import launch
    from demotrace.demo.webapp import DemoWebApp

    raw: list[str] = []
    with xvfb([(1024, 700)]) as display, DemoWebApp() as app:
        bridge = BrowserBridge(default_policy(), port=0, raw_log=raw.append)
        bridge.start()
        proc = launch(
            app.url("/login"),
            load_pairing(),
            profile=tmp_path / "profile",
            window=(0, 0, 1024, 700),
            display=display,
            extra_args=["--incognito"],
        )
        try:
            deadline = time.monotonic() + 30
            while bridge.connected == 0:  # the extension runs for the regular profile
                assert time.monotonic() < deadline, "the extension never paired"
                time.sleep(0.1)
            env = {**os.environ, "DISPLAY": display}
            name = ""
            while "Sign in" not in name:
                assert time.monotonic() < deadline, f"no incognito window with the page ({name!r})"
                r = subprocess.run(["xdotool", "search", "--name", "Sign in"], env=env, capture_output=True)
                ids = r.stdout.split()
                if ids:
                    name = subprocess.run(
                        ["xdotool", "getwindowname", ids[0]], env=env, capture_output=True, text=True
                    ).stdout.strip()
                time.sleep(0.2)
            for y in range(150, 400, 40):  # click around the form and type
                subprocess.run(["xdotool", "mousemove", "300", str(y), "click", "1"], env=env, check=True)
            subprocess.run(["xdotool", "type", "--delay", "15", PASSWORD], env=env, check=True)
            time.sleep(1.5)
            p = bridge.page_for(name)
            print(f"incognito window {name!r} → {p}")
            assert p is not None and not p.allowed, p
            assert bridge.events_between(-1e9, 1e9) == []
            assert not bridge.secure_focus_active()
            text = "\n".join(raw)
            assert "demo.localhost" not in text and PASSWORD not in text
        finally:
            proc.terminate()
            proc.wait(10)
            bridge.stop()


def test_page_zoom_and_right_clicks_keep_boxes_on_the_click(s: Session) -> None:
    s.goto(s.app.url("/"))
    s.xdo("mousemove", 600, 400)
    try:
        s.xdo("key", "ctrl+plus")
        s.xdo("key", "ctrl+plus")
        s.wait(lambda: s.page.evaluate("devicePixelRatio") > 1.1, what="zoom")
        dpr = s.page.evaluate("devicePixelRatio")
        for sel in ("#search-btn", "#fruit-button", "#newsletter"):
            box = s.page.locator(sel).first.bounding_box()
            sx, sy, oh, ih = s.page.evaluate("() => [screenX, screenY, outerHeight, innerHeight]")
            x = int(sx + (box["x"] + box["width"] / 2) * dpr)
            y = int(sy + oh - ih * dpr + (box["y"] + box["height"] / 2) * dpr)
            ev = joined(s, x, y, s.click(x, y))
            assert contains(ev, x, y) and ev is not None and sel[1:] in str(ev.target), (sel, ev)
    finally:
        s.xdo("key", "ctrl+0")
        s.wait(lambda: s.page.evaluate("devicePixelRatio") == 1, what="zoom reset")
    x, y = s.center_of("#search-btn")
    ev = joined(s, x, y, s.click(x, y, button=3))
    s.xdo("key", "Escape")  # close Chromium's context menu
    assert ev is not None and ev.kind == "contextmenu" and contains(ev, x, y)
