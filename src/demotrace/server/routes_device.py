"""The device's side of the API: enrollment, upload, completion, policy."""

from __future__ import annotations

import secrets
import time
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Depends, Header, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import update
from starlette.requests import ClientDisconnect

from ..errors import PolicyError
from ..store import ServiceData, audit
from ..store.models import EnrollCode, Token
from . import ingest
from .auth import Principal, hash_secret, new_token, normalise_code, require
from .deps import ERRORS, get_data, whole_rel
from .policies import current_document, put_document
from .schemas import (
    CompleteRequest,
    CompleteResponse,
    EnrollRequest,
    EnrollResponse,
    FileAck,
    Manifest,
    PolicyAck,
)

router = APIRouter()
Data = Annotated[ServiceData, Depends(get_data)]
Employee = Annotated[Principal, Depends(require("employee"))]
AnyRole = Annotated[Principal, Depends(require("employee", "admin", "trainer"))]
Admin = Annotated[Principal, Depends(require("admin"))]


@router.post("/v1/enroll", response_model=EnrollResponse, responses=ERRORS, tags=["device"])
def enroll(req: EnrollRequest, data: Data) -> EnrollResponse:
    """Trade a one-time enrollment code for a device token (shown once; only its hash is kept)."""
    h, now = hash_secret(normalise_code(req.code)), time.time()
    token = new_token()
    with data.db.write() as s:
        r = s.execute(
            update(EnrollCode)
            .where(EnrollCode.code_hash == h, EnrollCode.used_at.is_(None), EnrollCode.expires > now)
            .values(used_at=now)
        )
        if r.rowcount != 1:  # type: ignore[attr-defined]
            raise HTTPException(401, "enrollment code is wrong, used or expired")
        code = s.get(EnrollCode, h)
        assert code is not None

        tid = secrets.token_hex(8)
        s.add(
            Token(
                id=tid,
                token_hash=hash_secret(token),
                role=code.role,
                user=code.user,
                name=req.name,
                created=now,
                revoked=False,
            )
        )
        audit.append(s, f"{code.role}:{code.user}:{tid}", "device.enroll", {"device": tid, "name": req.name})
        return EnrollResponse(token=token, device_id=tid, user=code.user, role=code.role)


_BINARY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/v1/sessions/{session_id}/files/{rel:path}",
    response_model=FileAck,
    responses=ERRORS,
    openapi_extra=_BINARY,
    tags=["device"],
)
async def upload_file(
    session_id: str,
    rel: str,
    request: Request,
    p: Employee,
    data: Data,
    x_content_sha256: Annotated[str, Header(description="sha256 (hex) of the uncompressed file")],
    content_encoding: Annotated[str, Header(description="identity or zstd")] = "identity",
) -> FileAck:
    """Store one file of a session's bundle (idempotent by path and sha256)."""
    ingest.check_ids(session_id, whole_rel(request, rel))
    sha = x_content_sha256.strip().lower()
    if not ingest.SHA.fullmatch(sha):
        raise HTTPException(422, "X-Content-SHA256: must be 64 hex digits")
    limit = data.config.max_upload_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload of {declared} bytes exceeds the limit of {limit} bytes")
    buf = bytearray()
    try:
        async for part in request.stream():
            buf += part
            if len(buf) > limit:
                raise HTTPException(413, f"upload exceeds the limit of {limit} bytes")
    except ClientDisconnect:
        raise HTTPException(400, "body: the connection closed before the body was complete") from None

    def decode_and_store() -> tuple[bool, int]:  # one trip to the thread pool per upload
        body = ingest.decode_body(buf, content_encoding, limit)
        buf.clear()
        return ingest.store_file(data, p, session_id, rel, body, sha)

    dup, size = await run_in_threadpool(decode_and_store)
    return FileAck(session_id=session_id, rel=rel, sha256=sha, size=size, duplicate=dup)


@router.get("/v1/sessions/{session_id}/manifest", response_model=Manifest, responses=ERRORS, tags=["device"])
def get_manifest(session_id: str, p: Employee, data: Data) -> Manifest:
    """What the service holds of a session (to resume an upload)."""
    ingest.check_ids(session_id)
    state, files = ingest.manifest(data, p, session_id)
    return Manifest(session_id=session_id, state=state, files=files)


@router.post(
    "/v1/sessions/{session_id}/complete", response_model=CompleteResponse, responses=ERRORS, tags=["device"]
)
def complete_session(
    session_id: str, req: CompleteRequest, p: Employee, data: Data, request: Request
) -> CompleteResponse:
    """Confirm a stopped session is stored in full; `durable: true` lets the device delete it."""
    ingest.check_ids(session_id)
    state, missing = ingest.complete(data, p, session_id, req.files)
    if not missing:
        request.app.state.background.kick()
    return CompleteResponse(session_id=session_id, state=state, durable=not missing, missing=missing)


@router.get(
    "/v1/policy",
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        304: {"description": "unchanged"},
        **ERRORS,
    },
    tags=["policy"],
)
def get_policy(p: AnyRole, data: Data, if_none_match: Annotated[str | None, Header()] = None) -> Response:
    """The current policy document (DESIGN.md, "Policy"), with an ETag."""
    doc, etag = current_document(data)
    quoted = f'"{etag}"'
    if if_none_match is not None and quoted in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": quoted})

    return Response(orjson.dumps(doc), media_type="application/json", headers={"ETag": quoted})


@router.put("/v1/policy", response_model=PolicyAck, responses=ERRORS, tags=["policy"])
def put_policy(p: Admin, data: Data, doc: Annotated[dict[str, Any], Body()]) -> PolicyAck:
    """Replace the policy (admin). Validated like the recorder does; 422 names the key."""
    try:
        version, etag = put_document(data, doc, p.actor)
    except PolicyError as e:
        raise HTTPException(422, str(e)) from None
    return PolicyAck(version=version, etag=etag)
