"""Whether the screen's pixels changed since the last look (X DAMAGE on the root window).

The 1 fps periodic grab is skipped when nothing was drawn since the previous grab: an idle
desktop costs no grab, no digest, no compare and no video frame. Grabs asked for by input (before
and after frames, focus changes) never ask this: they are taken exactly as before.

One X connection of its own, read only by the grabber thread (Xlib displays are not shared
across threads). DamageReportNonEmpty sends one event when the damage region goes from empty to
non-empty; `take()` reads the queued events, empties the region (DamageSubtract) and answers
whether any came, so that whatever is drawn after `take()` returns shows in the next one.
The cursor is not drawn into window pixels (nor read by XGetImage), so pointer moves do not count.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("demotrace.capture.screen")


class DamageWatcher:
    def __init__(self, display: str) -> None:
        from Xlib import display as xdisplay
        from Xlib.ext import damage

        self._d: Any = xdisplay.Display(display)
        if not self._d.has_extension("DAMAGE"):
            self._d.close()
            raise RuntimeError("the X server has no DAMAGE extension")
        self._d.damage_query_version()
        root = self._d.screen().root
        self._damage = root.damage_create(damage.DamageReportNonEmpty)
        self._event_type = self._d.extension_event.DamageNotify
        self._d.flush()
        self._dirty = True  # nothing seen yet: the first look grabs

    @classmethod
    def open(cls, display: str) -> DamageWatcher | None:
        """A watcher, or None where DAMAGE cannot be used (every periodic grab is then taken)."""
        try:
            return cls(display)
        except Exception as e:  # no extension, no connection: grab on the timer as before
            log.info("no XDamage (%s): periodic grabs on the timer", e)
            return None

    def take(self) -> bool:
        """True when pixels changed since the previous call (or on the first call)."""
        d = self._d
        dirty = self._dirty
        d.sync()  # a round trip: every DamageNotify sent before it is now in our queue
        while d.pending_events():
            ev = d.next_event()
            if ev.type == self._event_type:
                dirty = True
        if dirty:
            # re-arm before the grab that follows: a change during it is reported next time
            d.damage_subtract(self._damage, 0, 0)
            d.sync()
        self._dirty = False
        return dirty

    def close(self) -> None:
        try:
            self._d.close()
        except Exception:  # the server may be gone at stop
            pass
