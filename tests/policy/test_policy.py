"""Policy matching (DESIGN.md "Policy") and validation."""

from __future__ import annotations

import pytest

from demotrace.errors import PolicyError
from demotrace.policy import DEFAULT_POLICY_TOML, default_policy, parse_policy_toml, policy_from_dict
from demotrace.schema import WindowContext


def w(instance: str = "", cls: str = "", exe: str = "") -> WindowContext:
    return WindowContext(wm_instance=instance, wm_class=cls, exe=exe)


POL = parse_policy_toml(
    """
version = 7
[[apps]]
match = { wm_class = "xterm" }
[[apps]]
match = { exe = "gnome-*" }
[[sites]]
domain = "*.wikipedia.org"
[[sites]]
domain = "github.com"
block_selectors = [".js-notification-shelf"]
[deny]
apps = ["keepassxc"]
sites = ["gist.github.com"]
"""
)


@pytest.mark.parametrize(
    ("window", "allowed"),
    [
        (w("xterm", "XTerm"), True),
        (w("", "XTERM"), True),
        (w("secretterm", "Secretterm"), False),
        (w("xterm2", "XTerm2"), False),
        (w("gedit", "Gedit", exe="gnome-text-editor"), True),
        (w("keepassxc", "KeePassXC", exe="keepassxc"), False),
        (w("", "", ""), False),
    ],
)
def test_app_matching(window: WindowContext, allowed: bool) -> None:
    assert POL.app_decision(window).allowed is allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://en.wikipedia.org/wiki/X", True),
        ("https://wikipedia.org/", True),
        ("https://EN.Wikipedia.ORG:8443/x", True),
        ("https://wikipedia.org.evil.com/", False),
        ("https://notwikipedia.org/", False),
        ("https://github.com/a/b", True),
        ("https://api.github.com/", False),
        ("https://gist.github.com/", False),
        ("file:///etc/passwd", False),
        ("", False),
        (None, False),
    ],
)
def test_site_matching(url: str | None, allowed: bool) -> None:
    assert POL.site_decision(url).allowed is allowed


def test_denied_app_wins_over_allowlist() -> None:
    p = parse_policy_toml('[[apps]]\nmatch = { wm_class = "keepassxc" }\n[deny]\napps = ["keepassxc"]\n')
    d = p.app_decision(w("keepassxc", "KeePassXC"))
    assert not d.allowed and d.reason.startswith("denied")


def test_default_policy_loads_and_roundtrips_as_json() -> None:
    p = default_policy()
    assert p.version >= 1 and p.sites and p.apps
    again = policy_from_dict(p.to_dict())
    assert again.to_dict() == p.to_dict()
    assert "Project Nightingale" in DEFAULT_POLICY_TOML


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"version": -1}, "version"),
        ({"default": "allow"}, "default"),
        ({"apps": [{"match": {}}]}, "apps[0].match"),
        ({"apps": [{"match": {"wm_class": "x"}, "extra": 1}]}, "apps[0].extra"),
        ({"sites": [{"domain": ""}]}, "sites[0].domain"),
        ({"sites": [{}]}, "sites[0]"),
        ({"deny": {"apps": "keepassxc"}}, "deny.apps"),
        ({"capture": {"video_fps": "1"}}, "capture.video_fps"),
        ({"pause_hotkey": "ctrl alt p"}, "pause_hotkey"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_bad_documents_name_the_key(doc: dict, needle: str) -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_dict(doc, "api")
    assert needle in str(e.value)
    assert "\n" not in str(e.value)
