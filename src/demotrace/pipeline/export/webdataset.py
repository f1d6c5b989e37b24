"""`webdataset`: `shards/<session_id>.tar`, one sample per step: `<key>.jpg` (the before frame;
absent without images), `<key>.after.jpg` (the after frame, where there is one) and `<key>.json`
(the step: `action` in the image's px, `observation` with `before`/`after` naming the sample's
members, `context`, `target`, `redactions`, plus `episode_id`, `instruction`,
`instruction_source`, `app` (where this step happened) and `metadata`). Frames are encoded once
from the stored frame as JPEG (what WebDataset pipelines decode by default; `--image-format png`
or `webp` keeps them lossless, with that extension). Keys are `<session>_<episode>_<index>` and
hold no dots. Archives are reproducible: entries in key order, mtime 0, owner root, mode 0644.
"""

from __future__ import annotations

import io
import tarfile
from typing import ClassVar

from ...schema import SessionMeta
from ..frames import FrameSource
from ..metadata import recording_metadata
from ..model import Episode, step_place
from ._base import Exporter, Rendered, dumps, frame_action


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    tar.addfile(info, io.BytesIO(data))


class WebDatasetExporter(Exporter):
    name: ClassVar[str] = "webdataset"
    default_image_format: ClassVar[str | None] = "jpeg"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        buf = io.BytesIO()
        n = 0
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
            for ep in episodes:
                md = recording_metadata(meta, ep)
                for s in ep.steps:
                    key = f"{ep.session_id}_{ep.number:03d}_{s.index:06d}"
                    if "." in key:
                        raise ValueError(f"webdataset key {key!r} holds a dot")
                    before = frames.image(s.observation.before, self.image_format)
                    after = frames.image(s.observation.after, self.image_format)
                    d = s.to_dict()
                    d["action"] = frame_action(s)
                    d["observation"]["before"] = f"{key}.{before[1]}" if before else None
                    d["observation"]["after"] = f"{key}.after.{after[1]}" if after else None
                    d.update(
                        {
                            "episode_id": ep.episode_id,
                            "instruction": ep.instruction,
                            "instruction_source": ep.instruction_source,
                            "app": step_place(s),
                            "metadata": md,
                        }
                    )
                    if after is not None:
                        _add(tar, f"{key}.after.{after[1]}", after[0])
                    if before is not None:
                        _add(tar, f"{key}.{before[1]}", before[0])
                    _add(tar, f"{key}.json", dumps(d))
                    n += 1
        if n == 0:
            return Rendered()
        return Rendered(files=[(f"shards/{meta.id}.tar", buf.getvalue())])
