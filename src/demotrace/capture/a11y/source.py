"""The accessibility source: what the accessible at a click is, which accessible has the keys,
whether it is a password field, and a compact tree of the focused window — all from one worker
thread, never on the input path.

Hot path: `tap(raw)` runs in the input listener's callback for a button press: one
`put_nowait` on a bounded queue and one byte to a wake-up pipe (a full queue drops the lookup
and counts it). The worker descends from the app's frames with `GetAccessibleAtPoint` while
the press is fresh (a popup item is still on screen), giving up `budget` seconds after the press:
the step is then recorded without a target. Results wait, keyed by the press's monotonic
time, for the step writer (`target_at`), which keeps them only when the accessible's app is the
step's window's process.

Cached per window: the app's bus name (by pid), the last tree scan; per app, in `descent.Descent`: its
frames and whether its connection hangs.
Invalidated on the bus's change events (object:children-changed, object:state-changed,
window:activate, NameOwnerChanged) and when the focused X window or its geometry changes.
Focus is followed through object:state-changed:focused, so key input is judged against the
accessible that has it (`secure_for`, `focus_at`).
"""

from __future__ import annotations

import logging
import os
import queue
import select
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any

from jeepney import HeaderFields, Message

from ...schema import WindowContext
from .atspi import AtspiClient, CallFailed, Deadline, Node, Ref, a11y_target
from .bus import A11yBus, BusUnavailable, ensure_bus
from .descent import Descent
from .popups import Popups, tops_signal
from .tree import TreeScan, scan_tree

log = logging.getLogger("demotrace.capture.a11y")
PASSWORD_ROLES = frozenset({"password text"})


@dataclass
class FocusInfo:
    t: float
    pid: int
    node: Node
    target: dict[str, Any]


@dataclass
class A11ySource:
    budget: float = 0.3
    """Seconds after the press a lookup gives up (the app answers after handling the click)."""
    scan_budget: float = 1.0
    env: dict[str, str] | None = None
    why: str = "starting"
    """Empty while working; else why there are no targets (said in status)."""
    counts: dict[str, int] = field(default_factory=dict)
    lookup_s: list[float] = field(default_factory=list)
    _requests: queue.Queue[tuple[float, int, int]] = field(default_factory=lambda: queue.Queue(32))
    _results: OrderedDict[float, tuple[int, dict[str, Any]]] = field(default_factory=OrderedDict)
    _focus: dict[int, FocusInfo] = field(default_factory=dict)
    _focus_log: deque[FocusInfo] = field(default_factory=lambda: deque(maxlen=256))
    _scans: dict[int, TreeScan] = field(default_factory=dict)
    _pids: dict[int, str] = field(default_factory=dict)
    _window: tuple[int, int, tuple[int, int, int, int]] | None = None
    _dirty: float | None = None
    _last_scan: float = -1e9
    scan_every: float = 1.0
    """At most one tree scan a second for change events (a busy app, a browser page, sends them
    continuously); a new focused window is scanned at once."""
    _popups: Popups = field(default_factory=Popups)
    _problem: tuple[float, str] | None = None
    """(monotonic time, what) of the last lookup that found nothing because of the app or bus."""
    _text_checked: set[Ref] = field(default_factory=set)
    _masked: set[Ref] = field(default_factory=set)
    """Text fields seen showing only mask characters: password fields (Qt has no role for it)."""
    _signals: deque[tuple[float, Message]] = field(default_factory=deque)
    """Signals received during calls, handled between lookups (handling one makes calls, and a
    call inside a call would swallow the outer call's reply)."""
    _apps_stale: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _bus: A11yBus | None = None
    _client: AtspiClient | None = None
    _descent: Descent | None = None

    def __post_init__(self) -> None:
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        self.lookup_s = []

    # -- any thread -----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="a11y", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(2)
        if self._client is not None:
            self._client.close()
        if self._bus is not None:
            self._bus.close()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def tap(self, raw: tuple[Any, ...]) -> None:
        """Input thread: a button press → a lookup request (never blocks)."""
        if raw[0] != "b" or not raw[5] or self.why:
            return
        try:
            self._requests.put_nowait((raw[1], raw[2], raw[3]))
        except queue.Full:
            self._count("dropped_full")
            return
        self._wake()

    def note_window(self, ctx: WindowContext | None) -> None:
        """Loop thread, every tick: the focused window; a new one (or a moved one) is scanned."""
        key = (ctx.window_id, ctx.pid or 0, ctx.geometry) if ctx is not None else None
        if key != self._window:
            self._window = key
            self._dirty = time.monotonic()
            self._last_scan = -1e9  # a new window: scan now
            self._wake()

    def target_at(self, mono: float, pid: int | None) -> dict[str, Any] | None:
        """The accessible at the press at monotonic time `mono`, if it belongs to process `pid`."""
        with self._lock:
            hit = self._results.get(mono)
            if hit is None:  # the step's time is session-relative: mono0 + t, not bit-exact
                hit = next((v for k, v in reversed(self._results.items()) if abs(k - mono) < 1e-4), None)
        if hit is None or pid is None or hit[0] != pid:
            return None
        return hit[1]

    def focus_at(self, mono: float, pid: int | None) -> dict[str, Any] | None:
        """The accessible of process `pid` that had the keys at monotonic time `mono`."""
        with self._lock:
            for f in reversed(self._focus_log):
                if f.t <= mono + 0.02 and f.pid == pid:
                    return f.target
        return None

    def secure_for(self, pid: int | None) -> bool:
        """The process's focused accessible is a password field (keys must be dropped)."""
        with self._lock:
            f = self._focus.get(pid or -1)
            return f is not None and self._is_password(f.node) and "focused" in f.node.states

    def _is_password(self, node: Node) -> bool:
        return node.role in PASSWORD_ROLES or node.ref in self._masked

    def secure_boxes(self, pid: int | None) -> list[list[int]]:
        """Screen boxes of the process's password fields (scanned, or focused), to be masked."""
        with self._lock:
            boxes = list(s.secure_boxes) if (s := self._scans.get(pid or -1)) is not None else []
            f = self._focus.get(pid or -1)
            if f is not None and self._is_password(f.node) and f.node.bbox:
                boxes.append(f.node.bbox)
        return boxes

    def tree_for(self, pid: int | None) -> list[Any] | None:
        with self._lock:
            s = self._scans.get(pid or -1)
        return s.nodes if s is not None else None

    def state(self, recent: float = 10.0) -> str:
        """For status: "on", or why targets are missing (the bus, or an app that did not answer
        within the last `recent` seconds)."""
        if self.why:
            return self.why
        for p in (self._problem, self._descent.problem if self._descent else None):
            if p is not None and time.monotonic() - p[0] <= recent:
                return p[1]
        return "on"

    def summary(self) -> dict[str, Any]:
        """Lookup outcomes and the time a lookup took (median, max), for the session summary."""
        times = sorted(self.lookup_s)
        out: dict[str, Any] = dict(self.counts)
        if times:
            out["lookup_ms_median"] = round(times[len(times) // 2] * 1000, 2)
            out["lookup_ms_max"] = round(times[-1] * 1000, 2)
        if self._client is not None:
            out["calls"] = self._client.calls
        return out

    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"x")
        except OSError:  # pipe full: the worker is awake anyway
            pass

    def _count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    # -- worker thread --------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._bus = ensure_bus(self.env)
            self._client = AtspiClient(self._bus.address, self._queue_signal)
            self._descent = Descent(self._client, self._signals, self._popups)
            self._client.subscribe(time.monotonic() + 2.0)
            self._refresh_apps(time.monotonic() + 1.0)
            self.why = ""
        except (BusUnavailable, OSError, Deadline, CallFailed) as e:
            self.why = f"accessibility bus unavailable: {e or type(e).__name__}"
            log.warning("%s", self.why)
            return
        while not self._stop.is_set():
            try:
                self._tick()
            except (OSError, ValueError) as e:  # the bus went away
                self.why = f"accessibility bus lost ({type(e).__name__})"
                log.warning("%s", self.why)
                return

    def _queue_signal(self, m: Message) -> None:
        self._signals.append((time.monotonic(), m))  # with its arrival time (popups: after a press?)

    def _tick(self) -> None:
        client = self._client
        assert client is not None
        client.pump()  # messages the parser already holds are not seen by select
        wait = 0.0 if self._signals or not self._requests.empty() else 1.0
        ready, _, _ = select.select([client.fileno(), self._wake_r], [], [], wait)
        if self._wake_r in ready:
            os.read(self._wake_r, 4096)
        client.pump()
        while self._signals and self._requests.empty():
            arrived, msg = self._signals.popleft()
            self._on_signal(msg, arrived)
        if self._apps_stale and self._requests.empty():
            self._apps_stale = False
            try:
                self._refresh_apps(time.monotonic() + 0.5)
            except (Deadline, CallFailed):
                self._apps_stale = True
        while True:
            try:
                mono, x, y = self._requests.get_nowait()
            except queue.Empty:
                break
            self._lookup(mono, x, y)
        while self._popups.due and self._requests.empty():
            self._descent_().snap_popup(self._popups.due.pop(), self.scan_budget)
        now = time.monotonic()
        if (
            self._dirty is not None
            and now - self._dirty >= 0.1
            and now - self._last_scan >= self.scan_every
            and self._requests.empty()
        ):
            self._dirty, self._last_scan = None, now
            self._scan()

    def _on_signal(self, m: Message, arrived: float = 0.0) -> None:
        f = m.header.fields
        member, sender = f.get(HeaderFields.member), str(f.get(HeaderFields.sender, ""))
        if member == "NameOwnerChanged":
            gone = str(m.body[0]) if m.body else ""
            self._apps_stale = True  # a name came or went: re-read pid → name (off the lookup path)
            self._descent_().forget(gone)
            self._pids = {p: n for p, n in self._pids.items() if n != gone}
            if self._client is not None:
                self._client.forget(gone)
            return
        if member == "TextChanged" and m.body and str(m.body[0]).startswith("insert"):
            # what the event carries is not trusted (Qt sends a password's characters in clear):
            # the field's displayed text says whether it masks them; asked once per field
            ref = (sender, str(f.get(HeaderFields.path)))
            if ref not in self._text_checked and self._client is not None:
                try:
                    masked = self._client.masked_text(ref, time.monotonic() + self.budget)
                except (Deadline, CallFailed):
                    return
                self._text_checked.add(ref)
                if masked:
                    self._mark_masked(ref)
            return
        if member == "StateChanged" and m.body and m.body[0] == "focused":
            if m.body[1]:
                self._focused((sender, str(f.get(HeaderFields.path))))
            return
        self._popups.note(member, str(f.get(HeaderFields.path, "")), m.body, sender, arrived)
        if member in ("ChildrenChanged", "Activate", "StateChanged"):
            if tops_signal(member, str(f.get(HeaderFields.path, "")), m.body):
                self._descent_().forget(sender)
            if self._dirty is None:
                self._dirty = time.monotonic()

    def _mark_masked(self, ref: Ref) -> None:
        with self._lock:
            self._masked.add(ref)
            for f in self._focus.values():
                if f.node.ref == ref and "masked" not in f.node.states:
                    f.node.states.append("masked")

    def _descent_(self) -> Descent:
        assert self._descent is not None
        return self._descent

    def _pid_of(self, bus_name: str) -> int | None:
        for p, n in self._pids.items():
            if n == bus_name:
                return p
        return None

    def _refresh_apps(self, deadline: float) -> None:
        assert self._client is not None
        self._pids = self._client.app_pids(deadline)

    def _focused(self, ref: Ref) -> None:
        client = self._client
        assert client is not None
        pid = self._pid_of(ref[0])
        try:
            if pid is None:
                self._refresh_apps(time.monotonic() + self.budget)
                pid = self._pid_of(ref[0])
            if pid is None:
                return
            node = client.node(ref, time.monotonic() + self.budget)
            editable = node.role == "text" and "editable" in node.states
            if editable and client.masked_text(ref, time.monotonic() + self.budget):
                self._masked.add(ref)
            if ref in self._masked:
                node.states.append("masked")
        except (Deadline, CallFailed):
            return
        info = FocusInfo(time.monotonic(), pid, node, a11y_target(node, [], ""))
        with self._lock:
            self._focus[pid] = info
            self._focus_log.append(info)

    def _lookup(self, mono: float, x: int, y: int) -> None:
        deadline = mono + self.budget
        if time.monotonic() >= deadline:
            self._count("late")
            return
        t0 = time.perf_counter()
        t0_mono = time.monotonic()
        try:
            front = self._window[1] if self._window is not None else 0
            apps = sorted(self._pids.items(), key=lambda pn: pn[0] != front)  # the focused app first
            got = self._descent_().at_point(x, y, deadline, apps, front, mono)
        except Deadline:
            self._count("timeout")
            self._problem = (
                time.monotonic(),
                f"an app did not answer the accessibility bus within {self.budget * 1000:.0f} ms",
            )
            log.debug(
                "a11y lookup at (%d, %d) ran past %.0f ms (started %.0f ms after the press)",
                x,
                y,
                self.budget * 1000,
                (t0_mono - mono) * 1000,
            )
            return
        finally:
            self.lookup_s.append(time.perf_counter() - t0)
            del self.lookup_s[:-512]
        if got is None:
            self._count("nothing_at_point")
            return
        with self._lock:
            self._results[mono] = got
            while len(self._results) > 256:
                self._results.popitem(last=False)
        self._count("found")

    def _scan(self) -> None:
        """Read the focused window's tree (bounded), its password fields and its focus."""
        if self._window is None or self._client is None:
            return
        pid = self._window[1]
        name = self._pids.get(pid)
        deadline = time.monotonic() + self.scan_budget
        try:
            if name is None:
                self._refresh_apps(deadline)
                name = self._pids.get(pid)
            descent = self._descent_()
            if name is None or descent.hung.get(name, 0) > time.monotonic():
                return
            frames = descent.frames_of(name, deadline)
            if not frames:
                return
            scan = scan_tree(self._client, frames[0], deadline)
        except Deadline:
            self._count("scan_timeout")
            return
        except CallFailed:
            self._descent_().forget(name or "")
            return
        with self._lock:
            self._scans = {pid: scan}
            if scan.focused is not None and pid not in self._focus:
                info = FocusInfo(time.monotonic(), pid, scan.focused, a11y_target(scan.focused, [], ""))
                self._focus[pid] = info
                self._focus_log.append(info)
        self._count("scans")


__all__ = ["PASSWORD_ROLES", "A11ySource"]
