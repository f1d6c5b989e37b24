"""Join an OS click with the extension's DOM event for it: same time (within `tol_s`) and a
screen bbox that holds the click point (within `tol_px`)."""

from __future__ import annotations

from collections.abc import Iterable

from .model import BBox, DomEvent

CLICK_KINDS = frozenset({"click", "dblclick", "contextmenu", "auxclick"})


def bbox_distance(b: BBox, x: int, y: int) -> float:
    """0 inside (edges included), else the distance in px to the box."""
    dx = max(b[0] - x, 0, x - b[2])
    dy = max(b[1] - y, 0, y - b[3])
    return float((dx * dx + dy * dy) ** 0.5)


def join_click(
    x: int, y: int, t: float, events: Iterable[DomEvent], tol_s: float = 0.5, tol_px: int = 6
) -> DomEvent | None:
    """The DOM event for an OS click at screen (x, y), session time t, or None.

    A DOM click/dblclick/contextmenu/auxclick whose screen bbox holds the point (or lies within
    tol_px of it) and whose time is within tol_s wins; among several, inside beats near, then an
    event that is not `auxclick` (a right click fires `contextmenu` on press and `auxclick` on
    release, on the same element: the `contextmenu` says what happened, whichever stamp is nearer
    the OS click), then the closest in time, then the smallest box (the innermost element).
    Failing that, a pick from a native <select> popup (outside the page's DOM, so no DOM click) is
    the `select_option` event that follows the click within tol_s.
    """
    evs = list(events)
    best: DomEvent | None = None
    best_key: tuple[bool, bool, float, int] | None = None
    for ev in evs:
        if ev.kind not in CLICK_KINDS or abs(ev.t - t) > tol_s:
            continue
        box = ev.screen_bbox
        if box is None and ev.point is not None:
            box = (ev.point[0], ev.point[1], ev.point[0], ev.point[1])
        if box is None:
            continue
        d = bbox_distance(box, x, y)
        if d > tol_px:
            continue
        key = (d > 0, ev.kind == "auxclick", abs(ev.t - t), (box[2] - box[0]) * (box[3] - box[1]))
        if best_key is None or key < best_key:
            best, best_key = ev, key
    if best is not None:
        return best
    picks = [ev for ev in evs if ev.kind == "select_option" and t - 0.05 <= ev.t <= t + tol_s]
    return min(picks, key=lambda ev: abs(ev.t - t)) if picks else None
