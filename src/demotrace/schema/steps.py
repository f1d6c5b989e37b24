"""A trajectory step (DESIGN.md): one action with its observation, context and target."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Observation:
    before: str | None = None
    """Path of the before frame, relative to the bundle/export root (e.g. frames/000003-before.webp)."""
    after: str | None = None
    width: int = 0
    height: int = 0
    origin: tuple[int, int] = (0, 0)
    """Virtual-desktop position of the frame's top-left pixel (the monitor's origin), so that
    frame pixel = (screen x - origin x) * scale, screen coordinates being virtual-desktop pixels."""
    scale: float = 1.0
    before_t: float | None = None
    """Session time (s) the before grab was started: the moment it shows (recorder frames)."""
    after_t: float | None = None
    before_missing: str | None = None
    """Why `before` is null: the action followed the previous one before any grab showed that
    one's effect (a frame without it would be an earlier moment), or no grab of the window."""
    after_missing: str | None = None
    """Why `after` is null (the next action began before any grab of the window), or why it is
    earlier than the settle delay."""
    accessibility_tree: list[Any] | None = None
    """Desktop apps: the focused window's compact, redacted tree, one `[depth, role, name,
    [x0, y0, x1, y1] | None, [states]]` row per node (capture/a11y/tree.py)."""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["origin"] = list(self.origin)
        for k in ("before_t", "after_t", "before_missing", "after_missing", "accessibility_tree"):
            if d[k] is None:
                del d[k]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Observation:
        kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if "origin" in kw:
            kw["origin"] = tuple(kw["origin"])
        return cls(**kw)


@dataclass(slots=True)
class Target:
    source: str = "dom"
    role: str | None = None
    name: str | None = None
    tag: str | None = None
    selector: str | None = None
    bbox: list[int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if v is not None and k != "extra"}
        d.update(self.extra)
        return d


@dataclass(slots=True)
class Step:
    index: int
    t: float
    action: dict[str, Any]
    observation: Observation = field(default_factory=Observation)
    context: dict[str, Any] = field(default_factory=dict)
    """app, title, url (all redacted), window geometry."""
    target: dict[str, Any] | None = None
    redactions: list[dict[str, Any]] = field(default_factory=list)
    """[{"field": "context.title", "kind": "PERSON"}, …] — never the redacted text."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "index": self.index,
            "t": round(self.t, 3),
            "action": self.action,
            "observation": self.observation.to_dict(),
            "context": self.context,
        }
        if self.target is not None:
            d["target"] = self.target
        d["redactions"] = self.redactions
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Step:
        return cls(
            index=d["index"],
            t=d["t"],
            action=d["action"],
            observation=Observation.from_dict(d.get("observation") or {}),
            context=d.get("context") or {},
            target=d.get("target"),
            redactions=d.get("redactions") or [],
        )
