"""A simulated device: the real upload protocol (bearer token from a one-time enrollment code,
`PUT /v1/sessions/{id}/files/{rel}` with X-Content-SHA256, `POST …/complete`), one session after
another until told to stop. Like the uploader it retries a connection error or a 5xx after a short
backoff and waits out a 429's Retry-After, so every file of a session is eventually accepted and
the figures count only what the service acknowledged."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from demotrace.schema import new_session_id

from .recording import Recording, Upload, session_json


@dataclass
class DeviceStats:
    accepted_records: int = 0
    accepted_bytes: int = 0
    uploads: int = 0
    duplicates: int = 0
    sessions: int = 0
    latencies: list[tuple[float, float]] = field(default_factory=list)
    """(when it was answered, seconds it took), per accepted request."""
    errors: Counter[str] = field(default_factory=Counter)
    """Answers other than 200, and transport errors, by kind (each was retried)."""


class Device(threading.Thread):
    def __init__(
        self, url: str, token: str, rec: Recording, stop: threading.Event, think_s: float = 0.0
    ) -> None:
        super().__init__(daemon=True)
        self.client = httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=httpx.Timeout(60, connect=5)
        )
        self.rec, self.halt, self.think = rec, stop, think_s
        self.stats = DeviceStats()
        self.rng = random.Random()

    def run(self) -> None:
        try:
            while not self.halt.is_set():
                self._session()
        finally:
            self.client.close()

    def _session(self) -> None:
        sid = new_session_id()
        start = time.time()
        uploads = [*self.rec.chunks, *self.rec.frames]
        k = self.rng.randrange(len(uploads))  # devices out of step: chunks and frames interleave
        uploads = uploads[k:] + uploads[:k]
        open_meta = session_json(sid, start, None)
        self._put(sid, Upload("session.json", open_meta, _sha(open_meta)))
        for u in uploads:
            if self.halt.is_set():
                return
            self._put(sid, u)
            if self.think:
                self.halt.wait(self.think)
        done = session_json(sid, start, start + 60.0)
        self._put(sid, Upload("session.json", done, _sha(done)))
        files = {"session.json": _sha(done), **{u.rel: u.sha for u in uploads}}
        r = self._call("POST", f"/v1/sessions/{sid}/complete", json={"files": files})
        if r is not None and r.json().get("durable"):
            self.stats.sessions += 1

    def _put(self, sid: str, u: Upload) -> None:
        headers = {"X-Content-SHA256": u.sha, "Content-Type": "application/octet-stream"}
        r = self._call("PUT", f"/v1/sessions/{sid}/files/{u.rel}", content=u.body, headers=headers)
        if r is None:
            return
        st = self.stats
        if r.json().get("duplicate"):  # a retry of an upload whose answer was lost
            st.duplicates += 1
            return
        st.uploads += 1
        st.accepted_bytes += len(u.body)
        st.accepted_records += u.records

    def _call(self, method: str, path: str, **kw: object) -> httpx.Response | None:
        """The 200 answer, retried through errors; None only when the run is stopping."""
        attempt = 0
        while not self.halt.is_set():
            t0 = time.perf_counter()
            try:
                r = self.client.request(method, path, **kw)  # type: ignore[arg-type]
            except httpx.HTTPError as e:
                self.stats.errors[type(e).__name__] += 1
                wait = 0.0
            else:
                if r.status_code == 200:
                    now = time.perf_counter()
                    self.stats.latencies.append((now, now - t0))
                    return r
                self.stats.errors[f"HTTP {r.status_code}"] += 1
                if r.status_code < 500 and r.status_code not in (408, 429):
                    raise SystemExit(f"bench/fleet: {method} {path}: HTTP {r.status_code} {r.text[:200]}")
                wait = float(r.headers.get("retry-after", "0") or 0)
            attempt += 1
            self.halt.wait(max(wait, self.rng.uniform(0.05, 0.1) * min(2**attempt, 20)))
        return None


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()
