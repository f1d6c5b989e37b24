"""Reducer: raw input events in, actions out, streaming or in batch.

The pointer and keyboard halves complete actions out of order (a drag completes at its release,
after keys pressed while the button was held). Completed actions wait in a heap keyed by the
(t, seq) of their first raw event and leave it only once nothing still open started earlier,
so the output is always in time order, and the same whether events come one by one, with
`poll` calls in between, or all at once.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from ..schema import Action, ButtonEvent, FocusEvent, KeyEvent, MoveEvent, RawEvent, ScrollEvent
from ._config import ReduceConfig
from ._keyboard import KeyboardState
from ._pointer import PointerState

_OTHER_EVENTS = (KeyEvent, ButtonEvent, ScrollEvent, FocusEvent)


def _window_key(ev: FocusEvent) -> tuple[object, ...] | None:
    w = ev.window
    if w is None:
        return None
    if w.window_id:
        return (w.window_id,)
    return (w.wm_class, w.wm_instance, w.pid, w.exe)


class Reducer:
    """Streaming reduction (see module doc and docs/architecture/reduce.md)."""

    def __init__(self, cfg: ReduceConfig | None = None) -> None:
        self.cfg = cfg if cfg is not None else ReduceConfig()
        self._heap: list[tuple[float, int, int, Action]] = []
        self._n = 0
        self._pointer = PointerState(self.cfg, self._emit)
        self._keys = KeyboardState(self.cfg, self._emit)
        self._window: tuple[object, ...] | None = None
        self._seen_window = False

    def _emit(self, t: float, seq: int, action: Action) -> None:
        if action.t_end is not None and action.t_end < action.t:  # only on out-of-order input
            action.t_end = action.t
        self._n += 1
        heapq.heappush(self._heap, (t, seq, self._n, action))

    def feed(self, ev: RawEvent) -> list[Action]:
        """Take one raw event; return the actions it made certainly complete (often none)."""
        if isinstance(ev, MoveEvent):
            self._pointer.move(ev)
            return self._release() if self._heap else []
        if not isinstance(ev, _OTHER_EVENTS):
            raise TypeError(f"not a raw event: {ev!r}")
        ptr, keys = self._pointer, self._keys
        ptr.expire(ev.t)
        keys.expire(ev.t)
        if isinstance(ev, KeyEvent):
            if ev.pressed:
                if keys.press(ev):
                    ptr.end_gestures()
            else:
                keys.release(ev)
        elif isinstance(ev, ButtonEvent):
            if ev.pressed:
                keys.end_run()
                ptr.press(ev, keys.modifiers)
            else:
                ptr.release(ev)
        elif isinstance(ev, ScrollEvent):
            if ev.dx or ev.dy:
                keys.end_run()
                ptr.scroll(ev, keys.modifiers)
        else:
            w = _window_key(ev)
            if not self._seen_window or w != self._window or w is None:
                keys.end_run()
            self._window = w
            self._seen_window = True
        return self._release()

    def poll(self, now: float) -> list[Action]:
        """Actions certainly complete at `now`, given that no event before `now` is still unfed."""
        self._pointer.expire(now)
        self._keys.expire(now)
        return self._release()

    def finish(self) -> list[Action]:
        """Complete everything pending (end of session, pause, blocked window) and forget held keys
        and buttons, whose releases may never come."""
        self._keys.finish()
        self._pointer.finish()
        out = [a for *_, a in sorted(self._heap)]
        self._heap = []
        return out

    def _release(self) -> list[Action]:
        heap = self._heap
        if not heap:
            return []
        k1 = self._pointer.open_key()
        k2 = self._keys.open_key()
        if k1 is None:
            bound = k2
        elif k2 is None:
            bound = k1
        else:
            bound = min(k1, k2)
        out: list[Action] = []
        while heap and (bound is None or (heap[0][0], heap[0][1]) < bound):
            out.append(heapq.heappop(heap)[3])
        return out


def reduce_events(events: Iterable[RawEvent], cfg: ReduceConfig | None = None) -> list[Action]:
    """Batch reduction: feed every event, then finish."""
    r = Reducer(cfg)
    out: list[Action] = []
    for ev in events:
        out.extend(r.feed(ev))
    out.extend(r.finish())
    return out
