"""A simulated device: the real upload protocol (bearer token from a one-time enrollment code,
`PUT /v1/sessions/{id}/files/{rel}` with X-Content-SHA256, `POST …/complete`), one session after
another until told to stop. Like the uploader it retries a connection error or a 5xx after a short
backoff and waits out a 429's Retry-After, so every file of a session is eventually accepted and
the figures count only what the service acknowledged.

Cheap by construction, because on a small machine the generator competes with the workers for
CPU: all devices are asyncio tasks in one thread, each on one keep-alive connection
(`http1.py`); every request head is built before the measured window (`Plan`), so a request
costs one bytes concatenation, a socket write and a read of the answer's head; an answer is
looked at only for its status code and whether it says `"duplicate":true` / `"durable":true`.
What the service acknowledged is kept per session (`DeviceStats.stored`) so that the run can
check, after the window, that the database holds exactly that: nothing lost, nothing twice."""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
from collections import Counter
from dataclasses import dataclass, field

import orjson

from demotrace.schema import new_session_id

from .http1 import Answer, Connection, HttpError
from .recording import Recording, session_json


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
    stored: dict[str, dict[str, str]] = field(default_factory=dict)
    """session id → {rel: sha256} of every file the service answered 200 for (last one wins)."""
    unsure: dict[str, str] = field(default_factory=dict)
    """session id → the rel whose upload was cut by the end of the run (it may be stored or not)."""


@dataclass(slots=True)
class Put:
    rel: str
    head: bytes
    body: bytes
    sha: str
    records: int


@dataclass(slots=True)
class SessionPlan:
    sid: str
    puts: list[Put]
    complete: bytes
    """The whole `POST …/complete` request."""


class Plan:
    """Every request of a device's next sessions, encoded ahead (the session ids, their
    session.json bodies and checksums, the rotated upload order, the complete request)."""

    def __init__(self, rec: Recording, token: str, port: int, rng: random.Random) -> None:
        self.rec, self.rng = rec, rng
        self.common = (
            f" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/octet-stream\r\n"
        ).encode()
        self.uploads = [*rec.chunks, *rec.frames]
        self.tails = [self._tail(u.sha, len(u.body)) for u in self.uploads]

    def _tail(self, sha: str, size: int) -> bytes:
        return self.common + f"X-Content-SHA256: {sha}\r\nContent-Length: {size}\r\n\r\n".encode()

    def _put(self, sid: str, rel: str, tail: bytes, body: bytes, sha: str, records: int) -> Put:
        return Put(rel, f"PUT /v1/sessions/{sid}/files/{rel}".encode() + tail, body, sha, records)

    def session(self) -> SessionPlan:
        sid, start = new_session_id(), time.time()
        k = self.rng.randrange(len(self.uploads))  # devices out of step: chunks and frames interleave
        order = list(range(k, len(self.uploads))) + list(range(k))
        puts = []
        for meta in (session_json(sid, start, None), session_json(sid, start, start + 60.0)):
            sha = hashlib.sha256(meta).hexdigest()
            puts.append(self._put(sid, "session.json", self._tail(sha, len(meta)), meta, sha, 0))
        opened, done = puts
        puts = [opened]
        for i in order:
            u = self.uploads[i]
            puts.append(self._put(sid, u.rel, self.tails[i], u.body, u.sha, u.records))
        puts.append(done)
        files = orjson.dumps({"files": {p.rel: p.sha for p in puts[1:]}})
        complete = (
            f"POST /v1/sessions/{sid}/complete".encode()
            + self.common.replace(b"application/octet-stream", b"application/json")
            + f"Content-Length: {len(files)}\r\n\r\n".encode()
            + files
        )
        return SessionPlan(sid, puts, complete)


class Device:
    def __init__(
        self,
        port: int,
        token: str,
        rec: Recording,
        halt: asyncio.Event,
        think_s: float = 0.0,
        ahead: int = 4,
    ) -> None:
        self.conn = Connection(port)
        self.halt, self.think = halt, think_s
        self.stats = DeviceStats()
        self.rng = random.Random()
        self.plan = Plan(rec, token, port, self.rng)
        self.ahead = [self.plan.session() for _ in range(ahead)]
        """Sessions planned before the window; more are planned (cheaply) if a run outlasts them."""

    async def run(self) -> None:
        try:
            while not self.halt.is_set():
                await self._session(self.ahead.pop(0) if self.ahead else self.plan.session())
        finally:
            self.conn.close()

    async def _session(self, sp: SessionPlan) -> None:
        st = self.stats
        stored = st.stored.setdefault(sp.sid, {})
        for p in sp.puts:
            if self.halt.is_set():
                return
            a = await self._call(p.head, p.body)
            if a is None:
                st.unsure[sp.sid] = p.rel
                return
            stored[p.rel] = p.sha
            if b'"duplicate":true' in a.body:  # a retry of an upload whose answer was lost
                st.duplicates += 1
            else:
                st.uploads += 1
                st.accepted_bytes += len(p.body)
                st.accepted_records += p.records
            if self.think:
                await asyncio.sleep(self.think)
        a = await self._call(sp.complete)
        if a is not None and b'"durable":true' in a.body:
            st.sessions += 1

    async def _call(self, head: bytes, body: bytes = b"") -> Answer | None:
        """The 200 answer, retried through errors; None only when the run is stopping."""
        attempt = 0
        while not self.halt.is_set():
            t0 = time.perf_counter()
            try:
                a = await self.conn.request(head, body)
            except HttpError as e:
                self.stats.errors[str(e)] += 1
                wait = 0.0
            else:
                if a.status == 200:
                    now = time.perf_counter()
                    self.stats.latencies.append((now, now - t0))
                    return a
                self.stats.errors[f"HTTP {a.status}"] += 1
                if a.status < 500 and a.status not in (408, 429):
                    what = head.split(b" HTTP/1.1", 1)[0].decode()
                    raise SystemExit(f"bench/fleet: {what}: HTTP {a.status} {a.body[:200]!r}")
                wait = a.retry_after
            attempt += 1
            await asyncio.sleep(max(wait, self.rng.uniform(0.05, 0.1) * min(2**attempt, 20)))
        return None
