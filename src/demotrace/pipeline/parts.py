"""An export's per-session state on disk, written by whoever exported the session (the driver
for bundles it read, the task itself for sessions read from a service's store) and checked by
the driver before a resumed export skips the session.

`.demotrace-export/<format>/sessions/<name>.state` (JSON) holds the session's fingerprint, the
files it wrote with their sizes, the sha256 of its JSON lines (`parts/<name>.lines`), its
statistics and its error. Every file is written under a temporary name and renamed into place,
the state last: a writer killed at any point leaves either the previous state (the session is
redone) or a complete one. A session is skipped only when its state is complete, its
fingerprint matches and its part and files are still there as written (`verified`)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

STATE = ".demotrace-export"
MARKER = ".state"
PART = ".lines"
_TMP = re.compile(r"^\..+\.[0-9a-f]{32}\.tmp$")


def read_marker(state: Path, name: str) -> dict[str, Any] | None:
    try:
        obj = json.loads((state / "sessions" / f"{name}{MARKER}").read_text())
    except (OSError, ValueError):
        return None
    return obj if isinstance(obj, dict) else None


def write_part(
    out: Path,
    state: Path,
    name: str,
    files: list[tuple[str, bytes]],
    lines: list[bytes],
    stats: dict[str, Any] | None,
    error: str | None,
    fingerprint: str,
) -> None:
    """Write one session's output and then its state (see the module's note)."""
    old = read_marker(state, name) or {}
    new_files = [rel for rel, _ in files]
    for rel in set(old.get("files", [])) - set(new_files):
        (out / rel).unlink(missing_ok=True)
    sizes = {}
    for rel, data in files:
        atomic_write(out / rel, data)
        sizes[rel] = len(data)
    part = state / "parts" / f"{name}{PART}"
    part_sha = None
    if error is None:
        blob = b"".join(line + b"\n" for line in lines)
        atomic_write(part, blob)
        part_sha = hashlib.sha256(blob).hexdigest()
    else:
        part.unlink(missing_ok=True)
    marker = {
        "fingerprint": fingerprint,
        "files": new_files,
        "sizes": sizes,
        "part_sha256": part_sha,
        "stats": stats,
        "error": error,
    }
    atomic_write(state / "sessions" / f"{name}{MARKER}", json.dumps(marker, sort_keys=True).encode())


def verified(out: Path, state: Path, name: str, fingerprint: str) -> dict[str, Any] | None:
    """The session's statistics when its state says it was exported from the same input (same
    fingerprint, no error) and its part and files are still as written; None: redo it."""
    m = read_marker(state, name)
    if not m or m.get("fingerprint") != fingerprint or m.get("error") is not None:
        return None
    sizes = m.get("sizes")
    if not isinstance(sizes, dict) or not isinstance(m.get("stats"), dict):
        return None  # written by an earlier version that recorded neither: redo
    for rel, size in sizes.items():
        try:
            if (out / rel).stat().st_size != size:
                return None
        except OSError:
            return None
    try:
        part = (state / "parts" / f"{name}{PART}").read_bytes()
    except OSError:
        return None
    if hashlib.sha256(part).hexdigest() != m.get("part_sha256"):
        return None
    stats: dict[str, Any] = m["stats"]
    return stats


def sweep_temporaries(out: Path) -> None:
    """Remove what writers killed mid-write left (`.<name>.<32 hex>.tmp`)."""
    for p in out.rglob(".*.tmp"):
        if _TMP.match(p.name) and p.is_file():
            p.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes) -> None:
    """Write under a temporary name of this writer's own, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
