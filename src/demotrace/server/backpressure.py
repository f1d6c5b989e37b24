"""Backpressure: a bounded number of uploads in flight per worker process.

An upload (`PUT …/files/…` or `POST …/complete`) takes a slot before its body is read and gives it
back when its reply is sent. With every slot taken the request is answered at once with 429 and
`Retry-After` (whole seconds) instead of queueing in the worker's memory and thread pool: a worker
holds at most `max_inflight` bodies, its latency stays bounded, and the balancer and the devices
spread the excess over time (the uploader waits Retry-After, then resumes from the manifest;
nothing is lost because the spool keeps every file until the service confirms it durable).
Reads, enrollment and health checks are not limited here (the per-token rate limit covers them)."""

from __future__ import annotations

import threading

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["InFlightLimit", "is_upload"]


def is_upload(method: str, path: str) -> bool:
    """The requests that carry a body to store: file uploads and completions."""
    if not path.startswith("/v1/sessions/"):
        return False
    return (method == "PUT" and "/files/" in path) or (method == "POST" and path.endswith("/complete"))


class InFlightLimit:
    """ASGI middleware; the limit and the Retry-After come from the service's config
    (`max_inflight`, 0 turns the limit off; `busy_retry_after_s`), read on the first request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._lock = threading.Lock()
        self.inflight = 0
        self.refused = 0

    def _limits(self, scope: Scope) -> tuple[int, int]:
        cfg = scope["app"].state.data.config
        return int(cfg.max_inflight), max(1, int(cfg.busy_retry_after_s))

    def _take(self, limit: int) -> bool:
        with self._lock:
            if limit > 0 and self.inflight >= limit:
                self.refused += 1
                return False
            self.inflight += 1
            return True

    def _give(self) -> None:
        with self._lock:
            self.inflight -= 1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_upload(scope.get("method", ""), scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        limit, wait = self._limits(scope)
        if not self._take(limit):
            resp = JSONResponse(
                {"detail": f"this worker has {limit} uploads in flight; retry after {wait} s"},
                status_code=429,
                headers={"Retry-After": str(wait)},
            )
            await resp(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._give()
