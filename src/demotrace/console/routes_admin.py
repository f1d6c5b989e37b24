"""Admin pages: the policy editor (search, add, remove, bulk import, deny lists, versions with
diff and rollback), devices and enrollment codes, quarantine alerts with retry, coverage."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from ..errors import PolicyError
from ..server.policies import current_document, put_document
from ..server.routes_admin import create_code
from ..store import audit, id_hash
from ..store.models import Session, Token
from . import policy_edit
from .coverage import coverage
from .signin import Viewer
from .web import ConsoleError, Form, data_of, need_role, render, signed_in

router = APIRouter(prefix="/console/admin", include_in_schema=False)
Signed = Annotated[Viewer, Depends(signed_in)]


def admin(viewer: Signed) -> Viewer:
    need_role(viewer, "admin")
    return viewer


Admin = Annotated[Viewer, Depends(admin)]


@router.get("/policy")
def policy_page(request: Request, viewer: Admin) -> Response:
    data = data_of(request)
    doc, etag = current_document(data)
    q = request.query_params.get("q", "").strip().lower()[:100]
    sites = [s for s in doc.get("sites", []) if q in s.get("domain", "")]
    history = policy_edit.versions(data)
    shown: dict[str, Any] | None = None
    v = request.query_params.get("diff", "")
    if v.isdigit():
        new = policy_edit.document_of(data, int(v))
        older = [h.version for h in history if h.version < int(v)]
        old = policy_edit.document_of(data, older[0]) if older else {}
        if new is not None:
            shown = {
                "version": int(v),
                "against": older[0] if older else None,
                "changes": policy_edit.diff(old or {}, new),
            }
    return render(
        request,
        "admin_policy.html",
        viewer,
        doc=doc,
        etag=etag,
        q=q,
        sites=sites,
        history=history,
        shown=shown,
        app_line=policy_edit.app_line,
        notice=request.query_params.get("notice", "")[:200],
    )


def _save(request: Request, viewer: Viewer, doc: dict[str, Any], what: str) -> Response:
    data = data_of(request)
    if not policy_edit.versions(data):  # keep the built-in default in the history, to roll back to
        put_document(data, current_document(data)[0], "built-in default")
    try:
        version, _ = put_document(data, doc, viewer.actor)
    except PolicyError as e:
        raise ConsoleError(422, f"The policy was not saved: {e}") from None
    return RedirectResponse(f"/console/admin/policy?notice={what}, now version {version}", status_code=303)


@router.post("/policy/sites")
def edit_sites(request: Request, viewer: Admin, form: Form) -> Response:
    doc, _ = current_document(data_of(request))
    op = form.get("op", "")
    if op == "remove":
        gone = form.getlist("domain")
        return _save(
            request, viewer, policy_edit.with_sites(doc, remove=gone), f"Removed {', '.join(gone)[:100]}"
        )
    text = str(form.get("domains", ""))
    text += "\n" + form.get("file")
    good, bad = policy_edit.parse_domains(text)
    if bad:
        raise ConsoleError(422, f"Not a domain: {', '.join(bad[:5])}. Nothing was saved.")
    if not good:
        raise ConsoleError(422, "No domain given. Nothing was saved.")
    before = {s["domain"] for s in doc.get("sites", [])}
    added = [d for d in good if d not in before]
    return _save(request, viewer, policy_edit.with_sites(doc, add=good), f"Added {len(added)} sites")


@router.post("/policy/lists")
def edit_lists(request: Request, viewer: Admin, form: Form) -> Response:
    doc, _ = current_document(data_of(request))
    deny = dict(doc.get("deny", {}))
    for field in ("apps", "sites", "confidential_terms", "sensitive_topics"):
        if f"deny_{field}" in form:
            deny[field] = policy_edit.lines(form.get(f"deny_{field}"))
    doc = dict(doc, deny=deny)
    if "apps" in form:
        doc["apps"] = [policy_edit.app_rule(a) for a in policy_edit.lines(form.get("apps"))]
    return _save(request, viewer, doc, "Saved the lists")


@router.post("/policy/rollback")
def rollback(request: Request, viewer: Admin, form: Form) -> Response:
    v = str(form.get("version", ""))
    old = policy_edit.document_of(data_of(request), int(v)) if v.isdigit() else None
    if old is None:
        raise ConsoleError(404, f"No policy version {v[:20]}.")
    with data_of(request).db.write() as s:
        audit.append(s, viewer.actor, "policy.rollback", {"to_version": int(v)})
    return _save(request, viewer, old, f"Rolled back to version {v}")


@router.get("/devices")
def devices_page(request: Request, viewer: Admin) -> Response:
    data = data_of(request)
    with data.db.read() as s:
        tokens = list(s.execute(select(Token).order_by(Token.created)).scalars())
        failed = list(
            s.execute(select(Session).where(Session.state == "failed").order_by(Session.id)).scalars()
        )
    return render(
        request,
        "admin_devices.html",
        viewer,
        tokens=tokens,
        failed=failed,
        code=request.query_params.get("code"),
    )


@router.post("/codes")
def new_code(request: Request, viewer: Admin, form: Form) -> Response:
    user = str(form.get("user", "")).strip()[:64] or None
    data = data_of(request)
    if user is not None:
        with data.db.read() as s:
            if s.execute(select(Token.id).where(Token.user == user).limit(1)).first() is not None:
                raise ConsoleError(
                    409, f"{user} already has a device; make their code on the host (`demotrace admin code`)."
                )
    r = create_code(data, viewer.actor, user, "employee", data.config.code_ttl_hours)
    return render(request, "admin_code.html", viewer, code=r)


@router.post("/devices/{device_id}/revoke")
def revoke(device_id: str, request: Request, viewer: Admin, form: Form) -> Response:
    with data_of(request).db.write() as s:
        t = s.get(Token, device_id[:32])
        if t is None:
            raise ConsoleError(404, f"No device {device_id[:40]}.")
        t.revoked = True
        audit.append(s, viewer.actor, "device.revoke", {"device": t.id})
    return RedirectResponse("/console/admin/devices", status_code=303)


@router.post("/sessions/{session_id}/retry")
def retry(session_id: str, request: Request, viewer: Admin, form: Form) -> Response:
    with data_of(request).db.write() as s:
        row = s.get(Session, session_id[:32])
        if row is None or row.state != "failed":
            raise ConsoleError(404, "No failed session with that id.")
        row.state, row.updated = "quarantined", time.time()
        audit.append(s, viewer.actor, "session.retry", {"session_hash": id_hash(row.id)})
    request.app.state.background.kick()
    return RedirectResponse("/console/admin/devices", status_code=303)


@router.get("/coverage")
def coverage_page(request: Request, viewer: Admin) -> Response:
    return render(request, "admin_coverage.html", viewer, cov=coverage(data_of(request)))
