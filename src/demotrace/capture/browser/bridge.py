"""The recorder's end of the extension link: a WebSocket server on 127.0.0.1.

An extension connects, sends `hello` with this install's pairing secret and gets `welcome` with the
policy's sites; anything else (no hello, a wrong secret, a web page's Origin) is closed with a 44xx
code and logged. The server runs its own asyncio loop in a thread; the recorder calls the query
methods (`page_for`, `secure_focus_active`, `events_between`) from its threads.

A tab is allowed only once every frame in it has reported where its secure fields are (a `boxes`
message, an empty list too), and no longer once one has gone (`boxes` with `gone`) or a new frame
appears that has not: a content script that is not running in a frame (not injected yet, a scheme
it cannot run in, one that never learnt the policy) would leave a revealed password unmasked, so
until it speaks the tab is blocked, never recorded unmasked. The bookkeeping is `frames.FrameGate`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from demotrace.errors import CaptureError
from demotrace.policy import Policy

from .frames import NOT_MEASURED as NOT_MEASURED  # re-exported: the reason tests look for
from .frames import FrameGate
from .launcher import refresh_managed_config
from .model import BBox, DomEvent, PageState, as_bbox, as_point
from .pairing import Pairing, load_pairing, save_pairing

log = logging.getLogger("demotrace.capture.browser")

HELLO_TIMEOUT_S = 5.0
MAX_FRAME = 1 << 20
PROTOCOL_VERSION = 1


@dataclass
class _Window:
    id: int
    focused: bool
    last_focused: bool
    incognito: bool
    tab: dict[str, Any] | None


@dataclass
class _Conn:
    id: int
    ws: ServerConnection
    windows: list[_Window] = field(default_factory=list)
    secure: set[tuple[int, int]] = field(default_factory=set)
    boxes: dict[tuple[int, int], list[BBox]] = field(default_factory=dict)
    box_history: dict[tuple[int, int], deque[tuple[float, list[BBox]]]] = field(default_factory=dict)
    """(session time measured, boxes) per frame, the last few seconds: a grab is masked with
    every box valid while it was taken, not only the newest."""
    stats: dict[tuple[int, int], tuple[int, float]] = field(default_factory=dict)
    gate: FrameGate = field(default_factory=FrameGate)
    """Each frame's reporting document and each tab's frame list: a tab is measured (its pixels
    may be kept) only when all its frames have reported."""
    last_seen_t: float = 0.0
    page_seq: int = 0


class BrowserBridge:
    """`BrowserBridge(policy, clock)`: clock() is the recorder's session clock (monotonic seconds);
    an extension stamp (epoch ms, the browser's `Date.now()`) is mapped onto it on receipt, by its
    age on this machine's wall clock read then (`session_t`)."""

    def __init__(
        self,
        policy: Policy,
        clock: Callable[[], float] | None = None,
        *,
        port: int | None = None,
        max_events: int = 20000,
        raw_log: Callable[[str], None] | None = None,
    ) -> None:
        self._policy = policy
        self._clock = clock or time.monotonic
        self._want_port = port
        self._raw_log = raw_log
        self._lock = threading.Lock()
        self._conns: dict[int, _Conn] = {}
        self._events: deque[DomEvent] = deque(maxlen=max_events)
        self._next_id = 1
        self._page_seq = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._pairing: Pairing | None = None
        self.port = 0
        self._stopping = False
        self.refused = 0
        self.received = 0

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        pairing = load_pairing()
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._bind(pairing))
            except BaseException as e:  # reported to start()
                errors.append(e)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name="browser-bridge", daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise CaptureError(f"browser bridge could not listen on 127.0.0.1: {errors[0]}")
        self._pairing = Pairing(self.port, pairing.secret)
        if pairing.port != self.port:
            if self._want_port is None:
                log.warning("pairing port %d busy; listening on %d instead", pairing.port, self.port)
            save_pairing(self._pairing)
        refresh_managed_config(self._pairing)
        log.info("browser bridge listening on 127.0.0.1:%d", self.port)

    async def _bind(self, pairing: Pairing) -> None:
        ports = [self._want_port] if self._want_port is not None else [pairing.port, 0]
        last: OSError | None = None
        for p in ports:
            try:
                self._server = await serve(
                    self._handle, "127.0.0.1", p, max_size=MAX_FRAME, ping_interval=20, ping_timeout=20
                )
            except OSError as e:
                last = e
                continue
            sock = next(iter(self._server.sockets))
            self.port = int(sock.getsockname()[1])
            return
        raise last or OSError("no port")

    def error(self) -> str | None:
        """Why the bridge no longer serves (its thread or event loop ended), or None."""
        if self._stopping or self._thread is None:
            return None
        if not self._thread.is_alive() or self._loop is None or self._loop.is_closed():
            return "browser bridge stopped"
        return None

    def kill(self) -> None:
        """End the bridge's event loop as if it had died (failure tests: DEMOTRACE_TEST_FAULTS=1)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)

    def stop(self) -> None:
        self._stopping = True
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return
        if loop.is_closed():  # the loop died on its own (error() reported it)
            self._loop = self._server = None
            return

        async def close() -> None:
            server.close()
            await server.wait_closed()

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop = self._server = None
        with self._lock:
            self._conns.clear()

    def __enter__(self) -> BrowserBridge:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- policy --------------------------------------------------------------------------------
    def set_policy(self, policy: Policy) -> None:
        """Hot reload: the new sites reach every connected extension."""
        self._policy = policy
        loop = self._loop
        if loop is None:
            return
        msg = json.dumps({"type": "policy", **self._sites_wire()})
        with self._lock:
            conns = list(self._conns.values())
        for c in conns:
            asyncio.run_coroutine_threadsafe(self._send(c, msg), loop)

    def _sites_wire(self) -> dict[str, Any]:
        p = self._policy
        return {
            "sites": [{"domain": s.domain, "block_selectors": list(s.block_selectors)} for s in p.sites],
            "deny_sites": list(p.deny_sites),
        }

    @staticmethod
    async def _send(c: _Conn, msg: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await c.ws.send(msg)

    # -- connections ---------------------------------------------------------------------------
    async def _refuse(self, ws: ServerConnection, code: int, why: str) -> None:
        self.refused += 1
        log.warning("refused browser connection from %s: %s", ws.remote_address, why)
        with contextlib.suppress(Exception):
            await ws.close(code, why)

    async def _handle(self, ws: ServerConnection) -> None:
        origin = ws.request.headers.get("Origin") if ws.request else None
        if origin and not origin.startswith("chrome-extension://"):
            await self._refuse(ws, 4403, f"origin {origin} is not an extension")
            return
        try:
            first = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT_S)
        except (TimeoutError, ConnectionClosed):
            await self._refuse(ws, 4401, "no hello with the pairing secret")
            return
        hello = _parse(first)
        secret = hello.get("secret") if hello and hello.get("type") == "hello" else None
        expected = (self._pairing or load_pairing()).secret
        if not isinstance(secret, str) or not hmac.compare_digest(secret.encode(), expected.encode()):
            await self._refuse(ws, 4401, "pairing secret refused")
            return
        with self._lock:
            conn = _Conn(self._next_id, ws, last_seen_t=self._now())
            conn.gate.lists_frames = bool((hello or {}).get("frames"))
            self._next_id += 1
            self._conns[conn.id] = conn
        log.info("extension paired (connection %d, %s)", conn.id, str((hello or {}).get("ua", ""))[:80])
        try:
            await ws.send(json.dumps({"type": "welcome", "version": PROTOCOL_VERSION, **self._sites_wire()}))
            async for raw in ws:
                if isinstance(raw, str):
                    self._on_frame(conn, raw)
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                self._conns.pop(conn.id, None)
            log.info("extension connection %d closed", conn.id)

    # -- messages ------------------------------------------------------------------------------
    def _now(self) -> float:
        return self._clock()

    def session_t(self, wall_ms: float) -> float:
        """An extension stamp (epoch ms) received just now, in session seconds: now minus its age.
        Both wall clocks are this machine's, read moments apart, so a step or slew of the wall
        clock during a session shifts nothing (an anchor taken at start shifted every later event
        by the step). A stamp from the future (the clock stepped back in between) is now."""
        now = self._clock()
        return now - max(0.0, time.time() - wall_ms / 1000.0)

    def _on_frame(self, conn: _Conn, raw: str) -> None:
        if self._raw_log is not None:
            self._raw_log(raw)
        msg = _parse(raw)
        if msg is None:
            return
        self.received += 1
        kind = msg.get("type")
        key = (_int(msg.get("tab")), _int(msg.get("frame")))
        with self._lock:
            conn.last_seen_t = self._now()
            if kind == "page":
                self._page_seq += 1
                conn.page_seq = self._page_seq
                conn.windows = [
                    _Window(
                        _int(w.get("id")),
                        bool(w.get("focused")),
                        bool(w.get("last_focused")),
                        bool(w.get("incognito")),
                        w.get("tab") if isinstance(w.get("tab"), dict) else None,
                    )
                    for w in msg.get("windows") or []
                    if isinstance(w, dict)
                ]
            elif kind == "secure_focus":
                if msg.get("on"):
                    conn.secure.add(key)
                else:
                    conn.secure.discard(key)
            elif kind == "boxes":
                doc = _int(msg.get("doc"))
                if msg.get("gone"):  # the frame's document went (navigated, closed)
                    if not conn.gate.gone(key, doc):
                        return  # a replaced document's: the newer one's boxes stand
                else:
                    conn.gate.reported(key, doc, str(msg.get("document") or ""), bool(msg.get("unplaced")))
                boxes = [b for b in (as_bbox(v) for v in msg.get("boxes") or []) if b is not None]
                conn.boxes[key] = boxes
                t = self.session_t(float(msg.get("t") or 0.0)) if msg.get("t") else self._now()
                hist = conn.box_history.setdefault(key, deque(maxlen=64))
                hist.append((t, boxes))
            elif kind == "frames":
                frames = msg.get("frames")
                conn.gate.listed(key[0], _float(msg.get("t")), frames if isinstance(frames, list) else [])
            elif kind == "stats":
                conn.stats[key] = (_int(msg.get("handled")), float(msg.get("cost_ms") or 0.0))
            elif kind == "dom":
                ev = self._dom_event(msg)
                if ev is not None:
                    self._events.append(ev)

    def _dom_event(self, msg: dict[str, Any]) -> DomEvent | None:
        url = str(msg.get("url") or "")
        if not self._policy.site_decision(url).allowed:
            return None  # the extension's policy was stale; the recorder's decides
        wall_ms = float(msg.get("t") or 0.0)
        target = msg.get("target") if isinstance(msg.get("target"), dict) else None
        raw_detail = msg.get("detail")
        detail: dict[str, Any] = raw_detail if isinstance(raw_detail, dict) else {}
        return DomEvent(
            kind=str(msg.get("kind") or ""),
            t=self.session_t(wall_ms),
            url=url,
            title=str(msg.get("title") or ""),
            target=target,
            screen_bbox=as_bbox(target.get("bbox")) if target else None,
            point=as_point(msg.get("point")),
            detail=detail,
            tab_id=_int(msg.get("tab")),
            frame_id=_int(msg.get("frame")),
            window_id=_int(msg.get("window")),
            wall_ms=wall_ms,
            recv_wall=time.time(),
        )

    # -- queries (any thread) ------------------------------------------------------------------
    @property
    def connected(self) -> int:
        with self._lock:
            return len(self._conns)

    def secure_focus_active(self) -> bool:
        with self._lock:
            return any(c.secure for c in self._conns.values())

    def events_between(self, t0: float, t1: float) -> list[DomEvent]:
        with self._lock:
            return [e for e in self._events if t0 <= e.t <= t1]

    def content_stats(self) -> tuple[int, float]:
        """(events handled, main-thread ms) summed over every frame the extensions report."""
        with self._lock:
            vals = [v for c in self._conns.values() for v in c.stats.values()]
        return sum(v[0] for v in vals), sum(v[1] for v in vals)

    def boxes_during(self, tab_id: int, t0: float, t1: float) -> list[BBox]:
        """Every box of tab `tab_id` valid at some moment in [t0, t1] (session seconds): the
        report in force at t0 and every report measured up to t1, across the tab's frames."""
        out: list[BBox] = []
        with self._lock:
            for c in self._conns.values():
                for key, hist in c.box_history.items():
                    if key[0] != tab_id:
                        continue
                    at_start: list[BBox] = []
                    for t, boxes in hist:
                        if t <= t0:
                            at_start = boxes
                        elif t <= t1:
                            out += boxes
                    out += at_start
        return list(dict.fromkeys(out))

    def page_for(self, window_title: str | None = None) -> PageState | None:
        """The active tab of the focused browser window (or of the window whose title is
        `window_title`); None when no extension is connected."""
        with self._lock:
            if not self._conns:
                return None
            conns = sorted(self._conns.values(), key=lambda c: c.page_seq, reverse=True)
            pick = _pick_window(conns, window_title)
            if pick is None:
                why = "no paired browser tab shows this window" if window_title else "no browser window"
                return PageState("", "", False, why, last_seen_t=conns[0].last_seen_t)
            conn, w = pick
            return self._state(conn, w)

    def _state(self, conn: _Conn, w: _Window) -> PageState:
        tab = w.tab or {}
        tab_id = _int(tab.get("id"))
        secure = any(k[0] == tab_id for k in conn.secure)
        boxes = [b for k, bs in conn.boxes.items() if k[0] == tab_id for b in bs]

        def state(url: str, title: str, allowed: bool, reason: str) -> PageState:
            return PageState(
                url,
                title,
                allowed,
                reason,
                secure_focus=secure,
                incognito=w.incognito,
                blocked_boxes=boxes if allowed else [],
                last_seen_t=conn.last_seen_t,
                tab_id=tab_id,
                window_id=w.id,
            )

        if w.incognito:
            return state("", "", False, "incognito window")
        if not tab.get("allowed"):
            return state("", "", False, "not allowed")
        url = str(tab.get("url") or "")
        d = self._policy.site_decision(url)
        if not d.allowed:
            return state("", "", False, d.reason)
        why = conn.gate.why_blocked(tab_id)
        if why is not None:  # fail closed: where its secure fields are is not known
            return state("", "", False, why)
        return state(url, str(tab.get("title") or ""), True, d.reason)


def _pick_window(conns: list[_Conn], title: str | None) -> tuple[_Conn, _Window] | None:
    wins = [(c, w) for c in conns for w in c.windows]
    preds: tuple[Callable[[_Window], bool], ...] = (lambda w: w.focused, lambda w: w.last_focused)
    if not wins:
        return None
    if title:
        best: tuple[_Conn, _Window] | None = None
        best_len = -1
        for c, w in wins:
            t = str((w.tab or {}).get("title") or "")
            if t and (title == t or title.startswith(t + " - ")) and len(t) > best_len:
                best, best_len = (c, w), len(t)
        if best is not None:
            # a page off the allowlist reports no title, so it could carry the same title as an
            # allowed tab: when the browser says such a page has focus, it is that one (blocked)
            for c, w in wins:
                if w.focused and w is not best[1] and not (w.tab or {}).get("allowed"):
                    return c, w
            return best
        # a not-allowed tab reports no title: fall back to the focused window only if it is blocked
        for pred in preds:
            for c, w in wins:
                if pred(w) and not (w.tab or {}).get("allowed"):
                    return c, w
        return None
    for pred in preds:
        for c, w in wins:
            if pred(w):
                return c, w
    return wins[0]


def _parse(raw: str | bytes) -> dict[str, Any] | None:
    try:
        v = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return v if isinstance(v, dict) else None


def _int(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return -1


def _float(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return 0.0
