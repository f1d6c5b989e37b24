"""Parse and validate policy documents: TOML on disk, JSON (a dict) over the API.

Every error names the key and, for TOML, the line: a typo in a key is an error, never ignored.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from ..errors import PolicyError
from .model import AppRule, CaptureOptions, Policy, SiteRule

_TOP = {"version", "default", "pause_hotkey", "task_done_hotkey", "apps", "sites", "deny", "capture"}
_APP = {"match"}
_MATCH = {"wm_class", "exe"}
_SITE = {"domain", "block_selectors"}
_DENY = {"apps", "sites", "confidential_terms", "sensitive_topics"}
_CAPTURE = {f for f in CaptureOptions.__dataclass_fields__}
_HOTKEY = re.compile(r"^(<[a-z0-9_]+>|[a-z0-9])(\+(<[a-z0-9_]+>|[a-z0-9]))*$")


def load_policy(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PolicyError(f"policy {path}: cannot read ({e.strerror})") from None
    return parse_policy_toml(text, str(path))


def parse_policy_toml(text: str, source: str = "<policy>") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
        raise PolicyError(f"policy {source}, line {line}: TOML syntax: {msg}") from None
    return policy_from_dict(data, source, text)


def policy_from_dict(data: Any, source: str = "<policy>", text: str | None = None) -> Policy:
    v = _Validator(source, text)
    if not isinstance(data, dict):
        v.fail("", "the policy must be a table/object")
    v.keys(data, _TOP, "")
    version = data.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        v.fail("version", "must be a non-negative integer")
    default = data.get("default", "deny")
    if default != "deny":
        v.fail("default", f'must be "deny" (got {default!r}): demotrace only records an allowlist')
    hotkeys = {}
    for k in ("pause_hotkey", "task_done_hotkey"):
        hk = data.get(k, Policy.__dataclass_fields__[k].default)
        if hk is not None and (not isinstance(hk, str) or not _HOTKEY.match(hk.lower())):
            v.fail(k, f'must look like "<ctrl>+<alt>+p" (got {hk!r})')
        hotkeys[k] = hk.lower() if isinstance(hk, str) else hk

    apps = []
    for i, a in enumerate(v.list_of_tables(data, "apps")):
        v.keys(a, _APP, f"apps[{i}]")
        m = a.get("match")
        if not isinstance(m, dict) or not m:
            v.fail(f"apps[{i}].match", "must be a table with wm_class and/or exe")
        v.keys(m, _MATCH, f"apps[{i}].match")
        for k in m:
            v.nonempty_str(m[k], f"apps[{i}].match.{k}")
        apps.append(AppRule(wm_class=m.get("wm_class"), exe=m.get("exe")))

    sites = []
    for i, s in enumerate(v.list_of_tables(data, "sites")):
        v.keys(s, _SITE, f"sites[{i}]")
        if "domain" not in s:
            v.fail(f"sites[{i}]", "missing key 'domain'")
        dom = v.nonempty_str(s["domain"], f"sites[{i}].domain")
        if "/" in dom or ":" in dom or " " in dom:
            v.fail(f"sites[{i}].domain", f'must be a host name like "*.example.org" (got {dom!r})')
        sel = v.str_list(s.get("block_selectors", []), f"sites[{i}].block_selectors")
        sites.append(SiteRule(domain=dom.lower(), block_selectors=tuple(sel)))

    deny = data.get("deny", {})
    if not isinstance(deny, dict):
        v.fail("deny", "must be a table")
    v.keys(deny, _DENY, "deny")
    cap = data.get("capture", {})
    if not isinstance(cap, dict):
        v.fail("capture", "must be a table")
    v.keys(cap, _CAPTURE, "capture")
    defaults = CaptureOptions()
    for k, val in cap.items():
        want = type(getattr(defaults, k))
        ok = isinstance(val, want) and not (want is int and isinstance(val, bool))
        if want is float and isinstance(val, int) and not isinstance(val, bool):
            ok = True
        if not ok:
            v.fail(f"capture.{k}", f"must be {want.__name__} (got {val!r})")
    if cap.get("frame_format", "webp") not in ("webp", "jpeg", "png"):
        v.fail("capture.frame_format", "must be webp, jpeg or png")
    return Policy(
        version=version,
        default=default,
        pause_hotkey=hotkeys["pause_hotkey"] or "<ctrl>+<alt>+p",
        task_done_hotkey=hotkeys["task_done_hotkey"],
        apps=tuple(apps),
        sites=tuple(sites),
        deny_apps=tuple(v.str_list(deny.get("apps", []), "deny.apps")),
        deny_sites=tuple(v.str_list(deny.get("sites", []), "deny.sites")),
        confidential_terms=tuple(v.str_list(deny.get("confidential_terms", []), "deny.confidential_terms")),
        sensitive_topics=tuple(v.str_list(deny.get("sensitive_topics", []), "deny.sensitive_topics")),
        capture=CaptureOptions(**_coerce(cap, defaults)),
        source=source,
    )


def _coerce(cap: dict[str, Any], defaults: CaptureOptions) -> dict[str, Any]:
    return {k: (float(x) if isinstance(getattr(defaults, k), float) else x) for k, x in cap.items()}


class _Validator:
    def __init__(self, source: str, text: str | None) -> None:
        self.source = source
        self.text = text

    def fail(self, key: str, msg: str) -> NoReturn:
        line = self._line_of(key)
        where = f"{self.source}" + (f", line {line}" if line else "")
        raise PolicyError(f"policy {where}: {key or 'document'}: {msg}" if key else f"policy {where}: {msg}")

    def keys(self, d: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for k in d:
            if k not in allowed:
                name = f"{prefix}.{k}" if prefix else k
                hint = ", ".join(sorted(allowed))
                self.fail(name, f"unknown key (allowed here: {hint})")

    def list_of_tables(self, d: dict[str, Any], key: str) -> list[dict[str, Any]]:
        val = d.get(key, [])
        if not isinstance(val, list) or not all(isinstance(x, dict) for x in val):
            self.fail(key, f"must be an array of tables ([[{key}]])")
        return val

    def nonempty_str(self, val: Any, key: str) -> str:
        if not isinstance(val, str) or not val.strip():
            self.fail(key, f"must be a non-empty string (got {val!r})")
        return val

    def str_list(self, val: Any, key: str) -> list[str]:
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            self.fail(key, "must be a list of non-empty strings")
        return val

    def _line_of(self, key: str) -> int | None:
        """Best-effort line of `key` in the TOML text: the last path component as a key."""
        if not self.text or not key:
            return None
        leaf = re.sub(r"\[\d+\]", "", key).split(".")[-1]
        head = key.split(".")[0].split("[")[0]
        idx = re.findall(r"\[(\d+)\]", key)
        lines = self.text.splitlines()
        start = 0
        if idx and head in ("apps", "sites"):
            # find the (n+1)-th [[head]] header
            n = int(idx[0])
            seen = -1
            for i, ln in enumerate(lines):
                if ln.strip().startswith(f"[[{head}]]"):
                    seen += 1
                    if seen == n:
                        start = i
                        break
        elif head in ("deny", "capture") and "." in key:
            for i, ln in enumerate(lines):
                if ln.strip().startswith(f"[{head}]"):
                    start = i
                    break
        pat = re.compile(rf"^\s*(\"?{re.escape(leaf)}\"?)\s*=|[{{,]\s*{re.escape(leaf)}\s*=")
        for i in range(start, len(lines)):
            if pat.search(lines[i]):
                return i + 1
        return start + 1 if start else None
