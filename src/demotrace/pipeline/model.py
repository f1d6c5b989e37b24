"""What the pipeline passes between its stages: episodes, drop counts and per-session results."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..redact.urls import host_of
from ..schema import Step


@dataclass(slots=True)
class Episode:
    episode_id: str
    """`<session id>-<NNN>`: stable for the same input and configuration."""
    session_id: str
    number: int
    """0-based position of the episode within its session."""
    steps: list[Step]
    """Steps with `index` renumbered 0-based within the episode, in time order."""
    instruction: str | None = None
    os: str = ""
    instruction_source: str | None = None
    """`person`, `reviewer`, `import` or `drafted` (see instructions.py)."""

    @property
    def places(self) -> list[str]:
        """Every app/site the episode's steps happened in, in order of first use."""
        return list(dict.fromkeys(p for p in (step_place(s) for s in self.steps) if p))

    @property
    def start(self) -> float:
        return self.steps[0].t if self.steps else 0.0

    @property
    def duration(self) -> float:
        if not self.steps:
            return 0.0
        return max(0.0, self.steps[-1].t - self.steps[0].t)

    @property
    def app(self) -> str:
        """The app or site most of the episode's steps happened in (ties: the first seen)."""
        counts = Counter(step_place(s) for s in self.steps)
        if not counts:
            return ""
        best = max(counts.values())
        for s in self.steps:
            if counts[step_place(s)] == best:
                return step_place(s)
        return ""

    def header(self) -> dict[str, Any]:
        return {
            "episode_id": self.episode_id,
            "session_id": self.session_id,
            "instruction": self.instruction,
            "instruction_source": self.instruction_source,
            "app": self.app,
            "apps": self.places,
            "start": round(self.start, 3),
            "duration": round(self.duration, 3),
        }


def step_place(step: Step) -> str:
    """Where a step happened: the web site's host when there is a URL, else the app."""
    return place_of(step.context)


def place_of(context: dict[str, Any]) -> str:
    url = context.get("url")
    if isinstance(url, str) and url:
        host = host_of(url)  # never raises: a redacted URL may hold anything
        if host:
            return host
    app = context.get("app")
    return str(app).lower() if app else ""


@dataclass(slots=True)
class Drops:
    """What the quality filters removed, by reason: steps, episodes and idle seconds."""

    steps: Counter[str] = field(default_factory=Counter)
    episodes: Counter[str] = field(default_factory=Counter)
    idle_seconds: float = 0.0
    idle_gaps: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "steps": dict(sorted(self.steps.items())),
            "episodes": dict(sorted(self.episodes.items())),
            "idle_seconds": round(self.idle_seconds, 3),
            "idle_gaps": self.idle_gaps,
        }
