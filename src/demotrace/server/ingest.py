"""Receiving a session's files: validation, idempotency, durable storage.

One upload is one file of the bundle, named by its path (`session.json`, `chunks/000001.dtc`,
`frames/…`, `video/…`), which is also its id: the same path with the same sha256 is acknowledged
without writing again; a different sha256 for a sealed file is a conflict (409). Chunks must be
plaintext chunk files; each record is decompressed and each object parsed, so a corrupt chunk is
refused with 422 before anything is stored. Order: claim the session row, write the blob
(fsynced), then record the file; the reply comes after the commit, so an acknowledged file is
durable, and a crash in between only leaves a blob that the retry overwrites."""

from __future__ import annotations

import hashlib
import re
import struct
import time
from dataclasses import dataclass

import orjson
import zstandard
from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..schema import SessionMeta
from ..store import ServiceData
from ..store.lifecycle import is_tombstoned
from ..store.models import Session, StoredFile
from .auth import Principal

REL = re.compile(r"^(session\.json|chunks/\d{6}\.dtc|(frames|video)/[A-Za-z0-9][A-Za-z0-9._-]{0,120})$")
SID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$")
SHA = re.compile(r"^[0-9a-f]{64}$")
KINDS = {"step", "event", "mark", "video", "flush"}  # flush: write-time stamp (latency figures)
MAGIC = b"DTC1"
_LEN = struct.Struct(">I")


@dataclass(frozen=True, slots=True)
class Counts:
    steps: int = 0
    events: int = 0


def check_ids(session_id: str, rel: str | None = None) -> None:
    if not SID.match(session_id):
        raise HTTPException(422, f"session_id: {session_id[:40]!r} is not a session id")
    if rel is not None and (not REL.match(rel) or ".." in rel):
        raise HTTPException(
            422,
            f"path: {rel[:80]!r} is not a bundle file (session.json, chunks/NNNNNN.dtc, frames/…, video/…)",
        )


def decode_body(body: bytes, encoding: str, limit: int) -> bytes:
    enc = encoding.strip().lower()
    if enc in ("", "identity"):
        return body
    if enc != "zstd":
        raise HTTPException(422, f"Content-Encoding: {encoding!r} is not supported (identity or zstd)")
    try:
        out: bytes = zstandard.ZstdDecompressor().decompressobj().decompress(body)
    except zstandard.ZstdError as e:
        raise HTTPException(422, f"body: not valid zstd ({e})") from None
    if len(out) > limit:
        raise HTTPException(413, f"file is {len(out)} bytes uncompressed; the limit is {limit} bytes")
    return out


def validate_chunk(rel: str, data: bytes) -> Counts:
    """Parse a plaintext chunk file completely; 422 naming the record on any fault. A torn last
    record (a crash while writing) is tolerated like the bundle reader does."""
    if data[:4] != MAGIC or len(data) < 5:
        raise HTTPException(422, f"{rel}: not a demotrace chunk (bad header)")
    if data[4] != 0:
        raise HTTPException(422, f"{rel}: chunk is encrypted; the uploader must send it decrypted")
    dctx = zstandard.ZstdDecompressor()
    pos, index, steps, events = 5, 0, 0, 0
    while pos + 4 <= len(data):
        (n,) = _LEN.unpack_from(data, pos)
        if pos + 4 + n > len(data):
            break
        try:
            raw = dctx.decompress(data[pos + 4 : pos + 4 + n], max_output_size=256 * 1024 * 1024)
        except zstandard.ZstdError as e:
            raise HTTPException(422, f"{rel}: record {index} does not decompress ({e})") from None
        # one parse per record: orjson never writes a raw newline inside a value
        try:
            objs = orjson.loads(b"[" + raw.strip(b"\n").replace(b"\n", b",") + b"]") if raw.strip() else []
        except orjson.JSONDecodeError:
            raise HTTPException(422, f"{rel}: record {index} holds an object that is not JSON") from None
        for j, obj in enumerate(objs):
            kind = obj.get("kind") if isinstance(obj, dict) else None
            if kind == "event":
                events += 1
            elif kind == "step":
                action = obj.get("action")
                if not isinstance(action, dict) or not isinstance(action.get("type"), str):
                    raise HTTPException(422, f"{rel}: record {index} object {j}: step has no action.type")
                steps += 1
            elif kind not in KINDS:
                raise HTTPException(
                    422, f"{rel}: record {index} object {j}: kind must be one of {sorted(KINDS)}"
                )
        pos += 4 + n
        index += 1
    return Counts(steps, events)


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


def store_file(
    data: ServiceData, p: Principal, session_id: str, rel: str, body: bytes, sha: str
) -> tuple[bool, int]:
    """Validate and store one file; returns (duplicate, size)."""
    if hashlib.sha256(body).hexdigest() != sha:
        raise HTTPException(422, "X-Content-SHA256: does not match the sha256 of the (decompressed) body")
    counts, meta = Counts(), None
    if rel == "session.json":
        meta = validate_meta(session_id, body)
    elif rel.startswith("chunks/"):
        counts = validate_chunk(rel, body)
    now = time.time()
    # 1. the session row: exists and is ours, or we create it
    # (a deletion removes the row and writes the tombstone in one transaction, so a session
    # that has a row is not tombstoned, and one without a row needs the tombstone check)
    with data.db.read() as s:
        row = s.get(Session, session_id)
        if row is None and is_tombstoned(s, session_id):
            raise HTTPException(410, f"session {session_id} was deleted; it cannot be uploaded again")
        if row is not None and not _owned(row, p):
            raise HTTPException(404, f"no session {session_id} of yours")
        old = s.execute(
            select(StoredFile).where(StoredFile.session_id == session_id, StoredFile.rel == rel)
        ).scalar_one_or_none()
        if old is not None and old.sha256 == sha:
            return True, old.size
        if old is not None and rel != "session.json":
            raise HTTPException(409, f"{rel}: a different file is already stored under this name")
        if row is not None and row.state != "receiving":
            raise HTTPException(409, f"session {session_id} is complete ({row.state}); no new files")
    if row is None:
        try:
            with data.db.write() as s:
                if is_tombstoned(s, session_id):
                    raise HTTPException(410, f"session {session_id} was deleted; it cannot be uploaded again")
                if s.get(Session, session_id) is None:
                    s.add(
                        Session(
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
                    )
        except IntegrityError:
            pass
        with data.db.read() as s:
            if not _owned(s.get(Session, session_id), p):
                raise HTTPException(404, f"no session {session_id} of yours")
    # 2. the blob, durably
    data.blobs.put(f"quarantine/{session_id}/{rel}", body)
    # 3. the record of it
    with data.db.write() as s:
        row = s.get(Session, session_id)
        if row is None:  # deleted since step 1: drop what we just wrote
            data.blobs.delete_prefix(f"quarantine/{session_id}")
            raise HTTPException(410, f"session {session_id} was deleted; it cannot be uploaded again")
        if not _owned(row, p):
            raise HTTPException(404, f"no session {session_id} of yours")
        old = s.execute(
            select(StoredFile).where(StoredFile.session_id == session_id, StoredFile.rel == rel)
        ).scalar_one_or_none()
        if old is not None and old.sha256 == sha:
            return True, old.size
        if old is not None:
            row.bytes += len(body) - old.size
            old.sha256, old.size, old.received = sha, len(body), now
        else:
            s.add(
                StoredFile(
                    session_id=session_id,
                    rel=rel,
                    sha256=sha,
                    size=len(body),
                    steps=counts.steps,
                    events=counts.events,
                    received=now,
                )
            )
            row.steps += counts.steps
            row.events += counts.events
            row.bytes += len(body)
        if meta is not None:
            row.start, row.stop = float(meta.start), (float(meta.stop) if meta.stop is not None else None)
        row.updated = now
    return False, len(body)


def manifest(data: ServiceData, p: Principal, session_id: str) -> tuple[str, dict[str, str]]:
    with data.db.read() as s:
        if is_tombstoned(s, session_id):
            raise HTTPException(410, f"session {session_id} was deleted")
        row = s.get(Session, session_id)
        if row is None:
            return "absent", {}
        if not _owned(row, p):
            raise HTTPException(404, f"no session {session_id} of yours")
        files = s.execute(
            select(StoredFile.rel, StoredFile.sha256).where(StoredFile.session_id == session_id)
        )
        return row.state, {rel: sha for rel, sha in files}


def complete(
    data: ServiceData, p: Principal, session_id: str, files: dict[str, str]
) -> tuple[str, list[str]]:
    """Mark an upload complete when everything the device lists is stored and session.json says
    the recording stopped; returns (state, missing)."""
    for rel, sha in files.items():
        check_ids(session_id, rel)
        if not SHA.match(sha):
            raise HTTPException(422, f"files[{rel!r}]: not a sha256 hex digest")
    with data.db.write() as s:
        if is_tombstoned(s, session_id):
            raise HTTPException(410, f"session {session_id} was deleted")
        row = s.get(Session, session_id)
        if row is not None and not _owned(row, p):
            raise HTTPException(404, f"no session {session_id} of yours")
        q = select(StoredFile.rel, StoredFile.sha256).where(StoredFile.session_id == session_id)
        have = {rel: sha for rel, sha in s.execute(q)} if row is not None else {}
        missing = sorted(rel for rel, sha in files.items() if have.get(rel) != sha)
        if "session.json" not in have and "session.json" not in missing:
            missing.insert(0, "session.json")
        if row is None:
            return "absent", missing
        if not missing and row.stop is None:
            missing = ["session.json (no stop time yet)"]
        if not missing and row.state == "receiving":
            row.state = "quarantined"
            row.updated = time.time()
        return row.state, missing
