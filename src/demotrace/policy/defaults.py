"""The embedded default policy: the mission's first list of sites, a terminal and a few X apps."""

from __future__ import annotations

from .loader import parse_policy_toml
from .model import Policy

DEFAULT_POLICY_TOML = """\
version = 1
default = "deny"
pause_hotkey = "<ctrl>+<alt>+p"
task_done_hotkey = "<ctrl>+<alt>+d"

[[apps]]
match = { wm_class = "xterm" }

[[apps]]
match = { wm_class = "xcalc" }

[[apps]]
match = { wm_class = "galculator" }

[[apps]]
match = { wm_class = "xedit" }

[[sites]]
domain = "*.google.com"
[[sites]]
domain = "*.linkedin.com"
[[sites]]
domain = "*.wikipedia.org"
[[sites]]
domain = "github.com"
block_selectors = [".js-notification-shelf"]
[[sites]]
domain = "*.slack.com"
[[sites]]
domain = "*.atlassian.net"
[[sites]]
domain = "*.threads.net"
[[sites]]
domain = "*.manus.im"
[[sites]]
domain = "demo.localhost"

[deny]
apps = ["keepassxc", "1password", "bitwarden"]
confidential_terms = ["Project Nightingale"]
sensitive_topics = ["health", "immigration", "family"]

[capture]
video = true
video_fps = 1.0
"""


def default_policy() -> Policy:
    return parse_policy_toml(DEFAULT_POLICY_TOML, "<embedded default policy>")
