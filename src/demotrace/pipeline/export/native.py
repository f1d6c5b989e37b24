"""`native`: DESIGN.md's own layout. `trajectories.jsonl` holds one episode a line,
`{"episode_id", "session_id", "instruction", "instruction_source", "app", "apps", "start",
"duration", "metadata", "steps": [step, …]}`, with steps exactly as in the bundle (screen px,
`index` 0-based in the episode) except that `observation.before/after` name the copies under
`frames/<episode_id>/<content hash>.<ext>`: each distinct image of an episode is written once
(a step's after frame is usually the next step's before frame)."""

from __future__ import annotations

from typing import ClassVar

from ...schema import SessionMeta
from ..frames import FrameSource
from ..metadata import recording_metadata
from ..model import Episode
from ._base import EpisodeImages, Exporter, Rendered, dumps


class NativeExporter(Exporter):
    name: ClassVar[str] = "native"
    jsonl_name: ClassVar[str | None] = "trajectories.jsonl"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            images = EpisodeImages(out, frames, self.image_format, f"frames/{ep.episode_id}/")
            steps = []
            for s in ep.steps:
                d = s.to_dict()
                obs = d["observation"]
                for which in ("before", "after"):
                    obs[which] = images.add(obs.get(which))
                steps.append(d)
            out.lines.append(dumps({**ep.header(), "metadata": recording_metadata(meta, ep), "steps": steps}))
        return out
