"""The demo's scripted work, as a person would do it, with xdotool: a terminal, a calculator (GTK),
a terminal that is NOT on the allowlist, then the bundled web app in Chromium (search, dropdowns,
a login with a password and a one-time code, a long page, an SPA, a page off the allowlist).
Returns how many inputs went where the policy forbids recording (they must not be kept).

`task(text)` names the task about to start (`demotrace task start`), `task(None)` marks it done:
most of the work is named, the last web pages are left unnamed so the dataset shows a drafted
instruction too."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .desktop import VirtualDesktop

Task = Callable[[str | None], None]


def _no_task(text: str | None) -> None:
    return None


def desktop_work(desk: VirtualDesktop, task: Task = _no_task) -> int:
    desk.spawn("xterm", "-geometry", "90x24+0+0", "-fa", "DejaVu Sans Mono", "-fs", "11")
    term = desk.wait_window("xterm")
    desk.spawn("galculator")  # GTK 3: its buttons are accessibles, so clicks get targets
    calc = desk.wait_window("galculator")
    desk.xdo("windowmove", calc, 780, 40)
    desk.spawn("xterm", "-name", "secretterm", "-class", "Secretterm", "-geometry", "50x8+760+420")
    secret = desk.wait_window("secretterm")
    time.sleep(0.5)

    desk.focus(term)
    task("In the terminal, list /usr/share and count to 40")
    desk.xdo("mousemove", 200, 150, "click", 1)
    time.sleep(0.6)
    for cmd in ("ls -la /usr/share | head -20", "echo mail me at jane.doe@example.com", "seq 1 40"):
        desk.xdo("type", "--delay", 35, cmd)
        time.sleep(0.25)  # a person reads the line before pressing Enter (its before frame shows it)
        desk.xdo("key", "Return")
        time.sleep(0.8)
    desk.xdo("mousemove", 300, 200, "click", "--repeat", 2, "--delay", 90, 1)
    time.sleep(0.8)
    desk.xdo("click", "--repeat", 4, "--delay", 50, 4)
    time.sleep(0.8)
    desk.xdo("mousemove", 40, 60, "mousedown", 1, "mousemove", 200, 90, "mousemove", 380, 120, "mouseup", 1)
    time.sleep(0.8)
    desk.xdo("key", "ctrl+l")
    time.sleep(0.6)

    task(None)
    desk.focus(calc)
    task("Do a sum in the calculator")
    g = desk.xdo("getwindowgeometry", calc)
    x0, y0 = 780, 40
    for line in g.splitlines():
        if "Position" in line:
            x0, y0 = (int(v) for v in line.split()[1].split(","))
    # galculator's basic mode (331x343): 7, +, 8, =, then C
    for dx, dy in ((35, 200), (230, 320), (100, 200), (295, 300), (185, 113)):
        desk.xdo("mousemove", x0 + dx, y0 + dy, "click", 1)
        time.sleep(0.7)

    task(None)
    desk.focus(secret)
    desk.xdo("type", "--delay", 35, "not-allowlisted: s3cr3t-pass")
    desk.xdo("key", "Return")
    time.sleep(0.8)
    return len("not-allowlisted: s3cr3t-pass") + 1


def browser_work(desk: VirtualDesktop, b: Any, app: Any, task: Task = _no_task) -> int:
    wid = b.window_id()
    desk.focus(wid)
    task("Search the demo site for the weather in Lisbon, then pick a country and a fruit")
    b.goto(app.url("/"))
    b.click("#q")
    b.type("weather in lisbon")
    b.key("Return")
    b.click("#country", pause=0.9)  # native <select>: the popup lies outside the DOM
    b.key("Down", pause=0.3)
    b.key("Down", pause=0.3)
    b.key("Return", pause=0.8)
    b.click("#fruit-button")
    b.click("#fruit-banana")
    task("Sign in to the demo site with the demo account")
    b.goto(app.url("/login"))
    b.click("#username")
    b.type("alice.demo")
    b.click("#password")
    b.type("hunter2-Secret!")
    b.click("#toggle")
    b.click("#otp")
    b.type("493817")
    b.click("#signin", pause=1.0)
    task(None)  # the rest is not named: its instruction is drafted from the steps
    b.goto(app.url("/long"))
    desk.xdo("mousemove", 600, 450)
    desk.xdo("click", "--repeat", 8, "--delay", 60, 5)
    time.sleep(0.8)
    desk.xdo("click", "--repeat", 3, "--delay", 60, 4)
    time.sleep(0.8)
    b.goto(app.url("/app/inbox"))
    b.click("#spa-settings")
    b.click("#spa-inbox")
    b.goto(app.url("/", host="other.localhost"))
    b.click("#q")
    b.type("off the allowlist")
    b.key("Return", pause=1.0)
    return len("off the allowlist") + 2
