"""Self-service: an employee's own sessions, steps and frames, one archive of everything held
about them, and deletion (a session, or every session overlapping a time range). Another
person's session answers 404, as if it did not exist."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select

from ..store import ServiceData, audit, id_hash
from ..store.lifecycle import delete_session
from ..store.models import Session
from .archive import archive_stream
from .auth import Principal, require
from .deps import ERRORS, FILE_RESPONSE, get_data, info, media_type, read_file, read_steps
from .ingest import check_ids
from .ranges import EDITABLE, delete_time_range
from .routes_admin import create_code
from .schemas import CodeResponse, Deleted, DeletedRange, SessionInfo, SessionList, StepList

router = APIRouter(prefix="/v1/me", tags=["self-service"])
Data = Annotated[ServiceData, Depends(get_data)]
Employee = Annotated[Principal, Depends(require("employee"))]


def _own(data: ServiceData, p: Principal, session_id: str) -> Session:
    check_ids(session_id)
    with data.db.read() as s:
        row = s.get(Session, session_id)
    if row is None or row.user != p.user:
        raise HTTPException(404, f"no session {session_id} of yours")
    return row


def _log_read(data: ServiceData, p: Principal, row: Session, what: str) -> None:
    if row.state == "released":
        with data.db.write() as s:
            audit.append(s, p.actor, "released.read", {"session_hash": id_hash(row.id), "what": what})


@router.get("/sessions", response_model=SessionList, responses=ERRORS)
def my_sessions(p: Employee, data: Data) -> SessionList:
    with data.db.read() as s:
        rows = s.execute(select(Session).where(Session.user == p.user).order_by(Session.id)).scalars()
        return SessionList(sessions=[info(r) for r in rows])


@router.get("/sessions/{session_id}", response_model=SessionInfo, responses=ERRORS)
def my_session(session_id: str, p: Employee, data: Data) -> SessionInfo:
    return info(_own(data, p, session_id))


@router.get("/sessions/{session_id}/steps", response_model=StepList, responses=ERRORS)
def my_steps(session_id: str, p: Employee, data: Data) -> StepList:
    row = _own(data, p, session_id)
    _log_read(data, p, row, "steps")
    return StepList(session_id=session_id, steps=read_steps(data, row))


@router.get("/sessions/{session_id}/frames/{name}", response_class=Response, responses=FILE_RESPONSE)
def my_frame(session_id: str, name: str, p: Employee, data: Data) -> Response:
    row = _own(data, p, session_id)
    rel = f"frames/{name}"
    body = read_file(data, row, rel)
    _log_read(data, p, row, rel)
    return Response(body, media_type=media_type(rel))


@router.post("/codes", response_model=CodeResponse, responses=ERRORS)
def my_code(p: Employee, data: Data) -> CodeResponse:
    """A one-time code for another device of yours (the only way to get a code for a person who
    already exists: the person asks for it from a device of their own)."""
    return create_code(data, p.actor, p.user, "employee", min(1.0, data.config.code_ttl_hours))


@router.get(
    "/archive",
    response_class=Response,
    responses={
        200: {
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            "description": "a zip of everything held about you",
        },
        **ERRORS,
    },
)
def my_archive(p: Employee, data: Data) -> Response:
    """Everything the service holds about you, as one zip: `sessions.json` and each session's files."""
    with data.db.read() as s:
        rows = list(s.execute(select(Session).where(Session.user == p.user).order_by(Session.id)).scalars())
    with data.db.write() as s:
        audit.append(s, p.actor, "me.archive", {"sessions": len(rows)})
    return StreamingResponse(
        archive_stream(data, rows),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="demotrace-my-data.zip"'},
    )


@router.delete("/sessions/{session_id}", response_model=Deleted, responses=ERRORS)
def delete_my_session(session_id: str, p: Employee, data: Data) -> Deleted:
    _own(data, p, session_id)
    return Deleted(deleted=int(delete_session(data, session_id, p.actor, "self-service")))


@router.delete("/sessions", response_model=DeletedRange, responses=ERRORS)
def delete_my_range(
    p: Employee,
    data: Data,
    start: Annotated[float, Query(description="wall clock, seconds since the epoch", ge=0, le=1e11)],
    end: Annotated[float, Query(ge=0, le=1e11)],
) -> DeletedRange:
    """Delete exactly [start, end] from your data: a session inside it goes whole (with its
    tombstone); from one that only overlaps it, only the range's steps, events, frames and video
    seconds go. 409 when such a session is still being uploaded or redacted."""
    if end < start:
        raise HTTPException(422, "end: must not be before start")
    with data.db.read() as s:
        last = func.coalesce(Session.stop, Session.start)
        q = select(Session).where(Session.user == p.user, Session.start <= end, last >= start)
        rows = list(s.execute(q).scalars())
    whole = [r for r in rows if r.start >= start and (r.stop if r.stop is not None else r.start) <= end]
    partial = [r for r in rows if r not in whole]
    busy = [r for r in partial if r.state not in EDITABLE]
    if busy:
        b = busy[0]
        raise HTTPException(409, f"session {b.id} is still being {b.state}; try again once released")
    n = sum(delete_session(data, r.id, p.actor, "self-service range") for r in whole)
    trimmed = 0
    for r in partial:
        done = delete_time_range(data, r, start - r.start, end - r.start, p.actor)
        n, trimmed = (n + 1, trimmed) if done.whole_session else (n, trimmed + 1)
    return DeletedRange(deleted=n, trimmed=trimmed)
