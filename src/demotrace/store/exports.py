"""Derived exports of a service's released data, so that a deletion reaches them too.

`demotrace export DATA_DIR --out OUT` registers OUT (with its format) in `DATA_DIR/exports.json`.
Every deletion (a session, a time range, retention) marks the registered exports stale
(`exports.stale`); the service's background job then brings each one up to date in place (the
export resumes: unchanged sessions are kept, changed ones redone, deleted ones and their files
removed) and rewrites its `manifest.json`. One worker at a time does it (`exports.lock`), with
the engine the configuration names (`exports_engine`: local processes or Ray tasks), and
records each export's last refresh in `exports.status.json`.
Exports made on another machine from a copy of the data folder are not reached."""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REGISTRY = "exports.json"
STALE = "exports.stale"
LOCK = "exports.lock"
"""Held while exports are refreshed (which registers them again: that takes `REGISTRY_LOCK`)."""
REGISTRY_LOCK = "exports.json.lock"
STATUS = "exports.status.json"
"""{out: {"state": "refreshing" | "ok" | "failed", "started", "finished", "sessions", "steps",
"failed", "error"}}: the last refresh of each export (`demotrace admin exports`)."""


@contextmanager
def _locked(data_dir: Path, blocking: bool = True, name: str = LOCK) -> Iterator[bool]:
    with open(data_dir / name, "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def registered_exports(data_dir: Path) -> list[dict[str, Any]]:
    """[{"out": path, "format": fmt}] of every export made from this data folder."""
    try:
        got = json.loads((data_dir / REGISTRY).read_text())
    except (OSError, ValueError):
        return []
    if not isinstance(got, list):
        return []
    return [e for e in got if isinstance(e, dict) and "out" in e and "format" in e]


def register_export(data_dir: Path, out: Path, fmt: str) -> None:
    entry = {"out": str(out.resolve()), "format": fmt}
    with _locked(data_dir, name=REGISTRY_LOCK):
        known = registered_exports(data_dir)
        if entry in known:
            return
        tmp = data_dir / (REGISTRY + ".tmp")
        tmp.write_text(json.dumps([*known, entry], indent=1))
        os.replace(tmp, data_dir / REGISTRY)


def export_status(data_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        got = json.loads((data_dir / STATUS).read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): v for k, v in got.items() if isinstance(v, dict)} if isinstance(got, dict) else {}


def record_status(data_dir: Path, out: str, status: dict[str, Any]) -> None:
    """Set one export's refresh status (written under the registry's lock, atomically)."""
    with _locked(data_dir, name=REGISTRY_LOCK):
        known = export_status(data_dir)
        known[out] = status
        tmp = data_dir / (STATUS + ".tmp")
        tmp.write_text(json.dumps(known, indent=1, sort_keys=True))
        os.replace(tmp, data_dir / STATUS)


def mark_exports_stale(data_dir: Path) -> None:
    """A deletion happened: the registered exports must be brought up to date."""
    if registered_exports(data_dir):
        (data_dir / STALE).write_text(str(time.time()))


def exports_stale(data_dir: Path) -> bool:
    return (data_dir / STALE).exists()


@contextmanager
def claim_stale(data_dir: Path, force: bool = False) -> Iterator[bool]:
    """Held by the one worker that refreshes the exports; True when there is work. The stale mark
    is removed before the work starts, so a deletion made meanwhile marks them again. `force`
    waits for the lock and claims the work even when nothing is stale (an admin's refresh)."""
    with _locked(data_dir, blocking=force) as got:
        if not got or not (force or exports_stale(data_dir)):
            yield False
            return
        (data_dir / STALE).unlink(missing_ok=True)
        yield True
