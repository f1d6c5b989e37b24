"""`webdataset`: `shards/<session_id>.tar`, one sample per step: `<key>.jpg` (the before frame as
JPEG; absent without images) + `<key>.json` (the step: `action` in the image's px, `observation`,
`context`, plus `episode_id`, `instruction`, `app`). Keys are `<session>_<episode>_<index>` and
hold no dots. Archives are reproducible: entries in key order, mtime 0, owner root, mode 0644.
"""

from __future__ import annotations

import io
import tarfile
from typing import ClassVar

from ...schema import SessionMeta
from ..frames import FrameSource, to_jpeg
from ..model import Episode
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

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        buf = io.BytesIO()
        n = 0
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
            for ep in episodes:
                app = ep.app
                for s in ep.steps:
                    key = f"{ep.session_id}_{ep.number:03d}_{s.index:06d}"
                    if "." in key:
                        raise ValueError(f"webdataset key {key!r} holds a dot")
                    blob = frames.try_read(s.observation.before)
                    d = s.to_dict()
                    d["action"] = frame_action(s)
                    d["observation"]["before"] = f"{key}.jpg" if blob is not None else None
                    d["observation"]["after"] = None
                    d.update({"episode_id": ep.episode_id, "instruction": ep.instruction, "app": app})
                    if blob is not None:
                        _add(tar, f"{key}.jpg", to_jpeg(blob))
                    _add(tar, f"{key}.json", dumps(d))
                    n += 1
        if n == 0:
            return Rendered()
        return Rendered(files=[(f"shards/{meta.id}.tar", buf.getvalue())])
