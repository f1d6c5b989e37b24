"""Screen grabs with mss in a thread of their own (mss handles are per-thread).

The thread grabs the monitor it is told to (`target()`), while it is told it may:
periodically (`fps`) and on request (`request(at)`: "a grab that starts no earlier than
monotonic time `at`"). Finished grabs go to `take_new()`. Only the allowlisted window's part
of the monitor is read (`Grab.area`).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time

from ._base import Grab, MaskSpec, Rect, _intersect
from .damage import DamageWatcher

log = logging.getLogger("demotrace.capture.screen")


class MssScreenSource:
    def __init__(self, display: str, fps: float = 1.0, min_gap: float = 0.1) -> None:
        self.display = display
        self.period = 1.0 / fps if fps > 0 else 1e9
        self.min_gap = min_gap
        self._new: list[Grab] = []
        self._cv = threading.Condition()
        self._stop = False
        self._target: tuple[int, Rect, MaskSpec] | None = None
        self._requests: list[float] = []
        self._idle: list[float] = []
        self._next_id = 0
        self._last_t = 0.0
        self._last: Grab | None = None
        """The previous grab: one with the same pixels shares its buffer and its encoded frames."""
        self.shared = 0
        self._err: BaseException | None = None
        self._fault = False
        self.grabs = 0
        self.grab_seconds = 0.0
        self.skipped_unchanged = 0
        """Periodic grabs not taken: XDamage saw nothing drawn since the previous grab."""
        self.use_damage = True
        self.monitors: list[Rect] = self._read_monitors()
        self._thread = threading.Thread(target=self._run, name="demotrace-screen", daemon=True)

    def _read_monitors(self) -> list[Rect]:
        """Monitors as the X server reports them (XRandR, through mss), or as declared in
        DEMOTRACE_MONITORS="x,y,w,h;x,y,w,h" for servers that report one big screen (Xvfb, some
        VNC setups): the pixels are still read from the real screen."""
        import os

        import mss

        declared = os.environ.get("DEMOTRACE_MONITORS")
        if declared:
            try:
                rects = [
                    tuple(int(v) for v in part.split(",")) for part in declared.split(";") if part.strip()
                ]
            except ValueError:
                rects = []
            if not rects or any(len(r) != 4 or r[2] <= 0 or r[3] <= 0 for r in rects):
                from ...errors import UsageError

                raise UsageError(f"DEMOTRACE_MONITORS={declared!r}: expected x,y,w,h;x,y,w,h")
            return [(r[0], r[1], r[2], r[3]) for r in rects]

        with mss.MSS(display=self.display) as sct:
            mons = [(m["left"], m["top"], m["width"], m["height"]) for m in sct.monitors[1:]]
            return mons or [(m["left"], m["top"], m["width"], m["height"]) for m in sct.monitors[:1]]

    # -- control (called from the recorder's loop) ----------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._cv:
            self._stop = True
            self._cv.notify()
        self._thread.join(5)

    def set_target(self, monitor: int | None, mask: MaskSpec | None) -> None:
        """What may be grabbed now: a monitor and the mask of the allowlisted window on it, or
        nothing (None) while no allowlisted window is in front."""
        target = None if monitor is None or mask is None else (monitor, self.monitors[monitor], mask)
        with self._cv:
            if target == self._target:
                return  # called every loop tick: the same target needs no wake-up of the grabber
            self._target = target
            self._cv.notify()

    def request(self, at: float) -> None:
        with self._cv:
            self._requests.append(at)
            self._cv.notify()

    def request_idle(self, *ats: float) -> None:
        """Grabs once input has paused (one per time given): each call replaces the previous
        idle requests, so a burst of typing costs one grab per pause, not one per key."""
        with self._cv:
            sooner = bool(ats) and (not self._idle or min(ats) < min(self._idle))
            self._idle = sorted(ats)
            if sooner:  # a later time needs no wake-up: the grabber, woken early, waits again
                self._cv.notify()

    def take_new(self) -> list[Grab]:
        with self._cv:
            out, self._new = self._new, []
        return out

    def kill(self) -> None:
        """Make the grabber thread fail (failure tests: DEMOTRACE_TEST_FAULTS=1)."""
        with self._cv:
            self._fault = True
            self._cv.notify()

    def error(self) -> BaseException | None:
        dead = self._thread.ident is not None and not self._thread.is_alive()
        if self._err is None and dead and not self._stop:
            self._err = RuntimeError("grabber thread ended")
        return self._err

    # -- thread ---------------------------------------------------------------------------------
    def _run(self) -> None:
        import mss

        damage = DamageWatcher.open(self.display) if self.use_damage else None
        try:
            with mss.MSS(display=self.display) as sct:
                next_periodic = time.monotonic()
                last_target: tuple[int, Rect, MaskSpec] | None = None
                while True:
                    with self._cv:
                        while True:
                            if self._stop:
                                return
                            if self._fault:
                                raise RuntimeError("grabber killed (fault injected)")
                            now = time.monotonic()
                            while self._idle and self._idle[0] <= now:
                                self._requests.append(self._idle.pop(0))
                            due_req = [r for r in self._requests if r <= now]
                            periodic = now >= next_periodic
                            if (
                                self._target is not None
                                and (due_req or periodic)
                                and now - self._last_t >= self.min_gap
                            ):
                                break
                            waits = [next_periodic - now] + [r - now for r in self._requests if r > now]
                            if self._idle:
                                waits.append(self._idle[0] - now)
                            if now - self._last_t < self.min_gap:
                                waits.append(self.min_gap - (now - self._last_t))
                            self._cv.wait(max(0.005, min(waits)) if self._target is not None else None)
                        self._requests = [r for r in self._requests if r > now]
                        target = self._target
                    assert target is not None
                    if periodic:
                        next_periodic = now + self.period
                    # damage is counted from one periodic grab to the next (only those feed the
                    # video): grabs asked for by input in between must not hide a change from it
                    changed = damage.take() if damage is not None and periodic else True
                    if not due_req and not changed and target == last_target:
                        self.skipped_unchanged += 1  # the timer's grab of a screen nothing drew on
                        continue
                    if periodic:
                        last_target = target
                    self._grab(sct, target, periodic)
        except BaseException as e:  # reaches the recorder's loop through error()
            log.exception("screen grabber stopped")
            self._err = e
        finally:
            if damage is not None:
                damage.close()

    def _grab(self, sct: object, target: tuple[int, Rect, MaskSpec], periodic: bool) -> None:
        monitor, rect, mask = target
        area = _intersect(rect, mask.keep) or rect
        t0 = time.monotonic()
        shot = sct.grab({"left": area[0], "top": area[1], "width": area[2], "height": area[3]})  # type: ignore[attr-defined]
        t1 = time.monotonic()
        raw: bytes | bytearray = shot.raw  # the bytearray itself: no copy of the pixels
        digest = hashlib.blake2b(
            bytes(memoryview(raw)[:: 4 * 97]) + repr(area).encode(), digest_size=16
        ).digest()
        self._next_id += 1
        g = Grab(self._next_id, t0, t1, monitor, rect, area, raw, digest, mask, periodic=periodic)
        last = self._last
        same_place = last is not None and (last.rect, last.area, last.digest) == (rect, area, digest)
        if last is not None and same_place and last.bgra == raw:
            # the same pixels (compared in full, not by the sampled digest) as the grab before:
            # one buffer for both (the ring and the pins keep several grabs of a quiet screen),
            # and one file for both where their final masks are the same (encoded once)
            g.bgra, g.encoded = last.bgra, last.encoded
            self.shared += 1
        self._last = g
        self._last_t = t1
        self.grabs += 1
        self.grab_seconds += t1 - t0
        with self._cv:
            self._new.append(g)
