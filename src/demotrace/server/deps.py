"""Shared pieces of the routes: the service's data, reading a session's bundle, error bodies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from ..bundle import BundleReader
from ..errors import BundleError
from ..store import ServiceData
from ..store.models import Session
from .schemas import Problem, SessionInfo

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 409, 410, 413, 422, 429)
}


def whole_rel(request: Request, rel: str) -> str:
    """The `{rel:path}` parameter, refused (422) unless it is the whole rest of the path:
    Starlette's `.*$` stops before a trailing newline (`…%0A`) and would drop it silently."""
    if not request.scope.get("path", "").endswith("/" + rel):
        raise HTTPException(422, f"path: {rel[:80]!r} is not a file of the bundle")
    return rel


def get_data(request: Request) -> ServiceData:
    data: ServiceData = request.app.state.data
    return data


def info(row: Session) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        user=row.user,
        state=row.state,  # type: ignore[arg-type]
        start=row.start,
        stop=row.stop,
        steps=row.steps,
        events=row.events,
        bytes=row.bytes,
        alert=row.alert,
    )


def bundle_dir(data: ServiceData, row: Session) -> Path:
    area = "released" if row.state == "released" else "quarantine"
    return data.blobs.session_dir(area, row.id)


def read_steps(data: ServiceData, row: Session) -> list[dict[str, Any]]:
    d = bundle_dir(data, row)
    if not (d / "session.json").exists():
        return []
    try:
        return [s.to_dict() for s in BundleReader(d, None).steps()]
    except BundleError as e:
        raise HTTPException(409, f"session {row.id} cannot be read now ({e})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as e:  # a record stored before validation
        raise HTTPException(409, f"session {row.id} holds a malformed record ({type(e).__name__})") from None


def read_file(data: ServiceData, row: Session, rel: str) -> bytes:
    if ".." in rel or rel.startswith("/"):
        raise HTTPException(422, f"path: {rel[:80]!r} is not a file of the bundle")
    p = bundle_dir(data, row) / rel
    if not p.is_file():
        raise HTTPException(404, f"no file {rel[:80]} in session {row.id}")
    return p.read_bytes()


MEDIA = {
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".json": "application/json",
    ".mp4": "video/mp4",
}


def media_type(rel: str) -> str:
    return MEDIA.get(Path(rel).suffix.lower(), "application/octet-stream")


FILE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        "description": "the file's bytes",
    },
    **ERRORS,
}
