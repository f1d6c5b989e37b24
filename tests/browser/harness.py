"""A real browser session for the extension's tests and benchmark: Xvfb, the demo web app, a bridge
and Chromium (launched and inspected with Playwright; input comes from xdotool)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from demotrace.capture.browser import BrowserBridge, chromium_flags, load_pairing, prepare_profile
from demotrace.demo.webapp import DemoWebApp
from demotrace.policy import Policy, default_policy
from tests.xvfb import xvfb

CHROMIUM = "/usr/bin/chromium"
SCREEN = (1280, 800)


@dataclass
class Session:
    display: str
    app: DemoWebApp
    bridge: BrowserBridge
    context: Any  # playwright BrowserContext
    page: Any  # playwright Page
    raw: list[str]
    clock: Callable[[], float]

    def xdo(self, *args: object) -> None:
        subprocess.run(
            ["xdotool", *map(str, args)], env={**os.environ, "DISPLAY": self.display}, check=True, timeout=20
        )

    def click(self, x: int, y: int, button: int = 1) -> float:
        """A real X click at screen (x, y); returns its session time (between move and click)."""
        self.xdo("mousemove", x, y)
        time.sleep(0.05)
        t = self.clock()
        self.xdo("click", button)
        return t

    def viewport_origin(self) -> tuple[float, float]:
        """The page viewport's top-left in screen px, measured independently of the extension
        (window geometry from the page: the chrome is above the viewport, borders at the sides)."""
        g = self.page.evaluate(
            "() => [screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight, devicePixelRatio]"
        )
        sx, sy, ow, oh, iw, ih, dpr = g
        bx = max(0.0, (ow - iw) / 2)
        return (sx + bx) * dpr, (sy + oh - ih - bx) * dpr

    def center_of(self, selector: str, frame: Any = None) -> tuple[int, int]:
        loc = (frame or self.page).locator(selector).first
        box = loc.bounding_box()  # CSS px relative to the main frame's viewport
        assert box is not None, f"{selector} is not visible"
        ox, oy = self.viewport_origin()
        return int(ox + box["x"] + box["width"] / 2), int(oy + box["y"] + box["height"] / 2)

    def wait(self, pred: Callable[[], object], timeout: float = 10.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if pred():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.wait(lambda: (p := self.bridge.page_for()) is not None and p.url == url, what=f"page {url}")


@contextmanager
def browser_session(
    tmp: Path, policy: Policy | None = None, screen: tuple[int, int] = SCREEN
) -> Iterator[Session]:
    from playwright.sync_api import sync_playwright

    t0 = time.monotonic()

    def clock() -> float:
        return time.monotonic() - t0

    raw: list[str] = []
    with xvfb([screen]) as display, DemoWebApp() as app:
        bridge = BrowserBridge(policy or default_policy(), clock, port=0, raw_log=raw.append)
        bridge.start()
        try:
            ext = prepare_profile(tmp / "profile", load_pairing())
            with sync_playwright() as pw:
                ctx = pw.chromium.launch_persistent_context(
                    str(tmp / "profile"),
                    executable_path=CHROMIUM,
                    headless=False,
                    args=chromium_flags(ext, window=(0, 0, *screen), no_sandbox=True),
                    ignore_default_args=["--disable-extensions", "--enable-automation"],
                    env={**os.environ, "DISPLAY": display},
                    no_viewport=True,
                )
                try:
                    page = ctx.pages[0] if ctx.pages else ctx.new_page()
                    s = Session(display, app, bridge, ctx, page, raw, clock)
                    s.wait(lambda: bridge.connected > 0, 20, "the extension to pair")
                    yield s
                finally:
                    ctx.close()
        finally:
            bridge.stop()
