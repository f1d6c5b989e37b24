"""The policy document (DESIGN.md, "Policy") as typed data, and the matching rules.

Matching: `wm_class` / `exe` match either part of WM_CLASS (instance or class) — or the executable
name for `exe` — case-insensitively, as a whole name or a `*` glob (`xterm` matches `XTerm`, never
`secretterm`). `domain` matches the URL's host case-insensitively; `*.example.org` matches
`example.org` and every subdomain; the port is ignored. Deny always wins. Unknown → deny.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..schema import WindowContext

BROWSER_CLASSES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "chrome",
    "brave-browser",
    "microsoft-edge",
)


@dataclass(frozen=True, slots=True)
class AppRule:
    wm_class: str | None = None
    exe: str | None = None

    def matches(self, w: WindowContext) -> bool:
        if self.wm_class is not None and _name_match(self.wm_class, (w.wm_instance, w.wm_class)):
            return True
        return self.exe is not None and _name_match(self.exe, (w.exe, w.wm_instance, w.wm_class))


@dataclass(frozen=True, slots=True)
class SiteRule:
    domain: str
    block_selectors: tuple[str, ...] = ()

    def matches_host(self, host: str) -> bool:
        return domain_match(self.domain, host)


@dataclass(frozen=True, slots=True)
class CaptureOptions:
    video: bool = True
    video_fps: float = 1.0
    frames: bool = True
    frame_format: str = "webp"
    frame_quality: int = 60
    quota_mb: int = 2048
    hover_moves: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: str
    """Human words: "allowlisted app xterm", "not on the allowlist: xeyes", "denied app keepassxc", …"""


@dataclass(frozen=True, slots=True)
class Policy:
    version: int = 0
    default: str = "deny"
    pause_hotkey: str = "<ctrl>+<alt>+p"
    task_done_hotkey: str | None = "<ctrl>+<alt>+d"
    apps: tuple[AppRule, ...] = ()
    sites: tuple[SiteRule, ...] = ()
    deny_apps: tuple[str, ...] = ()
    deny_sites: tuple[str, ...] = ()
    confidential_terms: tuple[str, ...] = ()
    sensitive_topics: tuple[str, ...] = ()
    capture: CaptureOptions = field(default_factory=CaptureOptions)
    source: str = "<defaults>"

    # -- decisions ------------------------------------------------------------------------------
    def app_decision(self, w: WindowContext | None) -> Decision:
        """For a focused top-level window. Browsers are decided per site by `site_decision`."""
        if w is None:
            return Decision(False, "no focused window")
        label = w.wm_instance or w.wm_class or w.exe or f"window {w.window_id:#x}"
        for name in self.deny_apps:
            if _name_match(name, (w.wm_instance, w.wm_class, w.exe)):
                return Decision(False, f"denied app {label}")
        for rule in self.apps:
            if rule.matches(w):
                return Decision(True, f"allowlisted app {label}")
        return Decision(False, f"not on the allowlist: {label}")

    def site_decision(self, url: str | None) -> Decision:
        if not url:
            return Decision(False, "browser page unknown (no word from the extension)")
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            return Decision(False, "unparsable URL")
        if parts.scheme not in ("http", "https") or not host:
            return Decision(False, f"not a web page ({parts.scheme or 'no'} scheme)")
        for d in self.deny_sites:
            if domain_match(d, host):
                return Decision(False, f"denied site {host}")
        for s in self.sites:
            if s.matches_host(host):
                return Decision(True, f"allowlisted site {host}")
        return Decision(False, f"site not on the allowlist: {host}")

    def host_allowed(self, host: str) -> bool:
        """An allowlisted (and not denied) web host: its name, even an IP address, is not PII."""
        host = host.lower()
        if any(domain_match(d, host) for d in self.deny_sites):
            return False
        return any(s.matches_host(host) for s in self.sites)

    def site_rule(self, url: str) -> SiteRule | None:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        return next((s for s in self.sites if s.matches_host(host)), None)

    def is_browser(self, w: WindowContext | None) -> bool:
        return w is not None and (w.app in BROWSER_CLASSES or w.wm_class.lower() in BROWSER_CLASSES)

    # -- wire form ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "version": self.version,
            "default": self.default,
            "pause_hotkey": self.pause_hotkey,
            "apps": [
                {"match": {k: v for k, v in (("wm_class", a.wm_class), ("exe", a.exe)) if v}}
                for a in self.apps
            ],
            "sites": [
                {
                    "domain": s.domain,
                    **({"block_selectors": list(s.block_selectors)} if s.block_selectors else {}),
                }
                for s in self.sites
            ],
            "deny": {
                "apps": list(self.deny_apps),
                "sites": list(self.deny_sites),
                "confidential_terms": list(self.confidential_terms),
                "sensitive_topics": list(self.sensitive_topics),
            },
            "capture": {
                "video": self.capture.video,
                "video_fps": self.capture.video_fps,
                "frames": self.capture.frames,
                "frame_format": self.capture.frame_format,
                "frame_quality": self.capture.frame_quality,
                "quota_mb": self.capture.quota_mb,
                "hover_moves": self.capture.hover_moves,
            },
        }
        if self.task_done_hotkey:
            d["task_done_hotkey"] = self.task_done_hotkey
        return d


def _name_match(pattern: str, names: tuple[str, ...]) -> bool:
    p = pattern.lower()
    for n in names:
        if not n:
            continue
        n = n.lower()
        if n == p or (("*" in p or "?" in p) and fnmatch.fnmatchcase(n, p)):
            return True
    return False


def domain_match(pattern: str, host: str) -> bool:
    p = pattern.lower().strip(".")
    host = host.lower().strip(".")
    if p.startswith("*."):
        base = p[2:]
        return host == base or host.endswith("." + base)
    return host == p
