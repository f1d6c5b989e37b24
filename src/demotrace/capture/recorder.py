"""The recorder: sources → gate → reducer → redaction → spool, in one loop thread.

Threads: pynput's listeners and the screen grabber only enqueue; the control socket only flips
flags. Everything else happens here, every `tick` seconds: sync the window source (one round
trip, so focus changes before the batch are seen), drain input, gate each event, reduce,
assemble steps with their frames, and flush the spool (≤ `flush_every` s of data at risk).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..bundle import BundleWriter, load_or_create_key
from ..policy import Policy, default_policy, load_policy
from ..redact import TextRedactor
from ..reduce import ReduceConfig, Reducer
from . import recorder_status
from ._util.memory import trim as trim_heap
from ._util.xorg import read_resource_ms, read_xsettings_int, require_display
from .control import ControlServer
from .eventgate import EventGate
from .gate import Gate
from .hotkeys import HotkeyFilter
from .quota import SpoolQuota
from .screen import MssScreenSource, VideoSegmenter, masked_rgb
from .session_meta import new_session_meta
from .stepwriter import StepWriter

log = logging.getLogger("demotrace.capture")
TRIM_EVERY = 5.0  # seconds between malloc_trim calls (each well under a millisecond here)


@dataclass
class RecorderOptions:
    spool: Path = field(default_factory=paths.default_spool)
    policy: Path | None = None
    display: str | None = None
    duration: float | None = None
    server: str | None = None
    quota_mb: int | None = None
    tick: float = 0.05
    idle_tick: float = 0.25
    """The loop's period while nothing waits (no input, step or grab pending); input wakes it."""
    flush_every: float = 0.25
    seal_every: float = 10.0
    browser: bool = True
    a11y: bool = True
    """Desktop accessibility (AT-SPI): click/key targets, password fields, tree observation."""


class Recorder:
    def __init__(self, opts: RecorderOptions) -> None:
        self.opts = opts
        self.display = require_display(opts.display)
        self.policy: Policy = load_policy(opts.policy) if opts.policy else default_policy()
        self.key = load_or_create_key(paths.device_key_path())
        self.paused = False
        self.stop_event = threading.Event()
        self._wake = threading.Event()
        """Set by input callbacks and `stop`: ends the loop's rest early."""
        self.counts: Counter[str] = Counter()
        self.state_why = ""
        self._lock = threading.Lock()
        self._pending_policy: Policy | None = None
        self._pending_marks: list[dict[str, Any]] = []
        self.failure = ""
        """What failed (a dead input listener, grabber or bridge): capture stopped for good."""
        self._faults: list[str] = []

    # -- control socket -------------------------------------------------------------------------
    def handle(self, cmd: str, args: dict[str, Any] | None = None) -> dict[str, Any]:
        if cmd in ("task_start", "task_done"):
            return self._task(cmd, args or {})
        if cmd == "pause":
            self.paused = True
        elif cmd == "resume":
            self.paused = False
        elif cmd == "stop":
            self.request_stop()
        elif cmd.startswith("fault:") and os.environ.get("DEMOTRACE_TEST_FAULTS") == "1":
            with self._lock:
                self._faults.append(cmd[6:])
        elif cmd not in ("status", "ping"):
            return {"error": f"unknown command {cmd!r}"}
        return self.status()

    def request_stop(self) -> None:
        self.stop_event.set()
        self._wake.set()

    def _task(self, cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        """`demotrace task start TEXT` / `task done`: a mark the pipeline splits episodes on,
        written by the main loop (the writer is not shared across threads)."""
        mark: dict[str, Any] = {"what": "instruction" if cmd == "task_start" else "task_done"}
        if cmd == "task_start":
            text = args.get("text")
            if not isinstance(text, str) or not text.strip():
                return {"error": "task start needs the task's text"}
            mark["text"] = " ".join(text.split())[:500]
        mark["t"] = round(time.monotonic() - getattr(self, "mono0", time.monotonic()), 4)
        with self._lock:
            self._pending_marks.append(mark)
        return {**self.status(), "task": mark.get("text")}

    def _write_marks(self) -> None:
        with self._lock:
            marks, self._pending_marks = self._pending_marks, []
        for m in marks:
            if "text" in m and hasattr(self, "steps"):  # the task is typed text: redacted like it
                m["text"] = self.steps.redactor.redact(m["text"]).text or "[REDACTED]"
            self.writer.add("mark", m)

    def state_line(self) -> str:
        """`recording`, `paused` or `blocked: <why>` (what `demotrace status` prints first)."""
        s = self.status()
        return f"{s['state']}: {s['why']}" if s["state"] == "blocked" else str(s["state"])

    def status(self) -> dict[str, Any]:
        return recorder_status.status(self)

    def set_policy(self, policy: Policy) -> None:
        """Hot reload (from the service's policy poller thread): applied by the loop."""
        with self._lock:
            self._pending_policy = policy

    # -- lifecycle ------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        from .input import XorgInputSource
        from .window import XorgWindowSource

        cap = self.policy.capture
        self.screen = MssScreenSource(self.display, fps=cap.video_fps)
        monitors = self.screen.monitors
        self.windows = XorgWindowSource(self.display, monitors)
        dbl = read_xsettings_int(self.windows.d, "Net/DoubleClickTime") or read_resource_ms(
            self.windows.d, ("multiClickTime", "doubleClickTime")
        )
        dbl_s = dbl / 1000 if dbl else 0.5
        self.meta = new_session_meta(self.key, monitors, dbl_s, self.policy.version)
        self.mono0 = self.meta.clock["monotonic"]
        self.opts.spool.mkdir(parents=True, exist_ok=True)
        self.writer = BundleWriter(
            self.opts.spool,
            self.meta,
            self.key,
            self.opts.seal_every,
            clock=lambda: time.monotonic() - self.mono0,
        )
        quota_mb = self.opts.quota_mb if self.opts.quota_mb is not None else cap.quota_mb
        self.quota = SpoolQuota(self.opts.spool, quota_mb * 1024 * 1024)
        self.browser = self._start_browser_bridge() if self.opts.browser else None
        self.a11y = self._start_a11y() if self.opts.a11y else None
        self.gate = Gate(self.policy, self.windows, self.browser, self.a11y)
        self.reducer = Reducer(
            ReduceConfig(
                double_click_interval=dbl_s,
                double_click_distance=self.meta.double_click_distance,
                hover_dwell=0.5 if cap.hover_moves else None,
            )
        )
        self.steps = StepWriter(
            self.writer,
            self._redactor(),
            cap.frame_format,
            cap.frame_quality,
            frames_enabled=cap.frames,
            browser=self.browser,
            a11y=self.a11y,
        )
        self.video = VideoSegmenter(self.writer.write_blob) if cap.video else None
        self.hotkeys = HotkeyFilter.from_specs(
            {"pause": self.policy.pause_hotkey, "task_done": self.policy.task_done_hotkey}
        )
        self.events = EventGate(self)
        self._unfinal: deque[Any] = deque()
        self.mask_delay = 0.2 if self.browser is not None else 0.0
        self.queue: deque[tuple[Any, ...]] = TappedQueue(self.a11y.tap) if self.a11y else deque()
        self.input = XorgInputSource(self.queue, self._wake)
        self.control = ControlServer(paths.control_socket(), self.handle)
        uploader = self._start_uploader()
        for sig in (signal.SIGTERM, signal.SIGINT):
            if threading.current_thread() is threading.main_thread():
                signal.signal(sig, lambda *_: self.request_stop())
        self.control.start()
        self.input.start()
        self.screen.start()
        try:
            self._loop()
        finally:
            self._shutdown(uploader)
        return self.summary()

    def _redactor(self) -> TextRedactor:
        return TextRedactor(
            confidential_terms=self.policy.confidential_terms,
            sensitive_topics=self.policy.sensitive_topics,
            host_allowed=self.policy.host_allowed,
        )

    def _start_browser_bridge(self) -> Any:
        try:
            from .browser import BrowserBridge
        except ImportError:
            return None
        bridge = BrowserBridge(self.policy, clock=lambda: time.monotonic() - self.mono0)
        bridge.start()
        return bridge

    def _start_a11y(self) -> Any:
        from .a11y import A11ySource

        src = A11ySource(env={**os.environ, "DISPLAY": self.display})
        src.start()
        return src

    def _start_uploader(self) -> Any:
        if not self.opts.server:
            return None
        from .policy_client import PolicyClient
        from .uploader import Uploader

        up = Uploader(self.opts.spool, self.opts.server, self.key)
        up.recorder_state = self.state_line
        up.start()
        self.policy_client = PolicyClient(self.opts.server, None, self.set_policy)
        self.policy_client.recorder_state = self.state_line
        self.policy_client.start()
        return up

    def _loop(self) -> None:
        deadline = self.mono0 + self.opts.duration if self.opts.duration else None
        next_flush = time.monotonic() + self.opts.flush_every
        next_sync = 0.0
        synced_at = 0.0  # monotonic time before the last round trip: input stamped before it was seen by one
        next_trim = time.monotonic() + TRIM_EVERY
        next_check = 0.0
        while not self.stop_event.is_set():
            # busy: every `tick` (input does not shorten it); at rest (nothing to judge, write or
            # finalise): `idle_tick`, ended at once by input. Cleared first: input after this
            # line wakes the rest, input before it is in the queue (busy).
            self._wake.clear()
            if self._busy():
                self.stop_event.wait(self.opts.tick)
            else:
                self._wake.wait(self.opts.idle_tick)
            now = time.monotonic()
            if now >= next_check:  # as often as a resting loop would: a busy one need not more
                self._check_parts()
                next_check = now + self.opts.idle_tick
            self._apply_policy()
            self._write_marks()
            # a round trip when input came that no round trip began after yet (the sample after
            # an event must see every focus change before it), or twice a second as a safety net;
            # not on every tick while events merely wait out the secure-field grace
            fresh = bool(self.queue) or (bool(self.events.held) and self.events.newest_input >= synced_at)
            force = fresh or now >= next_sync
            self.windows.sync(force=force)
            if force:
                next_sync = now + 0.5
                synced_at = now
            self.events.process(now)
            self._take_grabs(now)
            self.steps.pump(now)
            if now >= next_flush:
                self._flush()
                next_flush = now + self.opts.flush_every
            if now >= next_trim:
                trim_heap()  # freed frame buffers and model scratch go back to the system
                next_trim = now + TRIM_EVERY
            if deadline is not None and now >= deadline:
                break

    def _busy(self) -> bool:
        """Anything to judge, finalise, write or flush: the loop ticks every `tick` (also keeps
        the event/action-to-disk latency of a resting loop as it was)."""
        waiting = self.queue or self.events.held or self.steps.pending or self._unfinal
        return bool(waiting or self.writer.pending)

    def _check_parts(self) -> None:
        """A dead input listener, grabber or bridge stops capture: status says `blocked: <what
        failed>`, the session keeps what was captured before, nothing half-seen is recorded."""
        with self._lock:
            faults, self._faults = self._faults, []
        for f in faults:  # failure tests only (DEMOTRACE_TEST_FAULTS=1)
            if f in ("keyboard", "mouse"):
                self.input.kill(f)
            elif f == "screen":
                self.screen.kill()
            elif f == "bridge" and self.browser is not None:
                self.browser.kill()
        if self.failure:
            return
        parts: list[tuple[str, Any]] = [("screen grabber", self.screen.error())]
        parts.append(("input", self.input.error()))
        if self.browser is not None:
            parts.append(("browser bridge", self.browser.error()))
        for what, err in parts:
            if err is not None:
                self.failure = f"{what} failed ({err}); capture stopped"
                log.error("%s", self.failure)
                self.state_why = self.failure
                self.events.finish()
                t = round(time.monotonic() - self.mono0, 4)
                self.writer.add("mark", {"what": "failed", "why": self.failure, "t": t})
                return

    def _apply_policy(self) -> None:
        with self._lock:
            p, self._pending_policy = self._pending_policy, None
        if p is None:
            return
        self.policy = p
        self.gate.set_policy(p)
        if self.browser is not None:
            self.browser.set_policy(p)
        self.steps.redactor = self._redactor()
        self.writer.add(
            "mark", {"what": "policy", "version": p.version, "t": round(time.monotonic() - self.mono0, 4)}
        )

    def _take_grabs(self, now: float) -> None:
        """Finalise grabs `mask_delay` after they completed (masks reported late still apply),
        hand them to the step writer, and pin before frames up to there."""
        self._unfinal.extend(self.screen.take_new())
        upto = now - self.mask_delay
        while self._unfinal and self._unfinal[0].t1 <= upto:
            self._finalise(self._unfinal.popleft())
        self.steps.timeline.resolve(upto)

    def _finalise(self, g: Any) -> None:
        if g.mask is not None:
            _, ctx = self.gate.decide(g.mask.window_id)
            around = (g.t0 - self.mono0 - self.mask_delay / 2, g.t1 - self.mono0 + self.mask_delay / 2)
            current = self.gate.mask_for(g.mask.window_id, self.windows.layout(), around) if ctx else None
            g.mask = g.mask.merged(current)
        g.final = True
        self.steps.add_grab(g)
        if g.periodic and self.video is not None and g.mask is not None and self.events.capturing:
            digest = g.digest + repr(g.mask).encode()
            if self.video.unchanged(digest):
                self.video.skipped += 1
                return
            step = round(1 / self.video.scale)  # subsample here: cheaper than scaling in the encoder
            rgb = masked_rgb(g, g.mask, step=step)
            self.video.add(g.t0 - self.mono0, g.monitor, g.rect, rgb, digest)

    def _flush(self) -> None:
        try:
            self.writer.flush()
            self.writer.maybe_seal()
        except OSError as e:
            self.state_why = f"spool write failed ({e.strerror}); capture paused, nothing lost"
            self.counts["write_errors"] += 1
            return
        full = self.quota.full(self.writer.bytes_written)
        if self.failure:
            return
        if full:
            self.state_why = full
        elif self.state_why.startswith(("spool", "disk")):
            self.state_why = ""

    def _shutdown(self, uploader: Any) -> None:
        self.input.stop()
        self.events.finish()
        self._write_marks()
        if self.steps.pending:
            self.screen.request(time.monotonic())
            end = time.monotonic() + self.steps.settle + 1.0
            while self.steps.pending and time.monotonic() < end:
                time.sleep(0.05)
                self.steps.timeline.input_seen_upto = time.monotonic()
                self._take_grabs(time.monotonic())
                self.steps.pump(time.monotonic())
            self.steps.pump(time.monotonic(), force=True)
        self.screen.stop()
        if self.video is not None:
            self.video.close_segment()
        try:
            self.writer.close()
        except OSError as e:
            log.error("could not close the session cleanly: %s", e)
        self.control.stop()
        if self.browser is not None:
            self.browser.stop()
        if self.a11y is not None:
            self.a11y.stop()
        if uploader is not None:
            self.policy_client.stop()
            uploader.stop(timeout=10)
            self.upload_pending = self._drain_uploads()
        self.windows.close()

    def _drain_uploads(self, timeout: float = 30.0) -> int:
        """After the last chunk is sealed: send what is left, so a clean stop leaves an empty spool
        when the service is up (local data is deleted only once the service confirms it)."""
        from .uploader import Uploader

        assert self.opts.server is not None
        final = Uploader(self.opts.spool, self.opts.server, self.key)
        final.recorder_state = lambda: "stopped"
        try:
            left = final.flush(timeout=timeout)
            final.report_state()  # "stopped", also when the running uploader had sent everything
            return left
        finally:
            final.stop(timeout=1)

    def summary(self) -> dict[str, Any]:
        return recorder_status.summary(self)


class TappedQueue(deque[tuple[Any, ...]]):
    """The raw input queue, also shown to a tap (the accessibility source's non-blocking lookup
    request on a button press) the moment an event arrives."""

    def __init__(self, tap: Any) -> None:
        super().__init__()
        self.tap = tap

    def append(self, item: tuple[Any, ...]) -> None:
        super().append(item)
        if item[0] == "b":
            self.tap(item)


__all__ = ["Recorder", "RecorderOptions"]
