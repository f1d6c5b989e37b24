"""`parquet`: `data/<session_id>.parquet`, one row per step, readable by Hugging Face `datasets`.

Columns: `episode_id`, `session_id`, `index`, `instruction`, `app`, `t`, `action` and `context`
(JSON strings; the action's points in the image's px), `observation` (JSON: size, origin, scale)
and `image` (the before frame, `datasets.Image`: `{"bytes", "path"}`; null without images). The
`datasets` features are in the schema metadata (key `huggingface`), so
`load_dataset("parquet", data_files=…)` decodes `image` as a PIL image.
"""

from __future__ import annotations

import io
import json
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from ...schema import SessionMeta
from ..frames import FrameSource, ext_of
from ..model import Episode
from ._base import Exporter, Rendered, dumps, frame_action

_STR = {"dtype": "string", "_type": "Value"}
FEATURES: dict[str, Any] = {
    "episode_id": _STR,
    "session_id": _STR,
    "index": {"dtype": "int32", "_type": "Value"},
    "instruction": _STR,
    "app": _STR,
    "t": {"dtype": "float64", "_type": "Value"},
    "action": _STR,
    "context": _STR,
    "observation": _STR,
    "image": {"_type": "Image"},
}
SCHEMA = pa.schema(
    [
        ("episode_id", pa.string()),
        ("session_id", pa.string()),
        ("index", pa.int32()),
        ("instruction", pa.string()),
        ("app", pa.string()),
        ("t", pa.float64()),
        ("action", pa.string()),
        ("context", pa.string()),
        ("observation", pa.string()),
        ("image", pa.struct([("bytes", pa.binary()), ("path", pa.string())])),
    ],
    metadata={"huggingface": json.dumps({"info": {"features": FEATURES}}, sort_keys=True)},
)


class ParquetExporter(Exporter):
    name: ClassVar[str] = "parquet"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        cols: dict[str, list[Any]] = {f.name: [] for f in SCHEMA}
        for ep in episodes:
            app = ep.app
            for s in ep.steps:
                ref = s.observation.before
                blob = frames.try_read(ref)
                obs = s.observation.to_dict()
                cols["episode_id"].append(ep.episode_id)
                cols["session_id"].append(ep.session_id)
                cols["index"].append(s.index)
                cols["instruction"].append(ep.instruction)
                cols["app"].append(app)
                cols["t"].append(round(s.t, 3))
                cols["action"].append(dumps(frame_action(s)).decode())
                cols["context"].append(dumps(s.context).decode())
                cols["observation"].append(
                    dumps({k: obs[k] for k in ("width", "height", "origin", "scale")}).decode()
                )
                name = f"{ep.episode_id}_{s.index}.{ext_of(ref)}" if ref else None
                cols["image"].append({"bytes": blob, "path": name} if blob is not None else None)
        if not cols["index"]:
            return Rendered()
        table = pa.table(cols, schema=SCHEMA)
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd", row_group_size=256)
        return Rendered(files=[(f"data/{meta.id}.parquet", buf.getvalue())])
