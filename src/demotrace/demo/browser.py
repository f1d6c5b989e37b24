"""The demo's browser: Chromium with the demotrace extension in a managed profile, launched and
inspected through Playwright (element positions only); every recorded input comes from xdotool."""

from __future__ import annotations

import time
from pathlib import Path

from ..capture.browser import chromium_flags, load_pairing, prepare_profile
from ..errors import CaptureError
from .desktop import VirtualDesktop

CHROMIUM = "/usr/bin/chromium"


class DemoBrowser:
    def __init__(self, desk: VirtualDesktop, profile: Path) -> None:
        from playwright.sync_api import sync_playwright

        self.desk = desk
        self._pw = sync_playwright().start()
        ext = prepare_profile(profile, load_pairing())
        env: dict[str, str | float | bool] = dict(desk.env)
        self.ctx = self._pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=False,
            args=chromium_flags(ext, window=(0, 0, *desk.size), no_sandbox=True),
            ignore_default_args=["--disable-extensions", "--enable-automation"],
            env=env,
            no_viewport=True,
        )
        self.page = self.ctx.pages[0] if self.ctx.pages else self.ctx.new_page()

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        time.sleep(0.6)

    def point(self, selector: str) -> tuple[int, int]:
        """Screen position of the centre of `selector`, from the page's own geometry."""
        box = self.page.locator(selector).first.bounding_box()
        if box is None:
            raise CaptureError(f"demo page has no visible {selector}")
        sx, sy, ow, oh, iw, ih, dpr = self.page.evaluate(
            "() => [screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight, devicePixelRatio]"
        )
        bx = max(0.0, (ow - iw) / 2)
        ox, oy = (sx + bx) * dpr, (sy + oh - ih - bx) * dpr
        return int(ox + box["x"] + box["width"] / 2), int(oy + box["y"] + box["height"] / 2)

    def click(self, selector: str, pause: float = 0.7) -> None:
        x, y = self.point(selector)
        self.desk.xdo("mousemove", x, y)
        time.sleep(0.1)
        self.desk.xdo("click", 1)
        time.sleep(pause)

    def type(self, text: str, pause: float = 0.5) -> None:
        self.desk.xdo("type", "--delay", 40, text)
        time.sleep(pause)

    def key(self, *keys: str, pause: float = 0.5) -> None:
        self.desk.xdo("key", *keys)
        time.sleep(pause)

    def close(self) -> None:
        try:
            self.ctx.close()
        finally:
            self._pw.stop()

    def window_id(self) -> str:
        return self.desk.wait_window("chromium")
