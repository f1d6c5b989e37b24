"""One session from bundle to filtered episodes: load → align → filter → split."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .align import align_from_video
from .config import PipelineConfig
from .episodes import split_episodes
from .filters import filter_steps
from .frames import FrameSource
from .markers import with_marker_steps
from .model import Drops, Episode
from .quality import episode_quality, with_strips
from .reviews import apply_reviews
from .source import SessionData, load_session


@dataclass(slots=True)
class Prepared:
    data: SessionData
    episodes: list[Episode]
    frames: FrameSource
    drops: Drops = field(default_factory=Drops)
    steps_read: int = 0

    @property
    def has_images(self) -> bool:
        return self.data.has_frames or bool(self.data.videos)

    def stats(self) -> dict[str, Any]:
        """What the dataset report needs about this session (JSON-able)."""
        meta = self.data.meta
        return {
            "session_id": meta.id,
            "source": meta.source,
            "recorded_seconds": round(_recorded_seconds(self.data), 3),
            "steps_read": self.steps_read,
            "has_images": self.has_images,
            "problems": list(self.data.problems),
            "drops": self.drops.to_dict(),
            "episodes": [
                {
                    **ep.header(),
                    "steps": len(ep.steps),
                    "actions": dict(sorted(Counter(str(s.action.get("type")) for s in ep.steps).items())),
                    "quality": episode_quality(ep),
                    "strip": strip,
                }
                for ep, strip in zip(self.episodes, with_strips(self.episodes, self.frames), strict=True)
            ],
        }


def prepare_session(root: Path, key: bytes | None, config: PipelineConfig) -> Prepared:
    data = load_session(root, key)
    steps_read = len(data.steps)
    data.steps = with_marker_steps(align_from_video(data, config), data.marks)
    frames = FrameSource(data.reader)
    drops = Drops()
    has_images = data.has_frames or bool(data.videos)
    if has_images:
        frames.preload_video(
            {s.observation.before or "" for s in data.steps} | {s.observation.after or "" for s in data.steps}
        )
    kept = filter_steps(data.steps, data.meta, frames, has_images, config, drops)
    episodes = split_episodes(kept, data.marks, data.gaps, data.meta, config, drops)
    episodes = apply_reviews(episodes, config.reviews, drops)
    return Prepared(data, episodes, frames, drops, steps_read)


def _recorded_seconds(data: SessionData) -> float:
    meta = data.meta
    if meta.stop is not None and meta.start and meta.stop > meta.start:
        return float(meta.stop - meta.start)
    if data.steps:
        return data.steps[-1].t - data.steps[0].t
    return 0.0
