"""Admin API: enrollment codes, devices, session metadata and alerts, retention, audit log.
Admins see metadata only: no steps, no frames."""

from __future__ import annotations

import json
import secrets
import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from ..store import ServiceData, audit, id_hash
from ..store.lifecycle import delete_session, purge_expired
from ..store.models import EnrollCode, Session, Token
from .auth import Principal, hash_secret, new_code, normalise_code, require
from .deps import ERRORS, get_data, info
from .ingest import check_ids
from .schemas import (
    AuditEntryOut,
    AuditList,
    AuditVerifyOut,
    CodeRequest,
    CodeResponse,
    Deleted,
    DeviceInfo,
    DeviceList,
    Purged,
    SessionInfo,
    SessionList,
)

router = APIRouter(prefix="/v1/admin", tags=["admin"])
Data = Annotated[ServiceData, Depends(get_data)]
Admin = Annotated[Principal, Depends(require("admin"))]


def person_is_known(s: OrmSession, user: str) -> bool:
    """Whether anything already belongs to `user`: an enrollment code (pending or used), a
    device or API token (even revoked) or a session."""
    return any(
        s.execute(select(col).where(col == user).limit(1)).first() is not None
        for col in (EnrollCode.user, Token.user, Session.user)
    )


def create_code(
    data: ServiceData,
    actor: str,
    user: str | None,
    role: str,
    ttl_hours: float,
    new_person_only: bool = False,
) -> CodeResponse:
    """Issue a one-time code. With `new_person_only` (the admin API) the code is refused (409)
    when anything already belongs to `user`; the check runs after the audit append has taken
    the head's row lock, so two racing requests cannot both pass it."""
    code, now = new_code(), time.time()
    user = user or "u-" + secrets.token_hex(6)
    expires = now + ttl_hours * 3600.0
    with data.db.write() as s:
        audit.append(s, actor, "code.create", {"user": user, "role": role, "expires": expires})
        if new_person_only and person_is_known(s, user):
            raise HTTPException(
                409,
                f"user {user} already exists; a code for another device of theirs comes from one of "
                "their own devices (POST /v1/me/codes)",
            )
        s.add(
            EnrollCode(
                code_hash=hash_secret(normalise_code(code)),
                user=user,
                role=role,
                created=now,
                expires=expires,
            )
        )
    return CodeResponse(code=code, user=user, role=role, expires=expires)


@router.post("/codes", response_model=CodeResponse, responses=ERRORS)
def post_code(req: CodeRequest, p: Admin, data: Data) -> CodeResponse:
    """A one-time, expiring enrollment code for a *new* person's device: 409 for anyone who
    already has a code, a device, a token or a session. A code for an existing person comes only
    from that person (`POST /v1/me/codes` with one of their device tokens); trainer codes are
    made on the service's host (`demotrace admin code`). So an admin's API token can never be
    turned into someone else's data or a trainer's access to frames."""
    return create_code(data, p.actor, req.user, req.role, req.ttl_hours, new_person_only=True)


@router.get("/devices", response_model=DeviceList, responses=ERRORS)
def devices(p: Admin, data: Data) -> DeviceList:
    with data.db.write() as s:
        audit.append(s, p.actor, "admin.read", {"what": "devices"})
        rows = s.execute(select(Token).order_by(Token.created)).scalars()
        return DeviceList(
            devices=[
                DeviceInfo(
                    id=t.id, user=t.user, role=t.role, name=t.name, created=t.created, revoked=t.revoked
                )
                for t in rows
            ]
        )


@router.post("/devices/{device_id}/revoke", response_model=DeviceInfo, responses=ERRORS)
def revoke(device_id: str, p: Admin, data: Data) -> DeviceInfo:
    with data.db.write() as s:
        t = s.get(Token, device_id[:32])
        if t is None:
            raise HTTPException(404, f"no device or token {device_id[:40]}")
        t.revoked = True
        audit.append(s, p.actor, "device.revoke", {"device": t.id})
        return DeviceInfo(id=t.id, user=t.user, role=t.role, name=t.name, created=t.created, revoked=True)


@router.get("/sessions", response_model=SessionList, responses=ERRORS)
def sessions(
    p: Admin,
    data: Data,
    state: Annotated[str | None, Query(pattern="^(receiving|quarantined|redacting|released|failed)$")] = None,
) -> SessionList:
    """Session metadata (no content); the read is audited."""
    with data.db.write() as s:
        audit.append(s, p.actor, "admin.read", {"what": "sessions", "state": state})
        q = select(Session).order_by(Session.id)
        if state:
            q = q.where(Session.state == state)
        return SessionList(sessions=[info(r) for r in s.execute(q).scalars()])


@router.get("/alerts", response_model=SessionList, responses=ERRORS)
def alerts(p: Admin, data: Data) -> SessionList:
    """Sessions whose server-side redaction pass failed: they stay quarantined (read audited)."""
    with data.db.write() as s:
        audit.append(s, p.actor, "admin.read", {"what": "alerts"})
        rows = s.execute(select(Session).where(Session.state == "failed").order_by(Session.id)).scalars()
        return SessionList(sessions=[info(r) for r in rows])


@router.post("/sessions/{session_id}/retry", response_model=SessionInfo, responses=ERRORS)
def retry(session_id: str, p: Admin, data: Data, request: Request) -> SessionInfo:
    """Run the redaction pass again over a failed session."""
    check_ids(session_id)
    with data.db.write() as s:
        row = s.get(Session, session_id)
        if row is None:
            raise HTTPException(404, f"no session {session_id}")
        if row.state != "failed":
            raise HTTPException(409, f"session {session_id} is {row.state}, not failed")
        row.state, row.updated = "quarantined", time.time()
        audit.append(s, p.actor, "session.retry", {"session_hash": id_hash(session_id)})
        out = info(row)
    request.app.state.background.kick()
    return out


@router.delete("/sessions/{session_id}", response_model=Deleted, responses=ERRORS)
def delete(session_id: str, p: Admin, data: Data) -> Deleted:
    check_ids(session_id)
    with data.db.read() as s:
        if s.get(Session, session_id) is None:
            raise HTTPException(404, f"no session {session_id}")
    return Deleted(deleted=int(delete_session(data, session_id, p.actor, "admin")))


@router.post("/retention/purge", response_model=Purged, responses=ERRORS)
def purge(p: Admin, data: Data, days: Annotated[int | None, Query(ge=1, le=100000)] = None) -> Purged:
    """Purge sessions older than `days` (default: the service's retention setting)."""
    n = purge_expired(data, days if days is not None else data.config.retention_days)
    return Purged(purged=n)


@router.get("/audit", response_model=AuditList, responses=ERRORS)
def audit_entries(
    p: Admin,
    data: Data,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> AuditList:
    with data.db.write() as s:
        audit.append(s, p.actor, "admin.read", {"what": "audit", "limit": limit, "offset": offset})
        rows = audit.entries(s, limit, offset)
        return AuditList(
            entries=[
                AuditEntryOut(
                    seq=e.seq,
                    ts=e.ts,
                    actor=e.actor,
                    action=e.action,
                    detail=json.loads(e.detail),
                    hash=e.hash,
                )
                for e in rows
            ]
        )


@router.get("/audit/verify", response_model=AuditVerifyOut, responses=ERRORS)
def audit_verify(p: Admin, data: Data) -> AuditVerifyOut:
    with data.db.read() as s:
        r = audit.verify(s, audit.read_checkpoints(data.checkpoints_path))
    return AuditVerifyOut(ok=r.ok, entries=r.entries, problem=r.problem)
