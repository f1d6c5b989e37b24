"""A service's data, opened from its folder: configuration, metadata database and blob store."""

from __future__ import annotations

from pathlib import Path

from .audit import CHECKPOINTS_FILE, load_key, write_checkpoint
from .blobs import BlobStore
from .config import ServiceConfig
from .db import Store


class ServiceData:
    def __init__(self, config: ServiceConfig, migrate: bool = True) -> None:
        self.config = config
        key = load_key(config.data_dir)
        self.db = Store(config.db_url, audit_key=key, pool_size=config.worker_threads + 4)
        if migrate:
            self.db.migrate()
        self.blobs = BlobStore(config.blobs_url, cache_dir=config.data_dir / "cache")

    @classmethod
    def open(cls, data_dir: Path, migrate: bool = True) -> ServiceData:
        return cls(ServiceConfig.load(data_dir), migrate=migrate)

    @property
    def checkpoints_path(self) -> Path:
        """The signed checkpoints of the audit head (outside the database: ship it elsewhere)."""
        return self.config.data_dir / CHECKPOINTS_FILE

    def checkpoint_audit(self, last: tuple[int, str] | None = None) -> tuple[int, str] | None:
        """Append a signed checkpoint of the audit head unless it is still `last`."""
        with self.db.read() as s:
            return write_checkpoint(s, self.checkpoints_path, last)

    def close(self) -> None:
        self.db.close()
