"""Editing the policy document from the console: bulk import of sites (CSV or a list of
domains), list edits, and the diff between two versions (what was added and removed where)."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from sqlalchemy import select

from ..store import ServiceData
from ..store.models import PolicyVersion

DOMAIN = re.compile(r"(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")
MAX_BULK = 10000


def parse_domains(text: str) -> tuple[list[str], list[str]]:
    """Domains from a CSV whose header names a `domain` column, or a plain list (one per line, or
    separated by commas, semicolons or spaces). Returns (valid domains, rejected entries)."""
    text = text.strip()
    cells: list[str] = []
    header = [h.strip().lower() for h in next(csv.reader(io.StringIO(text)), [])]
    if "domain" in header:
        rows = list(csv.reader(io.StringIO(text)))[1:]
        col = header.index("domain")
        cells = [r[col] for r in rows if len(r) > col]
    else:
        cells = re.split(r"[\s,;]+", text)
    good: list[str] = []
    bad: list[str] = []
    for c in cells[:MAX_BULK]:
        d = c.strip().lower().removeprefix("https://").removeprefix("http://").split("/", 1)[0]
        if not d:
            continue
        (good if DOMAIN.fullmatch(d) else bad).append(d if DOMAIN.fullmatch(d) else c.strip()[:80])
    return list(dict.fromkeys(good)), bad


def lines(text: str) -> list[str]:
    return list(dict.fromkeys(x.strip() for x in text.splitlines() if x.strip()))


def app_rule(line: str) -> dict[str, Any]:
    """`NAME` → matched by WM_CLASS; `exe:NAME` → by the executable's name."""
    kind, _, name = line.partition(":")
    if name and kind.strip().lower() == "exe":
        return {"match": {"exe": name.strip()}}
    return {"match": {"wm_class": line.strip()}}


def app_line(rule: dict[str, Any]) -> str:
    m = rule.get("match", {})
    return str(m["wm_class"]) if m.get("wm_class") else f"exe:{m.get('exe', '')}"


def with_sites(
    doc: dict[str, Any], add: list[str] | None = None, remove: list[str] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(doc))
    have = {s["domain"] for s in out.get("sites", [])}
    gone = set(remove or [])
    out["sites"] = [s for s in out.get("sites", []) if s["domain"] not in gone]
    out["sites"] += [{"domain": d} for d in (add or []) if d not in have and d not in gone]
    return out


def _names(doc: dict[str, Any]) -> dict[str, set[str]]:
    deny = doc.get("deny", {})
    return {
        "sites": {s.get("domain", "") for s in doc.get("sites", [])},
        "apps": {json.dumps(a.get("match", {}), sort_keys=True) for a in doc.get("apps", [])},
        "deny apps": set(deny.get("apps", [])),
        "deny sites": set(deny.get("sites", [])),
        "confidential terms": set(deny.get("confidential_terms", [])),
        "sensitive topics": set(deny.get("sensitive_topics", [])),
    }


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Per section: what the newer document added and removed."""
    a, b = _names(old), _names(new)
    out = []
    for k in a:
        added, removed = sorted(b[k] - a[k]), sorted(a[k] - b[k])
        if added or removed:
            out.append({"section": k, "added": added, "removed": removed})
    return out


def versions(data: ServiceData) -> list[PolicyVersion]:
    with data.db.read() as s:
        return list(s.execute(select(PolicyVersion).order_by(PolicyVersion.version.desc())).scalars())


def document_of(data: ServiceData, version: int) -> dict[str, Any] | None:
    with data.db.read() as s:
        row = s.get(PolicyVersion, version)
        return json.loads(row.document) if row is not None else None
