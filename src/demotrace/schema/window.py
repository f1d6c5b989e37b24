"""The context of an event: the focused top-level window and, for browsers, the page."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class WindowContext:
    window_id: int = 0
    wm_instance: str = ""
    wm_class: str = ""
    title: str = ""
    pid: int | None = None
    exe: str = ""
    geometry: tuple[int, int, int, int] = (0, 0, 0, 0)
    """x, y, width, height in virtual-desktop pixels."""
    monitor: int = 0
    url: str | None = None
    """Set for a browser window from the extension's report."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def app(self) -> str:
        """The application's name: WM_CLASS instance (class, executable as fallbacks), without the
        " (profile path)" that Chromium appends to its instance name."""
        name = self.wm_instance or self.wm_class or self.exe
        return name.split(" (", 1)[0].strip().lower()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["geometry"] = list(self.geometry)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> WindowContext:
        kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if "geometry" in kw:
            kw["geometry"] = tuple(kw["geometry"])
        return cls(**kw)
