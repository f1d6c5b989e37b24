"""The pipeline's knobs: how sessions are cut into episodes and what the quality filters drop."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

PIPELINE_VERSION = 2
"""Bumped whenever the output of the same input changes; part of every resume fingerprint."""


@dataclass(slots=True, frozen=True)
class PipelineConfig:
    idle_gap: float = 120.0
    """Seconds without an action that end an episode (the idle time is cut out)."""
    switch_gap: float = 10.0
    """A switch to another app/site after at least this pause starts a new episode; a quicker
    switch (alt-tab to copy something) stays inside the task."""
    max_steps: int = 100
    max_duration: float = 1800.0
    min_steps: int = 2
    """Episodes with fewer kept steps are dropped (reason `short_episode`)."""
    duplicate_window: float = 0.1
    """An action identical to the previous one within this many seconds is a near-duplicate."""
    settle: float = 0.05
    """Alignment margin (seconds): a before frame is older than the action by at least this much."""
    distinct_threshold: float = 1.0
    """Mean absolute difference (0–255, on a 32x32 grey thumbnail) above which two frames differ."""
    image_format: str | None = None
    """`png`, `webp` or `jpeg` for every exported frame; None: what each format's tooling
    expects (PNG for AgentNet and OSWorld, JPEG for WebDataset, else the stored frame)."""
    wait_gap: float = 3.0
    """Seconds between two actions after which formats with a wait action (OSWorld's WAIT,
    Anthropic's `wait`) get one, so the time the screen took is visible."""
    reviews: tuple[tuple[str, str, str | None], ...] = ()
    """Reviewers' verdicts (episode id, status, edited instruction): see pipeline/reviews.py."""

    def fingerprint(self) -> str:
        data: dict[str, Any] = {"v": PIPELINE_VERSION, **asdict(self)}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
