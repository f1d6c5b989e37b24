"""Reviewers' verdicts, for the exporter: `episode_reviews(DIR)` gives, per episode id, whether it
was rejected and the instruction a reviewer wrote. Rejected episodes are never exported; an
edited instruction replaces the recorded one in every format (`instruction_source: reviewer`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .console_models import EpisodeReview
from .data import ServiceData


@dataclass(frozen=True, slots=True)
class Review:
    status: str
    """"accepted", "rejected" or "" (not decided)."""
    instruction: str | None
    reason: str = ""

    @property
    def rejected(self) -> bool:
        return self.status == "rejected"


def reviews_of(data: ServiceData) -> dict[str, Review]:
    with data.db.read() as s:
        rows = s.execute(select(EpisodeReview)).scalars()
        return {r.episode_id: Review(r.status, r.instruction, r.reason) for r in rows}


def episode_reviews(data_dir: Path) -> dict[str, Review]:
    """Every review held by the service whose data folder is `data_dir` (UsageError if it is not one)."""
    data = ServiceData.open(data_dir)
    try:
        return reviews_of(data)
    finally:
        data.close()
