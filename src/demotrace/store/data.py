"""A service's data, opened from its folder: configuration, metadata database and blob store."""

from __future__ import annotations

from pathlib import Path

from .blobs import BlobStore
from .config import ServiceConfig
from .db import Store


class ServiceData:
    def __init__(self, config: ServiceConfig, migrate: bool = True) -> None:
        self.config = config
        self.db = Store(config.db_url)
        if migrate:
            self.db.migrate()
        self.blobs = BlobStore(config.blobs_url, cache_dir=config.data_dir / "cache")

    @classmethod
    def open(cls, data_dir: Path, migrate: bool = True) -> ServiceData:
        return cls(ServiceConfig.load(data_dir), migrate=migrate)

    def close(self) -> None:
        self.db.close()
