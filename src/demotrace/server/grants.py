"""Media straight to the object store: upload grants (presigned URLs), then a confirmation.

1. `POST /v1/sessions/{id}/grants` {path, size, sha256}: the device asks to upload one media file
   (`frames/…`, `video/…`). With an S3 blob store the answer is a presigned PUT URL, or one URL
   per part for a file over `MULTIPART_BYTES` (multipart upload), for the staging key
   `incoming/<id>/<sha256>`; with a local blob folder it is `direct: true` (PUT the file to the
   API as before). Chunks and session.json always go through the API: they are validated.
2. The device PUTs the bytes to the object store (never its API token).
3. `POST /v1/sessions/{id}/grants/confirm` {path, sha256, upload_id, etags}: the service completes
   the multipart upload, reads the staged object back in blocks and hashes it (end to end: what
   is stored is what the device hashed), then records it like any upload, copying it to
   `quarantine/<id>/<path>` inside the store. A mismatch is refused (422) and the staged object
   removed. The API carries metadata and grants only; media bytes never pass through it."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from ..store import ServiceData
from . import ingest
from .auth import Principal, require
from .deps import ERRORS, get_data
from .schemas import FileAck

router = APIRouter()
Data = Annotated[ServiceData, Depends(get_data)]
Employee = Annotated[Principal, Depends(require("employee"))]
MULTIPART_BYTES = 8 * 1024 * 1024
"""Files above this size are uploaded in parts of this size (S3's minimum part is 5 MiB)."""
SHA_HEX = r"^[0-9a-f]{64}$"


class GrantRequest(BaseModel):
    path: str = Field(max_length=200, description="the media file's path in the bundle (frames/…, video/…)")
    size: int = Field(ge=0, description="bytes of the file")
    sha256: str = Field(pattern=SHA_HEX, description="sha256 (hex) of the file")


class Grant(BaseModel):
    direct: bool = Field(description="true: no object store; PUT the file to /v1/sessions/{id}/files/{path}")
    url: str | None = Field(default=None, description="presigned PUT URL (single upload)")
    upload_id: str | None = Field(default=None, description="multipart upload id (send it back to confirm)")
    part_urls: list[str] = Field(default_factory=list, description="presigned PUT URL of each part, in order")
    part_size: int = Field(default=0, description="bytes of every part but the last")


class ConfirmRequest(BaseModel):
    path: str = Field(max_length=200)
    sha256: str = Field(pattern=SHA_HEX)
    upload_id: str | None = None
    etags: list[str] = Field(default_factory=list, description="each part's ETag, in order (multipart)")


def _media(session_id: str, rel: str) -> None:
    ingest.check_ids(session_id, rel)
    if not rel.startswith(("frames/", "video/")):
        raise HTTPException(422, f"path: {rel[:80]!r} is not media (chunks, session.json: PUT to the API)")


def _staging(session_id: str, sha: str) -> str:
    return f"incoming/{session_id}/{sha}"


@router.post("/v1/sessions/{session_id}/grants", response_model=Grant, responses=ERRORS, tags=["device"])
def grant_upload(session_id: str, req: GrantRequest, p: Employee, data: Data) -> Grant:
    """A presigned upload of one media file straight to the object store (or `direct`)."""
    _media(session_id, req.path)
    limit = data.config.max_upload_bytes
    if req.size > limit:
        raise HTTPException(413, f"upload of {req.size} bytes exceeds the limit of {limit} bytes")
    s3 = data.blobs.s3
    if s3 is None:
        return Grant(direct=True)
    ingest.ensure_session(data, p, session_id)  # ours (or new), not deleted: 404 / 410 otherwise
    key = _staging(session_id, req.sha256)
    if req.size <= MULTIPART_BYTES:
        return Grant(direct=False, url=s3.presign_put(key))
    upload_id = s3.start_multipart(key)
    parts = math.ceil(req.size / MULTIPART_BYTES)
    urls = [s3.presign_part(key, upload_id, n) for n in range(1, parts + 1)]
    return Grant(direct=False, upload_id=upload_id, part_urls=urls, part_size=MULTIPART_BYTES)


@router.post(
    "/v1/sessions/{session_id}/grants/confirm", response_model=FileAck, responses=ERRORS, tags=["device"]
)
def confirm_upload(session_id: str, req: ConfirmRequest, p: Employee, data: Data) -> FileAck:
    """Verify a presigned upload (sha256 of what the store holds) and record it."""
    _media(session_id, req.path)
    s3 = data.blobs.s3
    if s3 is None:
        raise HTTPException(409, "this service keeps blobs in a folder: PUT the file to the API")
    key = _staging(session_id, req.sha256)
    if req.upload_id:
        try:
            s3.finish_multipart(key, req.upload_id, req.etags)
        except Exception as e:  # a wrong part list or an unknown upload: the device starts again
            s3.abort_multipart(key, req.upload_id)
            raise HTTPException(422, f"multipart upload could not be completed: {str(e)[:200]}") from None
    size = s3.size(key)
    if size is None:
        raise HTTPException(422, f"{req.path}: nothing was uploaded under this grant")
    if size > data.config.max_upload_bytes or data.blobs.sha256(key) != req.sha256:
        s3.delete(key)
        raise HTTPException(422, f"{req.path}: the uploaded bytes do not match sha256 {req.sha256[:12]}…")
    dup, stored = ingest.record_file(
        data, p, session_id, req.path, req.sha256, size, lambda dest: s3.copy(key, dest)
    )
    s3.delete(key)
    return FileAck(session_id=session_id, rel=req.path, sha256=req.sha256, size=stored, duplicate=dup)
