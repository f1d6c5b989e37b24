"""The versioned policy the service distributes. Stored as JSON documents, one row per version;
the newest is served with an ETag (sha256 of its canonical JSON). An admin PUT is validated by
the same loader the recorder uses (`policy_from_dict`) and gets a version above every earlier one."""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

from sqlalchemy import func, select

from ..errors import PolicyError
from ..policy import Policy, default_policy, policy_from_dict
from ..store import ServiceData, audit
from ..store.models import PolicyVersion


def _canonical(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"))


def current_document(data: ServiceData) -> tuple[dict[str, Any], str]:
    with data.db.read() as s:
        row = s.execute(
            select(PolicyVersion).order_by(PolicyVersion.version.desc()).limit(1)
        ).scalar_one_or_none()
        if row is not None:
            return json.loads(row.document), row.etag
    doc = default_policy().to_dict()
    return doc, hashlib.sha256(_canonical(doc).encode()).hexdigest()


def current_policy(data: ServiceData) -> Policy:
    doc, _ = current_document(data)
    return policy_from_dict(doc, "<service policy>")


def put_document(data: ServiceData, doc: Any, actor: str) -> tuple[int, str]:
    """Validate and store a new version; PolicyError (→ 422) names the offending key."""
    policy = policy_from_dict(doc, "<request body>")
    with data.db.write() as s:
        top = s.execute(select(func.max(PolicyVersion.version))).scalar() or 0
        version = max(policy.version, top + 1)
        stored = dict(policy.to_dict(), version=version)
        canon = _canonical(stored)
        etag = hashlib.sha256(canon.encode()).hexdigest()
        s.add(PolicyVersion(version=version, document=canon, etag=etag, created=time.time(), author=actor))
        audit.append(s, actor, "policy.update", {"version": version, "etag": etag})
    return version, etag


__all__ = ["PolicyError", "current_document", "current_policy", "put_document"]
