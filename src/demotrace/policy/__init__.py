"""The recording policy: what may be recorded (DESIGN.md, "Policy"). Pure: no capture imports."""

from .defaults import DEFAULT_POLICY_TOML, default_policy
from .loader import load_policy, parse_policy_toml, policy_from_dict
from .model import AppRule, CaptureOptions, Decision, Policy, SiteRule, domain_match

__all__ = [
    "DEFAULT_POLICY_TOML",
    "AppRule",
    "CaptureOptions",
    "Decision",
    "Policy",
    "SiteRule",
    "default_policy",
    "domain_match",
    "load_policy",
    "parse_policy_toml",
    "policy_from_dict",
]
