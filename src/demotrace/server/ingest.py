"""Receiving a session's files: validation, idempotency, durable storage.

One upload is one file of the bundle, named by its path (`session.json`, `chunks/000001.dtc`,
`frames/…`, `video/…`), which is also its id: the same path with the same sha256 is acknowledged
without writing again; a different sha256 for a sealed file is a conflict (409). Chunks must be
plaintext chunk files; each record is decompressed (bounded, `decode.py`) and each object
validated against its model, so a bomb or a corrupt chunk is refused (413/422) before anything is
stored. Order: create the session row, then, holding its lock, write the blob (fsynced) and
record the file; the reply comes after the commit, so an acknowledged file is durable and matches
its sha256, and a crash in between only leaves a blob that the retry overwrites."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable

import orjson
from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from ..schema import SessionMeta
from ..store import ServiceData
from ..store.lifecycle import is_tombstoned
from ..store.models import Session, StoredFile
from .auth import Principal
from .decode import Counts, Limits, decode_body, scan_chunk

__all__ = ["check_ids", "complete", "decode_body", "manifest", "record_file", "store_file"]

# matched with fullmatch: a `$` would let a trailing newline through
REL = re.compile(r"(session\.json|chunks/\d{6}\.dtc|(frames|video)/[A-Za-z0-9][A-Za-z0-9._-]{0,120})")
SID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,31}")
SHA = re.compile(r"[0-9a-f]{64}")


def check_ids(session_id: str, rel: str | None = None) -> None:
    if not SID.fullmatch(session_id):
        raise HTTPException(422, f"session_id: {session_id[:40]!r} is not a session id")
    if rel is not None and (not REL.fullmatch(rel) or ".." in rel):
        raise HTTPException(
            422,
            f"path: {rel[:80]!r} is not a bundle file (session.json, chunks/NNNNNN.dtc, frames/…, video/…)",
        )


def limits(data: ServiceData) -> Limits:
    c = data.config
    return Limits(body=c.max_upload_bytes, record=c.max_record_bytes, records=c.max_records_per_chunk)


def validate_meta(session_id: str, data: bytes) -> SessionMeta:
    try:
        meta = SessionMeta.from_dict(orjson.loads(data))
    except (orjson.JSONDecodeError, ValueError, TypeError) as e:
        raise HTTPException(422, f"session.json: malformed ({str(e)[:200]})") from None
    if meta.id != session_id:
        raise HTTPException(422, f"session.json: id {meta.id[:40]!r} does not match the URL's {session_id!r}")
    if not isinstance(meta.start, (int, float)) or (
        meta.stop is not None and not isinstance(meta.stop, (int, float))
    ):
        raise HTTPException(422, "session.json: start/stop must be numbers")
    return meta


def _owned(row: Session | None, p: Principal) -> bool:
    return row is not None and row.user == p.user


def _gone(session_id: str) -> HTTPException:
    return HTTPException(410, f"session {session_id} was deleted; it cannot be uploaded again")


def _not_yours(session_id: str) -> HTTPException:
    return HTTPException(404, f"no session {session_id} of yours")


def _new_session(session_id: str, p: Principal, now: float) -> Session:
    return Session(
        id=session_id,
        user=p.user,
        device=p.id,
        state="receiving",
        created=now,
        updated=now,
        steps=0,
        events=0,
        bytes=0,
        start=0.0,
    )


def _lock_session(s: OrmSession, p: Principal, session_id: str, now: float) -> Session:
    """The caller's session row, locked for this transaction (`SELECT … FOR UPDATE`), created
    when new; 410 when deleted (a deletion removes the row and writes the tombstone in one
    transaction, so a missing row needs the tombstone check), 404 when it is someone else's."""
    row = s.get(Session, session_id, with_for_update=True)
    if row is None:
        if is_tombstoned(s, session_id):
            raise _gone(session_id)
        new = _new_session(session_id, p, now)
        try:
            with s.begin_nested():  # a savepoint: a racing insert of the same id fails only it
                s.add(new)
            row = new
        except IntegrityError:  # that racing upload committed the row first: lock that one
            row = s.get(Session, session_id, with_for_update=True, populate_existing=True)
            if row is None:
                raise _gone(session_id) from None
    if not _owned(row, p):
        raise _not_yours(session_id)
    return row


def ensure_session(data: ServiceData, p: Principal, session_id: str) -> None:
    """The session is the caller's (created when new) and was not deleted: 404 / 410 otherwise."""
    with data.db.write() as s:
        _lock_session(s, p, session_id, time.time())


def store_file(
    data: ServiceData, p: Principal, session_id: str, rel: str, body: bytes, sha: str
) -> tuple[bool, int]:
    """Validate and store one file; returns (duplicate, size).

    One writer per path: the blob is written and recorded while the session's row is locked
    (`SELECT … FOR UPDATE` on PostgreSQL, the write lock on SQLite), so of two racing uploads of
    one path exactly one is stored; the other finds its record and is a duplicate (same sha256)
    or a conflict (409). The blob and its recorded sha256 therefore always agree, on a local
    folder and on any fsspec store alike."""
    if hashlib.sha256(body).hexdigest() != sha:
        raise HTTPException(422, "X-Content-SHA256: does not match the sha256 of the (decompressed) body")
    counts, meta = Counts(), None
    if rel == "session.json":
        meta = validate_meta(session_id, body)
    elif rel.startswith("chunks/"):
        counts = scan_chunk(rel, body, limits(data))

    def write(key: str) -> None:
        data.blobs.put(key, body)

    return record_file(data, p, session_id, rel, sha, len(body), write, counts, meta)


def record_file(
    data: ServiceData,
    p: Principal,
    session_id: str,
    rel: str,
    sha: str,
    size: int,
    write: Callable[[str], None],
    counts: Counts | None = None,
    meta: SessionMeta | None = None,
) -> tuple[bool, int]:
    """Record one verified file: `write(key)` puts its blob (from the body, or by copying a
    presigned upload) while the session's row is locked; returns (duplicate, size)."""
    counts = counts or Counts()
    now = time.time()
    with data.db.write() as s:  # one transaction, no read before it: round trips bound a worker
        row = _lock_session(s, p, session_id, now)
        old = s.execute(
            select(StoredFile).where(StoredFile.session_id == session_id, StoredFile.rel == rel)
        ).scalar_one_or_none()
        if old is not None and old.sha256 == sha:
            return True, old.size
        if old is not None and rel != "session.json":
            raise HTTPException(409, f"{rel}: a different file is already stored under this name")
        if row.state != "receiving":
            raise HTTPException(409, f"session {session_id} is complete ({row.state}); no new files")
        total = row.bytes + size - (old.size if old is not None else 0)
        if total > data.config.max_session_bytes:
            cap = data.config.max_session_bytes
            raise HTTPException(413, f"session {session_id} would hold {total} bytes; the limit is {cap}")
        write(f"quarantine/{session_id}/{rel}")
        data.blobs.drop_cache(session_id)  # a remote store's local copy is stale now
        if old is not None:
            old.sha256, old.size, old.received = sha, size, now
        else:
            s.add(
                StoredFile(
                    session_id=session_id,
                    rel=rel,
                    sha256=sha,
                    size=size,
                    steps=counts.steps,
                    events=counts.events,
                    received=now,
                )
            )
            row.steps += counts.steps
            row.events += counts.events
        row.bytes = total
        if meta is not None:
            row.start, row.stop = float(meta.start), (float(meta.stop) if meta.stop is not None else None)
        row.updated = now
    return False, size


def manifest(data: ServiceData, p: Principal, session_id: str) -> tuple[str, dict[str, str]]:
    """What is stored of one of the caller's sessions; another person's session answers exactly
    like one that never existed ("absent")."""
    with data.db.read() as s:
        if is_tombstoned(s, session_id):
            raise HTTPException(410, f"session {session_id} was deleted")
        row = s.get(Session, session_id)
        if not _owned(row, p):
            return "absent", {}
        assert row is not None
        files = s.execute(
            select(StoredFile.rel, StoredFile.sha256).where(StoredFile.session_id == session_id)
        )
        return row.state, {rel: sha for rel, sha in files}


def _blob_mismatches(data: ServiceData, session_id: str, files: dict[str, str]) -> list[str]:
    """The listed files whose stored blob does not hash to the sha256 on record."""
    return sorted(
        rel for rel, sha in files.items() if data.blobs.sha256(f"quarantine/{session_id}/{rel}") != sha
    )


def complete(
    data: ServiceData, p: Principal, session_id: str, files: dict[str, str]
) -> tuple[str, list[str]]:
    """Mark an upload complete when everything the device lists is stored, each blob hashes to
    its recorded sha256, and session.json says the recording stopped; returns (state, missing).
    Another person's session answers exactly like one that never existed."""
    for rel, sha in files.items():
        check_ids(session_id, rel)
        if not SHA.fullmatch(sha):
            raise HTTPException(422, f"files[{rel!r}]: not a sha256 hex digest")
    with data.db.read() as s:
        if is_tombstoned(s, session_id):
            raise HTTPException(410, f"session {session_id} was deleted")
        row = s.get(Session, session_id)
        owned, state = _owned(row, p), (row.state if row is not None else "absent")
        q = select(StoredFile.rel, StoredFile.sha256).where(StoredFile.session_id == session_id)
        have = {rel: sha for rel, sha in s.execute(q)} if owned else {}
    missing = sorted(rel for rel, sha in files.items() if have.get(rel) != sha)
    if "session.json" not in have and "session.json" not in missing:
        missing.insert(0, "session.json")
    if not owned:
        return "absent", missing
    if missing or state != "receiving":
        return state, missing
    # checksums verified before `durable: true`: every listed blob is read back and hashed
    listed = {rel: have[rel] for rel in {*files, "session.json"}}
    bad = _blob_mismatches(data, session_id, listed)
    if bad:
        return state, bad
    with data.db.write() as s:
        row = s.get(Session, session_id, with_for_update=True)
        if row is None or not _owned(row, p):
            return "absent", missing
        now_have = {rel: sha for rel, sha in s.execute(q)}
        missing = sorted(rel for rel, sha in listed.items() if now_have.get(rel) != sha)
        if not missing and row.stop is None:
            missing = ["session.json (no stop time yet)"]
        if not missing and row.state == "receiving":
            row.state = "quarantined"
            row.updated = time.time()
        return row.state, missing
