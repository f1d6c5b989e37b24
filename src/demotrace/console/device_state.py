"""Devices' live state for the console: recorders send a one-line state (`recording`, `paused`,
`blocked: <why>`, `stopped`) as `X-Recorder-State` with their uploads. This ASGI middleware
notes it after the request was authenticated (the principal that `server.auth.AuthFirst` put
in the scope), without touching the upload routes; a row is written when the state changes or
every `REFRESH` seconds, so uploads do not each pay for a database write."""

from __future__ import annotations

import time
from typing import Any

from fastapi.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..server.auth import Principal
from ..store import ServiceData
from ..store.console_models import DeviceState

REFRESH = 30.0
HEADER = b"x-recorder-state"


def save_state(data: ServiceData, p: Principal, state: str) -> None:
    with data.db.write() as s:
        row = s.get(DeviceState, p.id)
        if row is None:
            s.add(DeviceState(device_id=p.id, user=p.user, state=state, updated=time.time()))
        else:
            row.state, row.updated = state, time.time()


def states_of(data: ServiceData, user: str) -> dict[str, DeviceState]:
    from sqlalchemy import select

    with data.db.read() as s:
        return {
            r.device_id: r for r in s.execute(select(DeviceState).where(DeviceState.user == user)).scalars()
        }


class RecorderStateObserver:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._seen: dict[str, tuple[str, float]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/v1/"):
            return
        raw = next((v for k, v in scope["headers"] if k == HEADER), None)
        p: Any = scope.get("state", {}).get("principal")
        if raw is None or not isinstance(p, Principal) or p.role != "employee":
            return
        state = " ".join(raw.decode("latin-1").split())[:200]
        last = self._seen.get(p.id)
        now = time.monotonic()
        if last is not None and last[0] == state and now - last[1] < REFRESH:
            return
        self._seen[p.id] = (state, now)
        data: ServiceData = scope["app"].state.data
        await run_in_threadpool(save_state, data, p, state)
