"""The trainer's pages: the queue of released episodes and the replay viewer, where an episode's
instruction is edited and the episode accepted or rejected (with a reason). Verdicts live in the
`episode_reviews` table; `demotrace export` reads them (`store.reviews.episode_reviews`)."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from ..server.deps import media_type, read_file
from ..store import ServiceData, audit, id_hash
from ..store.console_models import EpisodeReview
from ..store.models import Session
from ..store.reviews import reviews_of
from .episodes import describe, frame_point, session_episodes, split_episode_id
from .signin import Viewer
from .web import ConsoleError, Form, data_of, need_role, not_found, render, signed_in

router = APIRouter(prefix="/console/review", include_in_schema=False)
Signed = Annotated[Viewer, Depends(signed_in)]
STATUSES = ("", "accepted", "rejected")


def trainer(viewer: Signed) -> Viewer:
    need_role(viewer, "trainer")
    return viewer


Trainer = Annotated[Viewer, Depends(trainer)]


@router.get("")
def queue(request: Request, viewer: Trainer) -> Response:
    data = data_of(request)
    want = request.query_params.get("status", "pending")
    reviews = reviews_of(data)
    with data.db.read() as s:
        rows = list(
            s.execute(select(Session).where(Session.state == "released").order_by(Session.id)).scalars()
        )
    items: list[dict[str, Any]] = []
    for row in rows:
        for ep in session_episodes(data, row).episodes:
            r = reviews.get(ep.episode_id)
            status = r.status if r else ""
            if want != "all" and (status or "pending") != want:
                continue
            items.append(
                {
                    "id": ep.episode_id,
                    "instruction": (r.instruction if r and r.instruction else ep.instruction) or "",
                    "edited": bool(r and r.instruction),
                    "status": status or "pending",
                    "steps": len(ep.steps),
                    "duration": ep.duration,
                    "app": ep.app,
                    "start": row.start + ep.start,
                }
            )
    return render(request, "review.html", viewer, items=items, want=want)


def _episode(data: ServiceData, viewer: Viewer, episode_id: str) -> tuple[Session, Any]:
    parts = split_episode_id(episode_id)
    row = None
    if parts is not None:
        with data.db.read() as s:
            row = s.get(Session, parts[0])
    if row is None or row.state != "released" or parts is None:
        raise not_found(data, viewer, "episode", episode_id)
    eps = [e for e in session_episodes(data, row).episodes if e.episode_id == episode_id]
    if not eps:
        raise not_found(data, viewer, "episode", episode_id)
    return row, eps[0]


@router.get("/episodes/{episode_id}")
def viewer_page(episode_id: str, request: Request, viewer: Trainer) -> Response:
    data = data_of(request)
    row, ep = _episode(data, viewer, episode_id)
    with data.db.write() as s:
        audit.append(s, viewer.actor, "released.read", {"session_hash": id_hash(row.id), "what": "episode"})
        review = s.get(EpisodeReview, episode_id)
        rv = (
            {"status": review.status, "reason": review.reason, "instruction": review.instruction}
            if review
            else None
        )
    frames = []
    for st in ep.steps:
        frames.append(
            {
                "index": st.index,
                "t": round(st.t - ep.start, 3),
                "before": st.observation.before,
                "after": st.observation.after,
                "width": st.observation.width,
                "height": st.observation.height,
                "action": frame_point(st),
                "summary": describe(st.action),
                "title": str(st.context.get("title", "")),
                "url": str(st.context.get("url", "")),
                "app": str(st.context.get("app", "")),
                "kinds": sorted({str(r.get("kind", "?")) for r in st.redactions}),
            }
        )
    return render(request, "replay.html", viewer, ep=ep, row=row, steps=frames, review=rv)


@router.get("/episodes/{episode_id}/frames/{name}")
def episode_frame(episode_id: str, name: str, request: Request, viewer: Trainer) -> Response:
    data = data_of(request)
    row, ep = _episode(data, viewer, episode_id)
    rel = f"frames/{name}"
    if rel not in {f for st in ep.steps for f in (st.observation.before, st.observation.after) if f}:
        raise ConsoleError(404, "No such frame in this episode.")
    return Response(read_file(data, row, rel), media_type=media_type(rel))


def _upsert(data: ServiceData, viewer: Viewer, row: Session, episode_id: str, **fields: Any) -> None:
    with data.db.write() as s:
        r = s.get(EpisodeReview, episode_id)
        if r is None:
            r = EpisodeReview(episode_id=episode_id, session_id=row.id, status="", reason="", updated=0.0)
            s.add(r)
        for k, v in fields.items():
            setattr(r, k, v)
        r.reviewer, r.updated = viewer.actor, time.time()
        audit.append(
            s, viewer.actor, "episode.review", {"session_hash": id_hash(row.id), "fields": sorted(fields)}
        )


@router.post("/episodes/{episode_id}/instruction")
def edit_instruction(episode_id: str, request: Request, viewer: Trainer, form: Form) -> Response:
    data = data_of(request)
    row, _ = _episode(data, viewer, episode_id)
    text = " ".join(str(form.get("instruction", "")).split())[:2000]
    if not text:
        raise ConsoleError(422, "The instruction must not be empty.")
    _upsert(data, viewer, row, episode_id, instruction=text)
    return RedirectResponse(f"/console/review/episodes/{episode_id}?saved=instruction", status_code=303)


@router.post("/episodes/{episode_id}/verdict")
def verdict(episode_id: str, request: Request, viewer: Trainer, form: Form) -> Response:
    data = data_of(request)
    row, _ = _episode(data, viewer, episode_id)
    status = str(form.get("status", ""))
    reason = " ".join(str(form.get("reason", "")).split())[:2000]
    if status not in ("accepted", "rejected"):
        raise ConsoleError(422, "The verdict must be accepted or rejected.")
    if status == "rejected" and not reason:
        raise ConsoleError(422, "Give a reason for rejecting the episode.")
    _upsert(data, viewer, row, episode_id, status=status, reason=reason)
    return RedirectResponse(f"/console/review/episodes/{episode_id}?saved={status}", status_code=303)
