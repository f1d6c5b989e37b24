"""The policy gate: may this window be recorded now, and which of its pixels may be kept?

Default deny. A browser window is recorded only while the extension reports that its active tab
is on an allowlisted site; without the extension's word it is blocked. Decisions are cached per
window and invalidated when the window source's generation (focus, titles, layout) or the
browser's page state changes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from ..policy import Decision, Policy
from ..schema import WindowContext
from .screen import MaskSpec
from .window import Layout


class PageSource(Protocol):
    """What the gate needs from the browser bridge (demotrace.capture.browser.BrowserBridge)."""

    def page_for(self, window_title: str | None = None) -> Any: ...

    def secure_focus_active(self) -> bool: ...

    def boxes_during(self, tab_id: int, t0: float, t1: float) -> list[Any]: ...


class Gate:
    def __init__(
        self, policy: Policy, windows: Any, browser: PageSource | None = None, a11y: Any = None
    ) -> None:
        self.policy = policy
        self.windows = windows
        self.browser = browser
        self.a11y = a11y
        """The A11ySource (capture/a11y/): desktop password fields are masked too."""
        self._cache: dict[int, tuple[int, Any, Decision, WindowContext | None]] = {}

    def set_policy(self, policy: Policy) -> None:
        self.policy = policy
        self._cache.clear()

    def decide(self, window_id: int | None) -> tuple[Decision, WindowContext | None]:
        """The decision for a top-level window and its context (with `url` for browsers)."""
        if not window_id:
            return Decision(False, "no focused window"), None
        ctx = self.windows.context(window_id)
        page = None
        if ctx is not None and self.policy.is_browser(ctx) and self.browser is not None:
            page = self.browser.page_for(ctx.title)
        key = (self.windows.generation, _page_key(page))
        hit = self._cache.get(window_id)
        if hit is not None and (hit[0], hit[1]) == key:
            return hit[2], hit[3]
        decision, ctx = self._decide(ctx, page)
        self._cache[window_id] = (key[0], key[1], decision, ctx)
        return decision, ctx

    def _decide(self, ctx: WindowContext | None, page: Any) -> tuple[Decision, WindowContext | None]:
        if ctx is None:
            return Decision(False, "window vanished"), None
        app = self.policy.app_decision(ctx)
        if not app.allowed and app.reason.startswith("denied"):
            return app, ctx
        if self.policy.is_browser(ctx):
            if page is None:
                return Decision(False, "browser without the extension's word"), ctx
            if getattr(page, "incognito", False):
                return Decision(False, "incognito window"), ctx
            ctx = replace(ctx, url=page.url)
            if not page.allowed:
                return Decision(False, page.reason or "site not on the allowlist"), ctx
            site = self.policy.site_decision(page.url)
            return site, ctx
        return app, ctx

    def secure_input(self) -> bool:
        """A secure field (password, OTP, card) has focus in the browser: drop every key."""
        return self.browser is not None and self.browser.secure_focus_active()

    def mask_for(
        self, window_id: int, layout: Layout, during: tuple[float, float] | None = None
    ) -> MaskSpec | None:
        """Keep the window's visible rectangle; cover windows above it that may not be recorded,
        and the browser's secure fields and blocked selectors: the whole element, as it is now
        and, with `during` (session seconds around a grab), wherever it was in that span."""
        rect = layout.rect_of(window_id)
        if rect is None:
            return None
        cover: list[tuple[int, int, int, int]] = []
        kinds: list[str] = []
        seen = False
        for w in layout.windows:
            if w.window_id == window_id:
                seen = True
                continue
            if seen and not self.decide(w.window_id)[0].allowed:
                cover.append(w.rect)
                kinds.append("WINDOW")
        ctx = self.windows.context(window_id)
        if ctx is not None and self.browser is not None and self.policy.is_browser(ctx):
            page = self.browser.page_for(ctx.title)
            boxes = list(getattr(page, "blocked_boxes", None) or [])
            if during is not None and page is not None and getattr(page, "allowed", False):
                boxes += self.browser.boxes_during(page.tab_id, *during)
            for b in dict.fromkeys(tuple(int(v) for v in b) for b in boxes):
                x0, y0, x1, y1 = b
                cover.append((x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4))
                kinds.append("SECURE_ELEMENT")
        if ctx is not None and self.a11y is not None:
            for x0, y0, x1, y1 in self.a11y.secure_boxes(ctx.pid):
                cover.append((x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4))
                kinds.append("SECURE_ELEMENT")
        return MaskSpec(window_id, rect, tuple(cover), tuple(kinds))


def _page_key(page: Any) -> Any:
    if page is None:
        return None
    return (page.url, page.allowed, getattr(page, "incognito", False), getattr(page, "reason", ""))
