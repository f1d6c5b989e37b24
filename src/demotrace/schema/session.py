"""session.json: what a recording is, where and when (DESIGN.md, "Session bundle")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ulid import ULID


def new_session_id() -> str:
    return str(ULID())


@dataclass(slots=True, frozen=True)
class Monitor:
    x: int
    y: int
    width: int
    height: int
    scale: float = 1.0

    def contains(self, px: int, py: int) -> bool:
        return self.x <= px < self.x + self.width and self.y <= py < self.y + self.height


@dataclass(slots=True)
class SessionMeta:
    id: str
    device: str = ""
    """Pseudonym of the device (never a hostname)."""
    user: str = ""
    """Pseudonym of the person."""
    recorder_version: str = ""
    os: str = ""
    monitors: list[Monitor] = field(default_factory=list)
    double_click_interval: float = 0.5
    double_click_distance: int = 5
    policy_version: int = 0
    clock: dict[str, float] = field(default_factory=dict)
    """{"monotonic": m0, "wall": w0}: the session's t=0 on both clocks."""
    start: float = 0.0
    """Wall clock, seconds since the epoch."""
    stop: float | None = None
    source: str = "demotrace"
    """Who produced the bundle: demotrace's recorder, or an importer (e.g. "ducktrack")."""
    task: str | None = None
    """The task the person gave, or the imported recording's task name."""
    extra: dict[str, Any] = field(default_factory=dict)

    def monitor_at(self, x: int, y: int) -> int | None:
        for i, m in enumerate(self.monitors):
            if m.contains(x, y):
                return i
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SessionMeta:
        if not isinstance(d, dict) or not isinstance(d.get("id"), str):
            raise ValueError("session.json: missing 'id'")
        kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        kw["monitors"] = [Monitor(**m) for m in kw.get("monitors", [])]
        return cls(**kw)
