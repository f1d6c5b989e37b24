"""The trainers' read API: released sessions only; every read is audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from sqlalchemy import select

from ..store import ServiceData, audit, id_hash
from ..store.models import Session
from .auth import Principal, require
from .deps import ERRORS, FILE_RESPONSE, get_data, info, media_type, read_file, read_steps, whole_rel
from .ingest import check_ids
from .schemas import SessionList, StepList

router = APIRouter(prefix="/v1/released", tags=["trainer"])
Data = Annotated[ServiceData, Depends(get_data)]
Trainer = Annotated[Principal, Depends(require("trainer"))]


def _released(data: ServiceData, p: Principal, session_id: str, what: str) -> Session:
    check_ids(session_id)
    with data.db.write() as s:
        row = s.get(Session, session_id)
        if row is None or row.state != "released":
            raise HTTPException(404, f"no released session {session_id}")
        audit.append(s, p.actor, "released.read", {"session_hash": id_hash(session_id), "what": what})
    return row


@router.get("/sessions", response_model=SessionList, responses=ERRORS)
def released_sessions(p: Trainer, data: Data) -> SessionList:
    with data.db.write() as s:
        rows = list(
            s.execute(select(Session).where(Session.state == "released").order_by(Session.id)).scalars()
        )
        audit.append(s, p.actor, "released.list", {"sessions": len(rows)})
    return SessionList(sessions=[info(r) for r in rows])


@router.get("/sessions/{session_id}/steps", response_model=StepList, responses=ERRORS)
def released_steps(session_id: str, p: Trainer, data: Data) -> StepList:
    row = _released(data, p, session_id, "steps")
    return StepList(session_id=session_id, steps=read_steps(data, row))


@router.get("/sessions/{session_id}/files/{rel:path}", response_class=Response, responses=FILE_RESPONSE)
def released_file(session_id: str, rel: str, p: Trainer, data: Data, request: Request) -> Response:
    row = _released(data, p, session_id, whole_rel(request, rel)[:200])
    return Response(read_file(data, row, rel), media_type=media_type(rel))
