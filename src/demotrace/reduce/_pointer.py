"""The pointer half of reduction: clicks and multi-clicks, drags, scroll bursts and hovers.

State is explicit and small: the buttons held now, the pending left-click sequence (waiting to
see whether it becomes a double/triple click), the pending scroll burst and, when hovers are
asked for, the current pointer motion. Finished actions go to `emit(t, seq, action)`, where
`seq` is the raw sequence number of the action's first event (the output order's tie-break).
"""

from __future__ import annotations

from collections.abc import Callable

from ..schema import Action, ActionType, ButtonEvent, MoveEvent, ScrollEvent
from ._config import ReduceConfig

Emit = Callable[[float, int, Action], None]
OpenKey = tuple[float, int]

_CLICK_TYPE: dict[str, ActionType] = {"left": "click", "right": "right_click", "middle": "middle_click"}
_MULTI: dict[int, ActionType] = {1: "click", 2: "double_click", 3: "triple_click"}


class _Press:
    """A button held down."""

    __slots__ = ("button", "cont", "far", "mods", "seq", "t", "x", "y")

    def __init__(self, ev: ButtonEvent, mods: tuple[str, ...], cont: bool) -> None:
        self.button = ev.button
        self.x = ev.x
        self.y = ev.y
        self.t = ev.t
        self.seq = ev.seq
        self.mods = mods
        self.cont = cont
        """This press continues the pending click sequence (a 2nd or 3rd click)."""
        self.far = False
        """The pointer has travelled at least the drag threshold since the press."""


class _ClickSeq:
    """A left click that may still become a double or triple click."""

    __slots__ = ("count", "last_press_t", "mods", "seq", "t", "t_end", "x", "y")

    def __init__(self, p: _Press, t_end: float) -> None:
        self.x = p.x
        self.y = p.y
        self.t = p.t
        self.seq = p.seq
        self.mods = p.mods
        self.count = 1
        self.last_press_t = p.t
        self.t_end = t_end


class _Burst:
    """Wheel ticks summed while they keep coming."""

    __slots__ = ("dx", "dy", "mods", "seq", "t", "t_last", "x", "y")

    def __init__(self, ev: ScrollEvent, mods: tuple[str, ...]) -> None:
        self.x = ev.x
        self.y = ev.y
        self.t = ev.t
        self.seq = ev.seq
        self.t_last = ev.t
        self.dx = ev.dx
        self.dy = ev.dy
        self.mods = mods


def _opposed(a: int, b: int) -> bool:
    return (a > 0 > b) or (a < 0 < b)


class PointerState:
    def __init__(self, cfg: ReduceConfig, emit: Emit) -> None:
        self._cfg = cfg
        self._emit = emit
        self._dc2 = cfg.double_click_distance**2
        self._drag2 = cfg.drag_threshold**2
        self._scroll2 = cfg.scroll_distance**2
        self._held: dict[str, _Press] = {}
        self._clicks: _ClickSeq | None = None
        self._burst: _Burst | None = None
        # Pointer motion for hovers: first move (t, seq), origin, last position and time.
        self._x: int | None = None
        self._y: int | None = None
        self._motion: tuple[float, int, int | None, int | None] | None = None
        self._motion_last = 0.0

    # -- queries -------------------------------------------------------------------------------

    def open_key(self) -> OpenKey | None:
        """(t, seq) of the earliest action not yet complete, or None."""
        best: OpenKey | None = None
        for p in self._held.values():
            k = (p.t, p.seq)
            if best is None or k < best:
                best = k
        for k2 in (
            (self._clicks.t, self._clicks.seq) if self._clicks else None,
            (self._burst.t, self._burst.seq) if self._burst else None,
            (self._motion[0], self._motion[1]) if self._motion else None,
        ):
            if k2 is not None and (best is None or k2 < best):
                best = k2
        return best

    # -- events --------------------------------------------------------------------------------

    def move(self, ev: MoveEvent) -> None:
        if self._held:
            d2 = self._drag2
            for p in self._held.values():
                if not p.far and (ev.x - p.x) ** 2 + (ev.y - p.y) ** 2 >= d2:
                    p.far = True
        elif self._cfg.hover_dwell is not None:
            if self._motion is not None and ev.t - self._motion_last >= self._cfg.hover_dwell:
                self._end_motion()
            if self._motion is None:
                self._motion = (ev.t, ev.seq, self._x, self._y)
            self._motion_last = ev.t
        self._x = ev.x
        self._y = ev.y

    def press(self, ev: ButtonEvent, mods: tuple[str, ...]) -> None:
        self._end_burst()
        self._motion = None
        self._x, self._y = ev.x, ev.y
        old = self._held.get(ev.button)
        if old is not None:  # a press without its release (lost while paused): settle it first
            self._release_press(old, old.x, old.y, old.t)
            del self._held[ev.button]
        cs = self._clicks
        cont = False
        if cs is not None:
            if (
                ev.button == "left"
                and cs.count < 3
                and not any(p.cont for p in self._held.values())
                and ev.t - cs.last_press_t <= self._cfg.double_click_interval
                and (ev.x - cs.x) ** 2 + (ev.y - cs.y) ** 2 <= self._dc2
                and mods == cs.mods
            ):
                cont = True
            else:
                self.end_clicks()
        self._held[ev.button] = _Press(ev, mods, cont)

    def release(self, ev: ButtonEvent) -> None:
        p = self._held.pop(ev.button, None)
        self._x, self._y = ev.x, ev.y
        if p is None:
            return  # its press was not seen (before the session, or while paused)
        self._release_press(p, ev.x, ev.y, ev.t)

    def scroll(self, ev: ScrollEvent, mods: tuple[str, ...]) -> None:
        if ev.dx == 0 and ev.dy == 0:
            return
        self.end_clicks()
        self._motion = None
        self._x, self._y = ev.x, ev.y
        b = self._burst
        if b is not None:
            if (
                ev.t - b.t_last <= self._cfg.scroll_gap
                and mods == b.mods
                and (ev.x - b.x) ** 2 + (ev.y - b.y) ** 2 <= self._scroll2
                and not _opposed(ev.dy, b.dy)
                and not _opposed(ev.dx, b.dx)
            ):
                b.dx += ev.dx
                b.dy += ev.dy
                b.t_last = ev.t
                return
            self._end_burst()
        self._burst = _Burst(ev, mods)

    # -- completion ----------------------------------------------------------------------------

    def expire(self, now: float) -> None:
        """Complete what no event at or after `now` can extend any more."""
        cs = self._clicks
        if (
            cs is not None
            and now - cs.last_press_t > self._cfg.double_click_interval
            and not any(p.cont for p in self._held.values())
        ):
            self.end_clicks()
        b = self._burst
        if b is not None and now - b.t_last > self._cfg.scroll_gap:
            self._end_burst()
        self.expire_motion(now)

    def expire_motion(self, now: float) -> None:
        dwell = self._cfg.hover_dwell
        if self._motion is not None and dwell is not None and now - self._motion_last >= dwell:
            self._end_motion()

    def end_gestures(self) -> None:
        """Another kind of input started: pending clicks and scrolls are complete."""
        self.end_clicks()
        self._end_burst()

    def finish(self) -> None:
        for p in sorted(self._held.values(), key=lambda p: (p.t, p.seq)):
            x, y = (self._x, self._y) if p.far and self._x is not None and self._y is not None else (p.x, p.y)
            p.cont = False
            self._release_press(p, x, y, p.t)
        self._held.clear()
        self.end_clicks()
        self._end_burst()
        if self._motion is not None:
            self._end_motion()

    def end_clicks(self) -> None:
        cs = self._clicks
        if cs is None:
            return
        self._clicks = None
        for p in self._held.values():
            p.cont = False
        self._emit(
            cs.t,
            cs.seq,
            Action(_MULTI[cs.count], cs.t, cs.t_end, x=cs.x, y=cs.y, button="left", modifiers=cs.mods),
        )

    def _end_burst(self) -> None:
        b = self._burst
        if b is None:
            return
        self._burst = None
        act = Action("scroll", b.t, b.t_last, x=b.x, y=b.y, dx=b.dx, dy=b.dy, modifiers=b.mods)
        self._emit(b.t, b.seq, act)

    def _end_motion(self) -> None:
        m = self._motion
        self._motion = None
        if m is None or self._x is None or self._y is None:
            return
        t0, seq0, ox, oy = m
        if ox is not None and oy is not None and (self._x - ox) ** 2 + (self._y - oy) ** 2 < self._dc2:
            return
        self._emit(t0, seq0, Action("move", t0, self._motion_last, x=self._x, y=self._y))

    def _release_press(self, p: _Press, x: int, y: int, t: float) -> None:
        far = p.far or (x - p.x) ** 2 + (y - p.y) ** 2 >= self._drag2
        if far:
            if p.cont:
                self.end_clicks()
            self._emit(
                p.t,
                p.seq,
                Action("drag", p.t, t, x=p.x, y=p.y, to_x=x, to_y=y, button=p.button, modifiers=p.mods),
            )
            return
        if p.button != "left":
            kind = _CLICK_TYPE.get(p.button, "click")
            self._emit(p.t, p.seq, Action(kind, p.t, t, x=p.x, y=p.y, button=p.button, modifiers=p.mods))
            return
        cs = self._clicks
        if p.cont and cs is not None:
            cs.count += 1
            cs.last_press_t = p.t
            cs.t_end = t
            if cs.count >= 3:
                self.end_clicks()
            return
        self.end_clicks()
        self._clicks = _ClickSeq(p, t)
