"""Every string of a nested record through the text redactor: targets, contexts, option lists.

    fields = FieldRedactor(redactor)
    target, found = fields.tree(target, "target")   # found: [{"field": "target.control.name", "kind": …}]

Every `str` anywhere in the tree (dict values, list items, at any depth) is redacted; a string
under a key that names a URL (`url`, `href`, `src`, `action`, …) is redacted as a URL (host kept,
pieces apart, see `urls.py`). An item the redactor drops (a detector failed, a confidential term,
a sensitive topic) becomes `None`, and is listed with kind `DROPPED` (or the drop's reason). Keys
are kept as they are (they are the extension's or the recorder's vocabulary), numbers and
booleans too. Results are cached per string: a page's targets repeat from click to click.
"""

from __future__ import annotations

from typing import Any

from .engine import Redacted, TextRedactor

URL_KEYS = frozenset({"url", "href", "src", "action", "frame_url", "page_url", "origin"})
"""Keys whose string values are URLs (redacted as URLs, so that they still parse)."""

_CACHE_MAX = 4096


class FieldRedactor:
    def __init__(self, redactor: TextRedactor) -> None:
        self.redactor = redactor
        self._cache: dict[tuple[bool, str], Redacted] = {}

    def text(self, value: str, is_url: bool = False) -> Redacted:
        key = (is_url, value)
        hit = self._cache.get(key)
        if hit is None:
            hit = self.redactor.redact_url(value) if is_url else self.redactor.redact(value)
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def tree(self, value: Any, path: str) -> tuple[Any, list[dict[str, str]]]:
        """`value` with every string in it redacted (a new object), and what was found where. The
        tree's plain strings are redacted first in one batch (`TextRedactor.redact_many`)."""
        todo: dict[str, None] = {}
        self._collect(value, False, todo)
        fresh = [t for t in todo if (False, t) not in self._cache][:_CACHE_MAX]
        if len(self._cache) + len(fresh) > _CACHE_MAX:
            self._cache.clear()
        for t, r in zip(fresh, self.redactor.redact_many(fresh), strict=True):
            self._cache[(False, t)] = r
        found: list[dict[str, str]] = []
        return self._walk(value, path, False, found), found

    def _collect(self, value: Any, is_url: bool, into: dict[str, None]) -> None:
        if isinstance(value, str):
            if value and not is_url:
                into[value] = None
        elif isinstance(value, dict):
            for k, v in value.items():
                self._collect(v, str(k).lower() in URL_KEYS, into)
        elif isinstance(value, list | tuple):
            for v in value:
                self._collect(v, is_url, into)

    def _walk(self, value: Any, path: str, is_url: bool, found: list[dict[str, str]]) -> Any:
        if isinstance(value, str):
            if not value:
                return value
            r = self.text(value, is_url)
            if r.dropped or r.text is None:
                found.append({"field": path, "kind": (r.reason or "DROPPED").split(":")[0].upper()})
                return None
            found.extend({"field": path, "kind": f.kind} for f in r.findings)
            return r.text
        if isinstance(value, dict):
            return {
                k: self._walk(v, f"{path}.{k}", str(k).lower() in URL_KEYS, found) for k, v in value.items()
            }
        if isinstance(value, list | tuple):
            return [self._walk(v, f"{path}[]", is_url, found) for v in value]
        return value


__all__ = ["URL_KEYS", "FieldRedactor"]
