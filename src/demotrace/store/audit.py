"""The audit log: append-only and hash-chained. Entry n carries `prev_hash` = hash of entry n-1
and `hash` = sha256(prev_hash | seq | ts | actor | action | detail), so editing, removing or
reordering any entry breaks the chain from there on; `verify` finds the first break.

Appends take the row lock of `audit_head` first (an UPDATE), so concurrent workers append one
at a time and the chain never forks."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from .models import AuditEntry, AuditHead

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, ts: float, actor: str, action: str, detail: str) -> str:
    body = json.dumps([seq, ts, actor, action, detail], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def append(s: OrmSession, actor: str, action: str, detail: dict[str, Any] | None = None) -> int:
    """Append one entry inside the caller's write transaction; returns its sequence number."""
    s.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1))
    head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    seq, prev = head.seq, head.hash
    ts = time.time()
    det = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    h = entry_hash(prev, seq, ts, actor, action, det)
    s.add(AuditEntry(seq=seq, ts=ts, actor=actor, action=action, detail=det, prev_hash=prev, hash=h))
    head.hash = h
    return seq


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    entries: int
    problem: str | None = None


def verify(s: OrmSession) -> VerifyResult:
    prev, expect_seq, n = GENESIS, 1, 0
    for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        n += 1
        if e.seq != expect_seq:
            return VerifyResult(False, n, f"entry {expect_seq} is missing (next is {e.seq})")
        if e.prev_hash != prev:
            return VerifyResult(False, n, f"entry {e.seq}: prev_hash does not match entry {e.seq - 1}")
        if entry_hash(prev, e.seq, e.ts, e.actor, e.action, e.detail) != e.hash:
            return VerifyResult(False, n, f"entry {e.seq} ({e.action}) was altered: its hash does not match")
        prev, expect_seq = e.hash, e.seq + 1
    head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    if head.seq != expect_seq - 1 or head.hash != prev:
        return VerifyResult(False, n, f"the log ends at entry {expect_seq - 1} but its head says {head.seq}")
    return VerifyResult(True, n)


def entries(s: OrmSession, limit: int = 100, offset: int = 0) -> list[AuditEntry]:
    q = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit).offset(offset)
    return list(s.execute(q).scalars())
