"""Request and response bodies of the HTTP API (they make the published OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

SESSION_ID = r"^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$"


class Problem(BaseModel):
    detail: str


class EnrollRequest(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(default="", max_length=128, description="A label for the device (not its hostname).")


class EnrollResponse(BaseModel):
    token: str
    device_id: str
    user: str
    role: str


class FileAck(BaseModel):
    session_id: str
    rel: str
    sha256: str
    size: int
    duplicate: bool = Field(description="True when this exact file was already stored (nothing written).")


class Manifest(BaseModel):
    session_id: str
    state: str
    files: dict[str, str] = Field(description="path in the bundle → sha256 of the stored file")


class CompleteRequest(BaseModel):
    files: dict[str, str] = Field(description="every file of the session the device holds: path → sha256")


class CompleteResponse(BaseModel):
    session_id: str
    state: str
    durable: bool = Field(description="True: everything listed is stored durably; the device may delete it.")
    missing: list[str]


class SessionInfo(BaseModel):
    id: str
    user: str
    state: Literal["receiving", "quarantined", "redacting", "released", "failed"]
    start: float
    stop: float | None
    steps: int
    events: int
    bytes: int
    alert: str | None = None


class SessionList(BaseModel):
    sessions: list[SessionInfo]


class StepList(BaseModel):
    session_id: str
    steps: list[dict[str, Any]]


class Deleted(BaseModel):
    deleted: int


class DeletedRange(Deleted):
    trimmed: int = 0
    """Sessions that only partly overlapped the range: only the range was cut out of them."""


class CodeRequest(BaseModel):
    user: str | None = Field(
        default=None,
        max_length=64,
        pattern=r"^[A-Za-z0-9._@-]+$",
        description="a new person's pseudonym (default: a random one); 409 for anyone who exists",
    )
    role: Literal["employee"] = "employee"
    ttl_hours: float = Field(default=24.0, gt=0, le=24 * 30)


class CodeResponse(BaseModel):
    code: str
    user: str
    role: str
    expires: float


class DeviceInfo(BaseModel):
    id: str
    user: str
    role: str
    name: str
    created: float
    revoked: bool


class DeviceList(BaseModel):
    devices: list[DeviceInfo]


class AuditEntryOut(BaseModel):
    seq: int
    ts: float
    actor: str
    action: str
    detail: dict[str, Any]
    hash: str


class AuditList(BaseModel):
    entries: list[AuditEntryOut]


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    problem: str | None = None


class Purged(BaseModel):
    purged: int


class PolicyAck(BaseModel):
    version: int
    etag: str
