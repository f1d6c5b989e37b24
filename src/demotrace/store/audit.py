"""The audit log: append-only, chained with a key the database does not hold, and anchored by
signed checkpoints kept outside the database.

Entry n carries `prev_hash` = hash of entry n-1 and `hash` = HMAC-SHA256(key, prev_hash | seq |
ts | actor | action | detail). The key lives in the data folder (`audit.key`, mode 0600) or in
`$DEMOTRACE_AUDIT_KEY`, never in the database: someone who can write the database but not read
the key cannot edit, remove, reorder or re-chain entries without `verify` finding the first
break. Truncation (deleting the newest entries and moving the head back) and re-chaining by
someone who holds the key are caught by the checkpoints: each worker appends
`{"seq", "hash", "ts", "sig"}` of the head to `audit-checkpoints.jsonl` (sig = HMAC of the
line's fields) every `audit_checkpoint_interval` seconds; the operator ships that file elsewhere
and `verify` checks that the log still holds every checkpointed entry with that hash.

Appends take the row lock of `audit_head` first (an UPDATE), so concurrent workers append one
at a time and the chain never forks."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from .models import AuditEntry, AuditHead

GENESIS = "0" * 64
KEY_ENV = "DEMOTRACE_AUDIT_KEY"
KEY_FILE = "audit.key"
CHECKPOINTS_FILE = "audit-checkpoints.jsonl"
KEY_INFO = "audit_key"
"""Where a database session carries the key (`OrmSession.info`), set by `Store`."""


def load_key(data_dir: Path) -> bytes:
    """The audit key: $DEMOTRACE_AUDIT_KEY, else `DIR/audit.key`, created (0600, 32 random bytes)
    by whoever comes first; concurrent workers all end up with the same key."""
    env = os.environ.get(KEY_ENV, "").strip()
    if env:
        return env.encode()
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{KEY_FILE}.{secrets.token_hex(8)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_hex(32).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # create-if-absent: the first writer's key wins
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_bytes().strip()


def _mac(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def entry_hash(key: bytes, prev_hash: str, seq: int, ts: float, actor: str, action: str, detail: str) -> str:
    body = json.dumps([seq, ts, actor, action, detail], separators=(",", ":"), ensure_ascii=False)
    return _mac(key, f"{prev_hash}|{body}")


def session_key(s: OrmSession) -> bytes:
    key = s.info.get(KEY_INFO)
    if not isinstance(key, bytes) or not key:
        raise RuntimeError("this database session has no audit key (open it through ServiceData)")
    return key


def append(s: OrmSession, actor: str, action: str, detail: dict[str, Any] | None = None) -> int:
    """Append one entry inside the caller's write transaction; returns its sequence number."""
    key = session_key(s)
    s.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1))
    head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    seq, prev = head.seq, head.hash
    ts = time.time()
    det = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    h = entry_hash(key, prev, seq, ts, actor, action, det)
    s.add(AuditEntry(seq=seq, ts=ts, actor=actor, action=action, detail=det, prev_hash=prev, hash=h))
    head.hash = h
    return seq


# -- checkpoints ------------------------------------------------------------------------------


def checkpoint_sig(key: bytes, seq: int, h: str, ts: float) -> str:
    return _mac(key, f"checkpoint|{seq}|{h}|{ts!r}")


def write_checkpoint(
    s: OrmSession, path: Path, last: tuple[int, str] | None = None
) -> tuple[int, str] | None:
    """Append a signed checkpoint of the head to `path` (one JSON line, fsynced) unless the head
    is `last` or the log is empty; returns the head it checkpointed (or `last`)."""
    key = session_key(s)
    head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    now = (head.seq, head.hash)
    if head.seq == 0 or now == last:
        return last
    ts = time.time()
    line = json.dumps({"seq": head.seq, "hash": head.hash, "ts": ts, "sig": checkpoint_sig(key, *now, ts)})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, (line + "\n").encode())  # one write, O_APPEND: lines of several workers never mix
        os.fsync(fd)
    finally:
        os.close(fd)
    return now


def read_checkpoints(path: Path) -> list[dict[str, Any]]:
    """The checkpoint lines of `path` ([] when there is no file); a torn last line is skipped."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(errors="replace").splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if isinstance(d, dict):
            out.append(d)
    return out


# -- verification -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    entries: int
    problem: str | None = None
    checkpoints: int = 0


def _check_checkpoints(
    key: bytes, hashes: dict[int, str], last: int, cps: Iterable[dict[str, Any]]
) -> str | None:
    for i, cp in enumerate(cps, 1):
        seq, h, ts, sig = cp.get("seq"), cp.get("hash"), cp.get("ts"), cp.get("sig")
        if not (
            isinstance(seq, int) and isinstance(h, str) and isinstance(ts, float) and isinstance(sig, str)
        ):
            return f"checkpoint {i} is malformed"
        if not hmac.compare_digest(checkpoint_sig(key, seq, h, ts), sig):
            return f"checkpoint {i} (entry {seq}) has a wrong signature"
        if seq > last:
            return f"the log was truncated: it ends at entry {last} but checkpoint {i} saw entry {seq}"
        if hashes.get(seq) != h:
            return f"entry {seq} differs from checkpoint {i}: the log was rewritten"
    return None


def verify(s: OrmSession, checkpoints: Iterable[dict[str, Any]] = ()) -> VerifyResult:
    """Check the keyed chain from the first entry to the head, then every checkpoint."""
    key = session_key(s)
    cps = list(checkpoints)
    wanted = {cp.get("seq") for cp in cps}
    prev, expect_seq, n = GENESIS, 1, 0
    hashes: dict[int, str] = {}
    for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        n += 1
        if e.seq != expect_seq:
            return VerifyResult(False, n, f"entry {expect_seq} is missing (next is {e.seq})")
        if e.prev_hash != prev:
            return VerifyResult(False, n, f"entry {e.seq}: prev_hash does not match entry {e.seq - 1}")
        if not hmac.compare_digest(entry_hash(key, prev, e.seq, e.ts, e.actor, e.action, e.detail), e.hash):
            return VerifyResult(False, n, f"entry {e.seq} ({e.action}) was altered: its hash does not match")
        if e.seq in wanted:
            hashes[e.seq] = e.hash
        prev, expect_seq = e.hash, e.seq + 1
    head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    if head.seq != expect_seq - 1 or head.hash != prev:
        return VerifyResult(False, n, f"the log ends at entry {expect_seq - 1} but its head says {head.seq}")
    problem = _check_checkpoints(key, hashes, expect_seq - 1, cps)
    return VerifyResult(problem is None, n, problem, len(cps))


def entries(s: OrmSession, limit: int = 100, offset: int = 0) -> list[AuditEntry]:
    q = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit).offset(offset)
    return list(s.execute(q).scalars())
