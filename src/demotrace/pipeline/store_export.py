"""Exporting a service's released sessions straight from its blob store (`demotrace export
DATA_DIR`, both engines): the driver only plans (the released session ids from the database and
a fingerprint of each session from the store's listing, no blob read) and merges what the tasks
report into the JSON-lines file, the report and `manifest.json`.

Each task (`export_stored_session`, one session) reads its session's blobs from the store
itself — the folder in place for a local store, a temporary copy for S3 or another fsspec store,
removed afterwards — renders it and writes its files, its JSON lines and then its state into
`--out` (parts.py), returning only its statistics. With `--engine ray` a task whose worker dies
is run again on another (`RETRIES`); a session whose task died every time is reported failed and
redone by the next run, while the sessions whose state was written and verifies are not.
Ray nodes need what the task opens: the blob store (the AWS environment for S3, the folder for a
local store) and `--out` on a filesystem they share with the driver."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .config import PipelineConfig
from .parts import STATE, write_part
from .worker import Job, process_session

RETRIES = 3
"""How often Ray runs a session's task again after its worker died."""


@dataclass(slots=True, frozen=True)
class StoreJob:
    blobs_url: str
    session_id: str
    fingerprint: str
    fmt: str
    config: PipelineConfig
    key: bytes | None
    out: str


@dataclass(slots=True)
class PartDone:
    name: str
    stats: dict[str, Any] | None = None
    error: str | None = None


@dataclass(slots=True)
class StorePlan:
    blobs_url: str
    sessions: list[tuple[str, str]]
    """(session id, fingerprint of its stored blobs), sorted by id (= time)."""


def plan_store(
    src: Path, fmt: str, config: PipelineConfig, key: bytes | None, allow_empty: bool
) -> StorePlan:
    """The released sessions of the service whose data folder is `src`, each fingerprinted by
    its blobs' names, sizes and versions (a range deletion rewrites them) with the format, the
    pipeline configuration and the key."""
    from ..store import ServiceData, released_session_ids

    data = ServiceData.open(src)
    try:
        ids = released_session_ids(data)
        if not ids and not allow_empty:
            raise UsageError(f"{src}: the service holds no released session yet")
        kid = hashlib.sha256(key).hexdigest()[:12] if key else "-"
        sessions = []
        for sid in ids:
            h = hashlib.sha256(f"{fmt}\x00{config.fingerprint()}\x00{kid}\x00{sid}".encode())
            for rel, size, version in data.blobs.versions(f"released/{sid}"):
                h.update(f"{rel}\x00{size}\x00{version}\n".encode())
            sessions.append((sid, h.hexdigest()))
        return StorePlan(data.config.blobs_url, sessions)
    finally:
        data.close()


def export_stored_session(job: StoreJob) -> PartDone:
    """One session: read from the store, rendered, written into `job.out` with its state."""
    from ..store.blobs import BlobStore

    out = Path(job.out)
    prefix = f"released/{job.session_id}"
    with tempfile.TemporaryDirectory(prefix="demotrace-export-") as tmp:
        try:
            store = BlobStore(job.blobs_url)
            if store.local:
                root = Path(store.root) / prefix
            else:
                root = Path(tmp) / job.session_id
                root.mkdir()
                store.fetch(prefix, root)
        except Exception as e:  # the store is unreachable: no state written, the next run redoes it
            return PartDone(
                job.session_id, error=f"could not read it from the store: {type(e).__name__}: {e}"
            )
        res = process_session(Job(str(root), job.key, job.fmt, job.config))
    state = out / STATE / job.fmt
    write_part(out, state, job.session_id, res.files, res.lines, res.stats, res.error, job.fingerprint)
    return PartDone(job.session_id, res.stats, res.error)


def lost(job: StoreJob, e: BaseException) -> PartDone:
    """What a session whose task never finished (its worker died every time) reports."""
    return PartDone(
        job.session_id, error=f"its task did not finish ({type(e).__name__}); the next run redoes it"
    )
