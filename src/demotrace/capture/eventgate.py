"""Per-event gating: which raw input may reach the reducer, and the reducer → step hand-off.

Each tick the loop samples (time, focused window, its decision, layout, secure-field state)
right after a window-source round trip. An event at time t is judged against the samples just
before and just after it: a key is kept only if the focused window was the same allowlisted
window in both (a focus change in between makes the key ambiguous, and ambiguity drops it), and
no secure field had focus within `secure_grace` seconds of it, and the terminal it went to (if
it is one) was not at a hidden-input prompt in either sample (`terminal.py`); a click, scroll or drag start is
kept only if the window under the pointer was allowlisted in both samples. Events wait for the
sample after them (one tick, plus `secure_grace` while a browser is connected or the
accessibility bus is up: a desktop password field's focus is reported by the bus).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..schema import (
    POINTER_TYPES,
    Action,
    ButtonEvent,
    FocusEvent,
    KeyEvent,
    MoveEvent,
    RawEvent,
    ScrollEvent,
    event_to_dict,
)
from .terminal import TerminalWatch
from .window import Layout

if TYPE_CHECKING:
    from .recorder import Recorder

QUIET = 0.08
"""A grab this long after input pauses: the app has drawn the input, and an action that follows
within the settle delay still gets a before frame that shows it (a grab costs ~1 ms)."""


@dataclass(frozen=True, slots=True)
class Sample:
    t: float
    focus: int | None
    allowed: bool
    reason: str
    layout: Layout
    secure: bool
    terminal: bool = False
    """The focused window is a terminal at a hidden-input prompt (echo off, canonical mode)."""
    ctx: Any = None
    """The focused window's context (app, title, URL) as sampled at `t`."""


class EventGate:
    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        self.samples: deque[Sample] = deque(maxlen=64)
        self.held: deque[tuple[Any, ...]] = deque()
        self._ts: list[float] = []
        self._ts_of: Sample | None = None
        self.newest_input = -1.0
        """The newest monotonic stamp taken from the input queue (two listener threads: the queue
        is not strictly in time order)."""
        self.seq = 0
        self.capturing = True
        self.blocked_reasons: Counter[str] = Counter()
        self._press_ok: dict[str, bool] = {}
        self._last_move_t = -1.0
        self._key_window: int | None = None
        self._last_focus: int | None = None
        self._was_paused = False
        self._secure_run = False
        """Keys are going to a secure field; its `secure_input` mark is written (once a run)."""
        self.terminal = TerminalWatch()
        self._in_terminal_secret = False
        self._ctx_at: deque[tuple[float, int | None, Any]] = deque(maxlen=4096)
        """(monotonic time, window, context) at each kept action-starting event: an action's
        context is the state at its first raw event, not when the reducer emits it."""

    @property
    def secure_grace(self) -> float:
        """Seconds a key waits for a secure-field report that may come late: the browser's, or the
        accessibility bus's (while it is up or starting; 0 once it is known to be unavailable)."""
        a11y = self.rec.a11y
        if self.rec.browser is not None or (a11y is not None and a11y.why in ("", "starting")):
            return 0.3
        return 0.0

    # -- per tick -------------------------------------------------------------------------------
    def process(self, now: float) -> None:
        rec = self.rec
        focus = rec.windows.focused_id()
        decision, ctx = rec.gate.decide(focus)
        layout = rec.windows.layout()
        keys_waiting = any(e[0] == "k" for e in rec.queue)
        term = self.terminal.secret(ctx if decision.allowed else None, keys_waiting)
        secure = rec.gate.secure_input()
        if rec.a11y is not None:
            rec.a11y.note_window(ctx if decision.allowed else None)
            secure = secure or (ctx is not None and rec.a11y.secure_for(ctx.pid))
        s = Sample(
            now,
            focus,
            decision.allowed,
            decision.reason,
            layout,
            secure,
            terminal=term,
            ctx=ctx,
        )
        self.samples.append(s)
        tl = rec.steps.timeline
        last_input = None
        while self.queue_has_events():
            raw = rec.queue.popleft()
            self.held.append(raw)
            if raw[1] > self.newest_input:
                self.newest_input = raw[1]
            if raw[0] != "m":
                last_input = raw[1]
                if raw[0] == "s" or (raw[0] == "k" and raw[2]) or (raw[0] == "b" and raw[5]):
                    tl.note_press(raw[1])
        tl.input_seen_upto = now
        if last_input is not None:  # fresh grabs once input pauses: a quick one (the next action's
            # before frame, if it comes soon) and a settled one (this action's after frame)
            rec.screen.request_idle(last_input + QUIET, last_input + rec.steps.settle)
        self._update_state(s, ctx)
        horizon = now - self.secure_grace
        while self.held and self.held[0][1] <= horizon:
            self._one(self.held.popleft())
        # the reducer may only conclude up to where it has seen every event
        upto = min(horizon, self.held[0][1]) if self.held else horizon
        self._emit(rec.reducer.poll(upto - rec.mono0))

    def queue_has_events(self) -> bool:
        return bool(self.rec.queue)

    def _update_state(self, s: Sample, ctx: Any) -> None:
        rec = self.rec
        if rec.paused != self._was_paused:
            self._was_paused = rec.paused
            rec.writer.add(
                "mark", {"what": "pause" if rec.paused else "resume", "t": round(s.t - rec.mono0, 4)}
            )
            if rec.paused:
                self.finish()
        self.capturing = not rec.paused and not rec.state_why
        if self.capturing and s.allowed and s.focus is not None and ctx is not None:
            mask = rec.gate.mask_for(s.focus, s.layout)
            mon = ctx.monitor if ctx.monitor < len(rec.screen.monitors) else 0
            rec.screen.set_target(mon, mask)
        else:
            rec.screen.set_target(None, None)
        if s.focus != self._last_focus:
            self._last_focus = s.focus
            rec.screen.request(s.t + 0.05)
            # in time order with the input: after every event that happened before this sample
            marker = ("f", s.t, ctx if s.allowed else None)
            i = len(self.held)
            while i > 0 and self.held[i - 1][1] > s.t:
                i -= 1
            self.held.insert(i, marker)

    def finish(self) -> None:
        """End of session or pause: everything the reducer holds becomes actions now."""
        self._emit(self.rec.reducer.finish())  # finish() also resets held keys and buttons
        self._press_ok.clear()

    # -- per event ------------------------------------------------------------------------------
    def _around(self, t: float) -> tuple[Sample, Sample]:
        last = self.samples[-1]
        if self._ts_of is not last:  # the samples' times, rebuilt once per tick, not per event
            self._ts, self._ts_of = [x.t for x in self.samples], last
        i = bisect_left(self._ts, t)
        before = self.samples[max(i - 1, 0)]
        after = self.samples[min(i, len(self.samples) - 1)]
        return before, after

    def _drop(self, why: str, reason: str = "") -> None:
        self.rec.counts[f"dropped:{why}"] += 1
        if reason:
            self.blocked_reasons[reason] += 1

    def _one(self, raw: tuple[Any, ...]) -> None:
        rec = self.rec
        kind, mono = raw[0], raw[1]
        if kind == "f":
            self._feed(FocusEvent(t=mono - rec.mono0, window=raw[2], seq=self._next_seq()))
            return
        if kind == "k":
            swallow, hk = rec.hotkeys.feed(raw[2], raw[3], raw[4])
            if hk == "pause":
                rec.paused = not rec.paused
                return
            if hk == "task_done":
                rec.writer.add("mark", {"what": "task_done", "t": round(mono - rec.mono0, 4)})
                return
            if swallow:
                return
        if rec.paused:
            return self._drop("paused")
        if rec.state_why:
            return self._drop("blocked", rec.state_why)
        t = mono - rec.mono0
        if kind == "m" and not rec.policy.capture.hover_moves:  # most raw events: no samples needed
            if any(self._press_ok.values()):
                self._feed(MoveEvent(t=t, x=raw[2], y=raw[3], seq=self._next_seq()))
            return
        b, a = self._around(mono)
        if kind == "k":
            if not (b.allowed and a.allowed and b.focus == a.focus):
                return self._drop("window", a.reason if not a.allowed else b.reason)
            lo, hi = mono - self.secure_grace, mono + self.secure_grace
            if any(x.secure for x in self.samples if lo <= x.t <= hi) or (
                self.secure_grace and (rec.gate.secure_input() or self._a11y_secure(a.ctx))
            ):
                if self._a11y_secure(a.ctx) or self._a11y_secure(b.ctx):  # a desktop password field
                    return self._secure_step(t, a.focus, "password")
                if not self._secure_run:  # where, never what: one mark per run of dropped keys
                    self._secure_run = True
                    rec.writer.add("mark", {"what": "secure_input", "t": round(t, 4)})
                return self._drop("secure_field")
            self._secure_run = False
            if b.terminal or a.terminal:  # either side of the key: ambiguity drops it
                self.rec.counts["dropped:secure_terminal"] += 0 if self._in_terminal_secret else 1
                return self._secure_step(t, a.focus, "terminal")
            self._in_terminal_secret = False
            self._key_window = a.focus
            if raw[2]:
                self._ctx_at.append((mono, b.focus, b.ctx))
            self._feed(KeyEvent(t=t, pressed=raw[2], key=raw[3], char=raw[4], seq=self._next_seq()))
        elif kind == "m":
            x, y = raw[2], raw[3]
            hover = rec.policy.capture.hover_moves and self._point_ok(b, a, x, y)[0]
            if any(self._press_ok.values()) or hover:
                self._feed(MoveEvent(t=t, x=x, y=y, seq=self._next_seq()))
        elif kind == "b":
            self._secure_run = False
            x, y, button, pressed = raw[2], raw[3], raw[4], raw[5]
            if pressed:
                ok, reason = self._point_ok(b, a, x, y)
                self._press_ok[button] = ok
                if not ok:
                    return self._drop("window", reason)
                self._note_pointer_ctx(mono, b, x, y)
            elif not self._press_ok.pop(button, False):
                return
            self._feed(ButtonEvent(t=t, x=x, y=y, button=button, pressed=pressed, seq=self._next_seq()))
        elif kind == "s":
            ok, reason = self._point_ok(b, a, raw[2], raw[3])
            if not ok:
                return self._drop("window", reason)
            self._note_pointer_ctx(mono, b, raw[2], raw[3])
            self._feed(ScrollEvent(t=t, x=raw[2], y=raw[3], dx=raw[4], dy=raw[5], seq=self._next_seq()))

    def _secure_step(self, t: float, window: int | None, field: str) -> None:
        """A key to a terminal's hidden-input prompt or a desktop password field: dropped; one
        `secure_input` step marks the run (its first key's time only: neither content nor count)."""
        if self._in_terminal_secret:
            return
        self._in_terminal_secret = True
        self._emit(self.rec.reducer.finish())  # what was typed before the prompt comes first
        self._key_window = window
        self._emit([Action(type="secure_input", t=t, field=field)])

    def _a11y_secure(self, ctx: Any) -> bool:
        """The focused accessible of the window's app is a password field now."""
        a11y = self.rec.a11y
        return a11y is not None and ctx is not None and bool(a11y.secure_for(ctx.pid))

    def secure_input(self) -> str | None:
        """What kind of secure input takes the keys now (for status), or None."""
        last = self.samples[-1] if self.samples else None
        if last is not None and last.terminal:
            return "terminal"
        if last is not None and last.secure:
            return "password"
        return None

    def _note_pointer_ctx(self, mono: float, b: Sample, x: int, y: int) -> None:
        wid = b.layout.at(x, y)
        ctx = b.ctx if wid == b.focus and b.ctx is not None else self.rec.gate.decide(wid)[1]
        self._ctx_at.append((mono, wid, ctx))

    def _ctx_of(self, mono: float) -> tuple[int | None, Any] | None:
        """The (window, context) noted at the action-starting event at monotonic time `mono`."""
        for t, wid, ctx in reversed(self._ctx_at):
            if abs(t - mono) < 1e-4:
                return wid, ctx
            if t < mono - 1e-4:
                return None
        return None

    def _point_ok(self, b: Sample, a: Sample, x: int, y: int) -> tuple[bool, str]:
        for s in (b, a):
            wid = s.layout.at(x, y)
            d, _ = self.rec.gate.decide(wid)
            if not d.allowed:
                return False, d.reason
        return True, ""

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _feed(self, ev: RawEvent) -> None:
        self.rec.counts["events"] += 1
        self._log_event(ev)
        self._emit(self.rec.reducer.feed(ev))

    def _log_event(self, ev: RawEvent) -> None:
        """The raw event log: typed characters never reach it, moves at most 30 per second."""
        if isinstance(ev, FocusEvent):
            return
        if isinstance(ev, MoveEvent):
            if ev.t - self._last_move_t < 1 / 30:
                return
            self._last_move_t = ev.t
        d = event_to_dict(ev)
        if isinstance(ev, KeyEvent) and ev.char is not None:
            d["key"], d["char"] = "<text>", None
        d["t"] = round(d["t"], 4)
        self.rec.writer.add("event", d)

    def _emit(self, actions: list[Action]) -> None:
        rec = self.rec
        for a in actions:
            if a.type in POINTER_TYPES and a.x is not None and a.y is not None:
                wid = rec.windows.layout().at(a.x, a.y)
            else:
                wid = self._key_window
            d, ctx = rec.gate.decide(wid)
            if ctx is None or not d.allowed:
                self._drop("window_at_action", d.reason)
                continue
            then = self._ctx_of(rec.mono0 + a.t)
            if then is not None and then[1] is not None and then[0] == ctx.window_id:
                ctx = then[1]  # the state at the action's first event (title, URL before its effect)
            rec.steps.add(a, ctx, rec.mono0)
