"""`native`: DESIGN.md's own layout. `trajectories.jsonl` holds one episode a line,
`{"episode_id", "session_id", "instruction", "app", "start", "duration", "steps": [step, …]}`,
with steps exactly as in the bundle (screen px, `index` 0-based in the episode) except that
`observation.before/after` name the copies under `frames/<episode_id>/NNNNNN-before.<ext>`."""

from __future__ import annotations

from typing import ClassVar

from ...schema import SessionMeta
from ..frames import FrameSource, ext_of
from ..model import Episode
from ._base import Exporter, Rendered, dumps


class NativeExporter(Exporter):
    name: ClassVar[str] = "native"
    jsonl_name: ClassVar[str | None] = "trajectories.jsonl"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            steps = []
            for s in ep.steps:
                d = s.to_dict()
                obs = d["observation"]
                for which in ("before", "after"):
                    ref = obs.get(which)
                    blob = frames.try_read(ref)
                    if ref and blob is not None:
                        rel = f"frames/{ep.episode_id}/{s.index:06d}-{which}.{ext_of(ref)}"
                        out.files.append((rel, blob))
                        obs[which] = rel
                    else:
                        obs[which] = None
                steps.append(d)
            out.lines.append(dumps({**ep.header(), "steps": steps}))
        return out
