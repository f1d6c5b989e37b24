"""The person's own pages: devices, sessions and episodes, a session's steps, deletion (a
session or a time range), the archive, the audit trail of reads, the policy in plain words.
Another person's session answers 404 and the attempt is audited."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from sqlalchemy import func, select

from ..server.deps import bundle_dir, media_type, read_file, read_steps
from ..server.ingest import check_ids
from ..server.policies import current_policy
from ..store import ServiceData, audit, delete_session, id_hash
from ..store.models import Session, Token
from .archive import archive_stream, my_sessions
from .device_state import states_of
from .episodes import describe, session_episodes
from .ranges import delete_time_range
from .signin import Viewer
from .web import ConsoleError, Form, data_of, not_found, render, signed_in

router = APIRouter(prefix="/console/me", include_in_schema=False)
Signed = Annotated[Viewer, Depends(signed_in)]


def _own(data: ServiceData, viewer: Viewer, session_id: str) -> Session:
    try:
        check_ids(session_id)
    except Exception:
        raise not_found(data, viewer, "session", session_id) from None
    with data.db.read() as s:
        row = s.get(Session, session_id)
    if row is None or row.user != viewer.user or viewer.role != "employee":
        raise not_found(data, viewer, "session", session_id)
    return row


def _log_read(data: ServiceData, viewer: Viewer, row: Session, what: str) -> None:
    if row.state == "released":
        with data.db.write() as s:
            audit.append(s, viewer.actor, "released.read", {"session_hash": id_hash(row.id), "what": what})


def _thumbnail(data: ServiceData, row: Session) -> str | None:
    frames = bundle_dir(data, row) / "frames"
    if not frames.is_dir():
        return None
    names = sorted(p.name for p in frames.iterdir() if p.is_file() and not p.name.startswith("."))
    return names[0] if names else None


def _devices(data: ServiceData, user: str) -> list[dict[str, Any]]:
    with data.db.read() as s:
        tokens = list(s.execute(select(Token).where(Token.user == user, Token.role == "employee")).scalars())
        out: list[dict[str, Any]] = []
        for t in tokens:
            last = s.execute(
                select(func.max(Session.updated)).where(Session.device == t.id)
            ).scalar_one_or_none()
            latest = s.execute(
                select(Session.state).where(Session.device == t.id).order_by(Session.updated.desc()).limit(1)
            ).scalar_one_or_none()
            out.append(
                {"id": t.id, "name": t.name, "revoked": t.revoked, "last_seen": last, "latest": latest}
            )
    reported = states_of(data, user)
    for d in out:
        r = reported.get(d["id"])
        if r is not None:
            d["reported"], d["reported_at"] = r.state, r.updated
    return out


@router.get("")
def me(request: Request, viewer: Signed) -> Response:
    data = data_of(request)
    rows = my_sessions(data, viewer.user) if viewer.role == "employee" else []
    sessions = [{"row": r, "thumb": _thumbnail(data, r)} for r in rows]
    return render(request, "me.html", viewer, sessions=sessions, devices=_devices(data, viewer.user))


@router.get("/sessions/{session_id}")
def session_page(session_id: str, request: Request, viewer: Signed) -> Response:
    data = data_of(request)
    row = _own(data, viewer, session_id)
    steps = read_steps(data, row)
    _log_read(data, viewer, row, "steps")
    for st in steps:
        st["summary"] = describe(st["action"])
        st["kinds"] = sorted({str(r.get("kind", "?")) for r in st.get("redactions", [])})
    eps = session_episodes(data, row) if row.state == "released" else None
    return render(request, "session.html", viewer, row=row, steps=steps, episodes=eps)


@router.get("/sessions/{session_id}/frames/{name}")
def frame(session_id: str, name: str, request: Request, viewer: Signed) -> Response:
    data = data_of(request)
    row = _own(data, viewer, session_id)
    rel = f"frames/{name}"
    try:
        body = read_file(data, row, rel)
    except Exception:
        raise ConsoleError(404, f"No frame {name[:80]} in this session.") from None
    _log_read(data, viewer, row, rel)
    return Response(body, media_type=media_type(rel))


@router.post("/sessions/{session_id}/delete")
def delete_one(session_id: str, request: Request, viewer: Signed, form: Form) -> Response:
    data = data_of(request)
    _own(data, viewer, session_id)
    if form.get("confirm") != "yes":
        raise ConsoleError(422, "Tick “Yes, delete all of it” to delete the whole session.")
    delete_session(data, session_id, viewer.actor, "self-service")
    return RedirectResponse("/console/me?deleted=1", status_code=303)


@router.post("/sessions/{session_id}/delete-range")
def delete_range(session_id: str, request: Request, viewer: Signed, form: Form) -> Response:
    data = data_of(request)
    row = _own(data, viewer, session_id)
    try:
        start, end = float(form.get("start", "")), float(form.get("end", ""))
    except ValueError:
        raise ConsoleError(422, "Give the range as seconds from the session's start (numbers).") from None
    r = delete_time_range(data, row, start, end, viewer.actor)
    if r.whole_session:
        return RedirectResponse("/console/me?deleted=1", status_code=303)
    return RedirectResponse(f"/console/me/sessions/{session_id}?removed={r.steps}", status_code=303)


@router.get("/archive")
def archive(request: Request, viewer: Signed) -> Response:
    data = data_of(request)
    with data.db.write() as s:
        audit.append(s, viewer.actor, "me.archive", {"sessions": len(my_sessions(data, viewer.user))})
    return StreamingResponse(
        archive_stream(data, viewer.user),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="demotrace-my-data.zip"'},
    )


@router.get("/audit")
def my_audit(request: Request, viewer: Signed) -> Response:
    """Every audit entry about my data: my own actions, and reads of my sessions by anyone."""
    data = data_of(request)
    hashes = {id_hash(r.id) for r in my_sessions(data, viewer.user)}
    mine = f":{viewer.user}:"
    entries = []
    with data.db.read() as s:
        for e in audit.entries(s, limit=5000):
            detail = json.loads(e.detail)
            if mine in e.actor or detail.get("session_hash") in hashes or detail.get("user") == viewer.user:
                entries.append(
                    {"seq": e.seq, "ts": e.ts, "actor": e.actor, "action": e.action, "detail": detail}
                )
    return render(request, "audit.html", viewer, entries=entries)


@router.get("/policy")
def my_policy(request: Request, viewer: Signed) -> Response:
    return render(request, "policy_plain.html", viewer, policy=current_policy(data_of(request)))
