"""Deleting sessions (self-service, admin, retention) so that nothing remains: blob files, rows
and cached copies go; a tombstone keeps only the hash of the session id, which makes a retried
upload fail with 410 instead of bringing the session back."""

from __future__ import annotations

import hashlib
import logging
import shutil
import time

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session as OrmSession

from . import audit
from .blobs import AREAS
from .console_models import EpisodeReview
from .data import ServiceData
from .exports import mark_exports_stale
from .models import EnrollCode, Session, StoredFile, Tombstone

log = logging.getLogger("demotrace.store")


def id_hash(session_id: str) -> str:
    return hashlib.sha256(b"demotrace-session:" + session_id.encode()).hexdigest()


def is_tombstoned(s: OrmSession, session_id: str) -> bool:
    return s.get(Tombstone, id_hash(session_id)) is not None


def _drop_blobs(data: ServiceData, session_id: str) -> None:
    for area in AREAS:
        data.blobs.delete_prefix(f"{area}/{session_id}")
    data.blobs.drop_cache(session_id)
    tmp = data.config.data_dir / "tmp"
    if tmp.is_dir():
        for p in tmp.glob(f"release-{session_id}-*"):
            shutil.rmtree(p, ignore_errors=True)


def delete_session(data: ServiceData, session_id: str, actor: str, reason: str) -> bool:
    """Delete one session everywhere; returns False when there was no such session."""
    _drop_blobs(data, session_id)
    with data.db.write() as s:
        row = s.get(Session, session_id)
        s.execute(delete(StoredFile).where(StoredFile.session_id == session_id))
        s.execute(delete(EpisodeReview).where(EpisodeReview.session_id == session_id))
        if row is not None:
            s.delete(row)
        h = id_hash(session_id)
        if s.get(Tombstone, h) is None:
            s.add(Tombstone(id_hash=h, deleted_at=time.time(), reason=reason))
        if row is not None:
            audit.append(s, actor, "session.delete", {"session_hash": h, "reason": reason})
    _drop_blobs(data, session_id)  # again: an upload racing the deletion may have written one
    data.db.compact()
    mark_exports_stale(data.config.data_dir)  # derived exports follow (store/exports.py)
    return row is not None


def purge_expired(data: ServiceData, days: int, now: float | None = None) -> int:
    """Retention: delete every session that started more than `days` days ago (0: keep all)."""
    if days <= 0:
        return 0
    now = time.time() if now is None else now
    cutoff = now - days * 86400.0
    with data.db.read() as s:
        started = func.coalesce(func.nullif(Session.start, 0.0), Session.created)
        ids = list(s.execute(select(Session.id).where(started < cutoff)).scalars())
    n = sum(delete_session(data, sid, "retention", "retention") for sid in ids)
    with data.db.write() as s:
        s.execute(delete(EnrollCode).where(or_(EnrollCode.expires < now, EnrollCode.used_at.is_not(None))))
        if n:
            audit.append(s, "retention", "retention.purge", {"sessions": n, "days": days})
    if n:
        log.info("retention: purged %d sessions older than %d days", n, days)
    return n
