"""Reviewers' verdicts applied to episodes: a rejected episode is never exported (counted as
dropped, reason `rejected`); an edited instruction replaces the recorded one. The verdicts come
from the service's database (`store.reviews.episode_reviews`) when the source is a service data
folder, and travel in `PipelineConfig.reviews` so that they are part of the export's fingerprint."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .model import Drops, Episode

ReviewRow = tuple[str, str, str | None]
"""(episode id, status, edited instruction or None)"""


def service_reviews(data_dir: Path) -> tuple[ReviewRow, ...]:
    from ..store.reviews import episode_reviews

    return tuple(sorted((k, r.status, r.instruction) for k, r in episode_reviews(data_dir).items()))


def apply_reviews(episodes: list[Episode], reviews: tuple[ReviewRow, ...], drops: Drops) -> list[Episode]:
    if not reviews:
        return episodes
    by_id = {eid: (status, instruction) for eid, status, instruction in reviews}
    out = []
    for ep in episodes:
        status, instruction = by_id.get(ep.episode_id, ("", None))
        if status == "rejected":
            drops.episodes["rejected"] += 1
            drops.steps["rejected"] += len(ep.steps)
            continue
        out.append(
            dataclasses.replace(ep, instruction=instruction, instruction_source="reviewer")
            if instruction
            else ep
        )
    return out
