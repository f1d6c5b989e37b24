"""One timeline for frames: which grab shows the moment before an action and which the moment after.

Every grab carries the monotonic times it was requested (`t0`) and its pixels arrived (`t1`);
every action-starting raw event (key press, button press, scroll) is noted with its monotonic
time. From those, for an action whose first raw event is at `a0` and last at `a1`:

- *before* = the newest grab completed `margin` before `a0`. It is looked up (pinned) when `a0`
  is noted, so the ring may roll over while the reducer still holds the action. It must have
  started after the previous action's last event had time to be drawn; when it did not (the
  action followed the previous one before any grab), no before frame (with a reason), never an
  earlier moment that lacks the previous action's effect.
- *after* = the first grab started `settle` after `a1`; it must complete before the next
  action-starting event (`bound`). When the next action comes sooner, the newest grab started
  after `a1` and completed before `bound`; when there is none, no after frame (with a reason),
  never a later moment.

The ring holds the last few finalised grabs (raw pixels; only the grabs a step keeps are encoded).
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from .screen import Grab

Usable = Callable[[Grab], bool]


@dataclass
class AfterChoice:
    grab: Grab | None
    reason: str = ""
    """Why there is no after frame, or why it is earlier than the settle delay."""


@dataclass
class FrameTimeline:
    settle: float = 0.3
    margin: float = 0.03
    """A before grab must have completed this long before the action's first raw event."""
    input_slack: float = 0.03
    """Input callbacks reach the queue within this long of their timestamp."""
    ring: deque[Grab] = field(default_factory=lambda: deque(maxlen=4))
    presses: list[float] = field(default_factory=list)
    input_seen_upto: float = 0.0
    """Every raw event stamped before this time has been noted (presses) or is in the queue."""
    pins: deque[tuple[float, Grab | None]] = field(default_factory=lambda: deque(maxlen=512))
    max_pinned: int = 4
    """Distinct grabs kept alive by pins (raw pixels: the memory bound)."""
    _unresolved: deque[float] = field(default_factory=deque)

    # -- feeding --------------------------------------------------------------------------------
    def add_grab(self, g: Grab) -> None:
        """A finalised grab (mask merged), in completion order. The previous grab of the same window
        leaves the ring when no action began between the two (g serves every choice it would: the
        newest before any later action, a moment after an earlier one), so that a quiet screen's
        grabs (the quick and the settled one of a pause) hold one raw buffer, not two."""
        if self.ring and self._superseded(self.ring[-1], g):
            self.ring.pop()
        self.ring.append(g)

    def _superseded(self, last: Grab, g: Grab) -> bool:
        if last.mask is None or g.mask is None or last.mask.window_id != g.mask.window_id:
            return False
        if last.rect != g.rect or self.input_seen_upto < g.t1 + self.margin:
            return False  # (a press stamped before g was done may still be on its way)
        ps = self.presses
        i = bisect_right(ps, last.t0 - 1e-4)
        return i >= len(ps) or ps[i] > g.t1 + self.margin

    def note_press(self, t: float) -> None:
        """An action-starting raw event at monotonic time t (any window: a change elsewhere can
        still change what the screen shows)."""
        if self.presses and t < self.presses[-1]:
            insort(self.presses, t)  # two listener threads: stamps may interleave
        else:
            self.presses.append(t)
        if len(self.presses) > 4096:
            del self.presses[:1024]
        self._unresolved.append(t)

    def resolve(self, final_upto: float) -> None:
        """Pin the before grab of every noted press at or before `final_upto` (the time up to
        which every completed grab has been finalised and added)."""
        while self._unresolved and self._unresolved[0] <= final_upto:
            t = self._unresolved.popleft()
            g = self._newest_done_by(t - self.margin)
            if self.pins and self.pins[-1][1] is g:
                self.pins.append((t, g))
                continue
            self.pins.append((t, g))
            self._limit_pins()

    def _limit_pins(self) -> None:
        """At most `max_pinned` distinct grabs pinned: the oldest (the before frame of the earliest
        press still needed, e.g. the first key of a long typing the reducer still holds: releases
        are exact, `release_before`) and the newest others; the pins between them go (a press there
        that does start an action then finds an older grab, which the `since` bound refuses: no
        frame rather than a wrong one)."""
        distinct: list[int] = []
        for _, g in reversed(self.pins):
            if g is not None and (not distinct or distinct[-1] != g.id):
                distinct.append(g.id)
        if len(distinct) <= self.max_pinned:
            return
        keep = set(distinct[: self.max_pinned - 1])
        keep.add(distinct[-1])
        kept = [(t, g) for t, g in self.pins if g is None or g.id in keep]
        self.pins.clear()
        self.pins.extend(kept)

    def release_before(self, t: float) -> None:
        """No action can start before monotonic time t any more: drop the pins of earlier presses
        (each press has a pin of its own: none of them is the one a later action looks up)."""
        while self.pins and self.pins[0][0] < t:
            self.pins.popleft()

    def _newest_done_by(self, t: float) -> Grab | None:
        for g in reversed(self.ring):
            if g.t1 <= t:
                return g
        return None

    # -- choosing -------------------------------------------------------------------------------
    def before(self, a0: float, ok: Usable, since: float = float("-inf")) -> tuple[bool, Grab | None]:
        """(decided, grab) for an action starting at a0; not decided while a0's pin is pending.

        The grab must have started at or after `since` (the previous action's last raw event plus
        the time an app takes to draw it): an older one would not show that action's effect, so
        when none is that fresh there is no before frame, never an earlier moment."""
        if self._unresolved and self._unresolved[0] <= a0 + 1e-4:
            return False, None
        for t, g in reversed(self.pins):
            if t <= a0 + 1e-4:
                if g is not None and ok(g):
                    return True, g if g.t0 >= since else None
                break
        # no pin (older than the pins kept) or the pinned grab shows another window: the ring
        for g in reversed(self.ring):
            if g.t1 <= a0 - self.margin and ok(g):
                return True, g if g.t0 >= since else None
        return True, None

    def next_press_after(self, t: float) -> float | None:
        ps = self.presses
        i = bisect_right(ps, t + 1e-4)
        return ps[i] if i < len(ps) else None

    def after(
        self, a1: float, ok: Usable, held: Grab | None, now: float, timeout: float
    ) -> AfterChoice | Grab | None:
        """An AfterChoice when decided; else the best candidate so far (to hold on to) or None."""
        bound = self.next_press_after(a1)
        seen = self.input_seen_upto - self.input_slack
        limit = seen if bound is None else min(seen, bound - self.margin)
        cands = [g for g in self.ring if g.t0 >= a1 and g.t1 <= limit and ok(g)]
        if held is not None and held.t1 <= limit and all(g is not held for g in cands):
            cands.insert(0, held)
        cands.sort(key=lambda g: g.t0)
        for g in cands:
            if g.t0 >= a1 + self.settle:
                return AfterChoice(g)
        best = cands[-1] if cands else None
        if bound is not None and bound - self.margin <= seen:
            if best is not None:
                return AfterChoice(best, f"next action {bound - a1:.2f} s later: newest grab before it")
            return AfterChoice(None, f"next action {bound - a1:.2f} s later, before any grab")
        if now - (a1 + self.settle) > timeout:
            return AfterChoice(best, "" if best is not None else "no grab of the window in time")
        return best


__all__ = ["AfterChoice", "FrameTimeline"]
