"""What a grab is, and the mask that says which of its pixels may be kept."""

from __future__ import annotations

from dataclasses import dataclass, field

Rect = tuple[int, int, int, int]  # x, y, width, height in virtual-desktop pixels


@dataclass(frozen=True, slots=True)
class MaskSpec:
    """Keep only `keep` (the allowlisted window), minus every rectangle in `cover` (windows above it
    that are not allowlisted, secure fields, blocked selectors). None keeps nothing."""

    window_id: int
    keep: Rect
    cover: tuple[Rect, ...] = ()
    kinds: tuple[str, ...] = ()
    """What each cover rectangle hides (`WINDOW`, `SECURE_ELEMENT`), aligned with `cover`."""

    def covers(self) -> list[tuple[Rect, str]]:
        return [(r, self.kinds[i] if i < len(self.kinds) else "MASK") for i, r in enumerate(self.cover)]

    def merged(self, other: MaskSpec | None) -> MaskSpec | None:
        """The conservative union of two specs seen around one grab: the keep area shrinks to the
        intersection, the covers add up. A different window → nothing may be kept."""
        if other is None or other.window_id != self.window_id:
            return None
        keep = _intersect(self.keep, other.keep)
        if keep is None:
            return None
        pairs = dict.fromkeys(self.covers() + other.covers())
        return MaskSpec(self.window_id, keep, tuple(r for r, _ in pairs), tuple(k for _, k in pairs))


def _intersect(a: Rect, b: Rect) -> Rect | None:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


@dataclass(slots=True)
class Grab:
    id: int
    t0: float
    """Monotonic time just before the grab request (seconds)."""
    t1: float
    """Monotonic time when the pixels had arrived."""
    monitor: int
    rect: Rect
    """The monitor's rectangle: the stored frame covers it (outside `area`, black)."""
    area: Rect
    """What was actually read from the screen: the allowlisted window's part of the monitor (the
    rest would be masked anyway). `bgra` holds area[2] x area[3] pixels."""
    bgra: bytes | bytearray
    digest: bytes
    mask: MaskSpec | None
    """Set at grab time; the recorder's loop merges in what it saw after the grab (`final`)."""
    final: bool = False
    periodic: bool = False
    """Taken by the 1 fps clock (a video candidate) rather than on request."""
    refs: int = 0
    encoded: dict[str, str] = field(default_factory=dict)
    """mask key → path of the frame file already written for this grab (dedup)."""
