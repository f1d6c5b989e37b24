"""What the pipeline reads from a service data folder: released sessions only, as plain bundle
folders (`BundleReader(path, None)`), and `audit_event` to log every export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from . import audit
from .data import ServiceData
from .lifecycle import id_hash
from .models import Session


def _hash_sessions(detail: dict[str, Any]) -> dict[str, Any]:
    out = dict(detail)
    if isinstance(out.get("session"), str):
        out["session_hash"] = id_hash(out.pop("session"))
    if isinstance(out.get("sessions"), list):
        out["session_hashes"] = [id_hash(str(x)) for x in out.pop("sessions")]
    return out


def released_session_ids(data: ServiceData) -> list[str]:
    with data.db.read() as s:
        return list(
            s.execute(select(Session.id).where(Session.state == "released").order_by(Session.id)).scalars()
        )


def released_bundle_dirs(data_dir: Path) -> list[Path]:
    """Every released session of the service whose data folder is `data_dir`, as a local plain
    bundle folder named by the session id, sorted by id (= time). Quarantined, failed and
    deleted sessions are never listed. With a remote blob store the folders are copies under
    `data_dir/cache/released/`."""
    data = ServiceData.open(data_dir)
    try:
        return [data.blobs.session_dir("released", sid) for sid in released_session_ids(data)]
    finally:
        data.close()


def audit_event(data_dir: Path, actor: str, action: str, detail: dict[str, Any] | None = None) -> int:
    """Append one entry to the service's audit log (e.g. action="export"); returns its number.
    Session ids under `session` / `sessions` are logged as their hashes (`session_hash` /
    `session_hashes`), like every entry of the log, so a later deletion leaves no id behind."""
    data = ServiceData.open(data_dir)
    try:
        with data.db.write() as s:
            seq = audit.append(s, actor, action, _hash_sessions(detail or {}))
        data.checkpoint_audit()  # an export leaves a signed checkpoint of the head behind
        return seq
    finally:
        data.close()
