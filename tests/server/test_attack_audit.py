"""Rewriting the audit log of a real `demotrace serve`: edit, delete, reorder, truncate and
re-chain (without the key, and by an insider who has it) are each found by
`demotrace admin audit --verify`; the key is outside the database and the checkpoints outside
both."""

from __future__ import annotations

import hashlib
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from demotrace.store import ServiceData, audit
from demotrace.store.models import AuditEntry, AuditHead

from .helpers import Service, run_cli


def _rechain(s: OrmSession, key: bytes | None) -> None:
    """Renumber and re-hash every entry from the first on (plain sha256 when key is None, as an
    attacker without the key would), and move the head: a consistent-looking chain."""
    prev, seq = audit.GENESIS, 0
    rows = list(s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars())
    s.execute(delete(AuditEntry))
    s.flush()
    for e in rows:
        seq += 1
        if key is None:
            body = f'[{seq},{e.ts!r},"{e.actor}","{e.action}",{e.detail!r}]'
            h = hashlib.sha256(f"{prev}|{body}".encode()).hexdigest()
        else:
            h = audit.entry_hash(key, prev, seq, e.ts, e.actor, e.action, e.detail)
        s.add(
            AuditEntry(
                seq=seq, ts=e.ts, actor=e.actor, action=e.action, detail=e.detail, prev_hash=prev, hash=h
            )
        )
        prev = h
    head = s.execute(select(AuditHead)).scalar_one()
    head.seq, head.hash = seq, prev


def _edit(s: OrmSession) -> None:
    s.get(AuditEntry, 3).detail = '{"what":"nothing to see"}'  # type: ignore[union-attr]


def _delete(s: OrmSession) -> None:
    s.execute(delete(AuditEntry).where(AuditEntry.seq == 4))


def _reorder(s: OrmSession) -> None:
    a, b = s.get(AuditEntry, 3), s.get(AuditEntry, 4)
    assert a is not None and b is not None
    for f in ("ts", "actor", "action", "detail", "hash", "prev_hash"):
        va, vb = getattr(a, f), getattr(b, f)
        setattr(a, f, vb)
        setattr(b, f, va)


def _truncate(s: OrmSession) -> None:
    head = s.execute(select(AuditHead)).scalar_one()
    keep = head.seq - 3
    s.execute(delete(AuditEntry).where(AuditEntry.seq > keep))
    last = s.get(AuditEntry, keep)
    assert last is not None
    head.seq, head.hash = keep, last.hash


def _rechain_without_key(s: OrmSession) -> None:
    s.execute(delete(AuditEntry).where(AuditEntry.action == "admin.read"))
    _rechain(s, None)


def _rechain_with_key(s: OrmSession) -> None:  # an insider on the host
    s.execute(delete(AuditEntry).where(AuditEntry.action == "admin.read"))
    _rechain(s, audit.session_key(s))


CASES: dict[str, tuple[Callable[[OrmSession], None], tuple[str, ...]]] = {
    "edit": (_edit, ("entry 3 (admin.read) was altered",)),
    "delete": (_delete, ("entry 4 is missing",)),
    "reorder": (_reorder, ("entry 3: prev_hash",)),
    "truncate": (_truncate, ("truncated",)),
    "rechain-without-key": (_rechain_without_key, ("altered",)),
    "rechain-with-key": (_rechain_with_key, ("rewritten", "truncated")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_rewrite_of_the_audit_log_is_detected(
    make_service: type[Service], case: str, tmp_path: Path
) -> None:
    svc = make_service(config={"audit_checkpoint_interval": 0.2}).start()  # type: ignore[call-arg]
    admin = svc.token("admin")
    with svc.client(admin) as a:
        for _ in range(3):
            for path in ("/v1/admin/sessions", "/v1/admin/alerts", "/v1/admin/devices"):
                assert a.get(path).status_code == 200
    svc.stop()  # a worker writes a last checkpoint when it stops
    key_file = svc.data_dir / "audit.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    cps = svc.data_dir / "audit-checkpoints.jsonl"
    shipped = tmp_path / "shipped-checkpoints.jsonl"  # the copy the operator keeps elsewhere
    shutil.copy(cps, shipped)
    ok = run_cli("admin", "audit", "--data", str(svc.data_dir), "--verify")
    assert "audit log ok" in ok.stdout and "checkpoints match" in ok.stdout
    if svc.db_url == "":  # the key is nowhere in the database files
        key = key_file.read_bytes().strip()
        assert all(key not in p.read_bytes() for p in svc.data_dir.glob("demotrace.db*"))

    tamper, words = CASES[case]
    data = ServiceData.open(svc.data_dir, migrate=False)
    try:
        with data.db.write() as s:
            tamper(s)
    finally:
        data.close()
    if case == "rechain-with-key":
        cps.write_text("")  # the insider also empties the local checkpoints: the shipped copy remains
    r = run_cli(
        "admin", "audit", "--data", str(svc.data_dir), "--verify", "--checkpoints", str(shipped), check=False
    )
    assert r.returncode == 1, r.stdout + r.stderr
    assert "TAMPERED" in r.stdout and any(w in r.stdout for w in words), r.stdout
