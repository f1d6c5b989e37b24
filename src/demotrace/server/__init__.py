"""The demotrace service: ingest, enrollment, policy distribution, quarantine and release,
self-service, admin and the trainers' read API (FastAPI). `create_app(config)` builds it."""

from .app import create_app

__all__ = ["create_app"]
