"""The service's storage: metadata database (SQLAlchemy 2 + Alembic), blob store (fsspec),
audit log, deletion and retention, and what the pipeline reads (`released_bundle_dirs`)."""

from . import audit
from .blobs import BlobStore
from .config import ServiceConfig
from .data import ServiceData
from .db import Store
from .lifecycle import delete_session, id_hash, purge_expired
from .released import audit_event, released_bundle_dirs, released_session_ids

__all__ = [
    "BlobStore",
    "ServiceConfig",
    "ServiceData",
    "Store",
    "audit",
    "audit_event",
    "delete_session",
    "id_hash",
    "purge_expired",
    "released_bundle_dirs",
    "released_session_ids",
]
