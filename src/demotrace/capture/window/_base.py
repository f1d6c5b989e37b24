"""The window source interface: who has the focus, and which windows cover which pixels."""

from __future__ import annotations

from dataclasses import dataclass

from ...schema import WindowContext


@dataclass(frozen=True, slots=True)
class TopLevel:
    window_id: int
    rect: tuple[int, int, int, int]
    """x, y, width, height in virtual-desktop pixels."""

    def contains(self, x: int, y: int) -> bool:
        rx, ry, rw, rh = self.rect
        return rx <= x < rx + rw and ry <= y < ry + rh


@dataclass(frozen=True, slots=True)
class Layout:
    """Visible top-level windows, bottom to top, at one moment."""

    windows: tuple[TopLevel, ...]

    def at(self, x: int, y: int) -> int | None:
        for w in reversed(self.windows):
            if w.contains(x, y):
                return w.window_id
        return None

    def rect_of(self, window_id: int) -> tuple[int, int, int, int] | None:
        for w in self.windows:
            if w.window_id == window_id:
                return w.rect
        return None

    def above(self, window_id: int) -> list[tuple[int, int, int, int]]:
        """Rectangles of windows stacked above `window_id` (they cover parts of it)."""
        out: list[tuple[int, int, int, int]] = []
        seen = False
        for w in self.windows:
            if seen:
                out.append(w.rect)
            elif w.window_id == window_id:
                seen = True
        return out


class WindowSource:
    """Backends answer these from the thread that owns them (the recorder's loop)."""

    def sync(self, force: bool = True) -> None:
        """Process pending window-system events; with `force`, also make one round trip, so that
        every change that happened before this call is visible to the calls below."""
        raise NotImplementedError

    def focused(self) -> WindowContext | None:
        raise NotImplementedError

    def context(self, window_id: int) -> WindowContext | None:
        raise NotImplementedError

    def layout(self) -> Layout:
        raise NotImplementedError

    @property
    def generation(self) -> int:
        """Bumped whenever focus, a title or the layout changed."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
