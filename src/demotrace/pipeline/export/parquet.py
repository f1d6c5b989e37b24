"""`parquet`: `data/<session_id>.parquet`, one row per step, readable by Hugging Face `datasets`.

Columns: `episode_id`, `session_id`, `index`, `instruction`, `instruction_source`, `app` (where
this step happened), `t`, `action`, `context`, `target` and `redactions` (JSON strings; the
action's points in the image's px; `target`/`redactions` as in the bundle, `null`/`[]` when
absent), `observation` (JSON: size, origin, scale, `after_missing`), `image` and `after_image`
(the before and after frames, `datasets.Image`: `{"bytes", "path"}`; null without images; as
stored unless `--image-format` says otherwise) and `metadata` (JSON: the recording's metadata,
metadata.py). The `datasets` features are in the schema metadata (key `huggingface`), so
`load_dataset("parquet", data_files=…)` decodes both images as PIL images.
"""

from __future__ import annotations

import io
import json
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from ...schema import SessionMeta
from ..frames import FrameSource, content_name
from ..metadata import recording_metadata
from ..model import Episode, step_place
from ._base import Exporter, Rendered, dumps, frame_action

_STR = {"dtype": "string", "_type": "Value"}
_JSON_COLUMNS = ("action", "context", "target", "redactions", "observation", "metadata")
FEATURES: dict[str, Any] = {
    "episode_id": _STR,
    "session_id": _STR,
    "index": {"dtype": "int32", "_type": "Value"},
    "instruction": _STR,
    "instruction_source": _STR,
    "app": _STR,
    "t": {"dtype": "float64", "_type": "Value"},
    **{c: _STR for c in _JSON_COLUMNS},
    "image": {"_type": "Image"},
    "after_image": {"_type": "Image"},
}
_IMAGE = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
SCHEMA = pa.schema(
    [
        ("episode_id", pa.string()),
        ("session_id", pa.string()),
        ("index", pa.int32()),
        ("instruction", pa.string()),
        ("instruction_source", pa.string()),
        ("app", pa.string()),
        ("t", pa.float64()),
        *((c, pa.string()) for c in _JSON_COLUMNS),
        ("image", _IMAGE),
        ("after_image", _IMAGE),
    ],
    metadata={"huggingface": json.dumps({"info": {"features": FEATURES}}, sort_keys=True)},
)


class ParquetExporter(Exporter):
    name: ClassVar[str] = "parquet"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        cols: dict[str, list[Any]] = {f.name: [] for f in SCHEMA}

        def image(ep: Episode, ref: str | None) -> dict[str, Any] | None:
            got = frames.image(ref, self.image_format)
            if got is None:
                return None
            return {"bytes": got[0], "path": f"{ep.episode_id}_{content_name(got[0])}.{got[1]}"}

        for ep in episodes:
            md = dumps(recording_metadata(meta, ep)).decode()
            for s in ep.steps:
                obs = s.observation.to_dict()
                keep = ("width", "height", "origin", "scale", "after_missing")
                row = {
                    "episode_id": ep.episode_id,
                    "session_id": ep.session_id,
                    "index": s.index,
                    "instruction": ep.instruction,
                    "instruction_source": ep.instruction_source,
                    "app": step_place(s),
                    "t": round(s.t, 3),
                    "action": dumps(frame_action(s)).decode(),
                    "context": dumps(s.context).decode(),
                    "target": dumps(s.target).decode(),
                    "redactions": dumps(s.redactions).decode(),
                    "observation": dumps({k: obs[k] for k in keep if k in obs}).decode(),
                    "metadata": md,
                    "image": image(ep, s.observation.before),
                    "after_image": image(ep, s.observation.after),
                }
                for k, v in row.items():
                    cols[k].append(v)
        if not cols["index"]:
            return Rendered()
        table = pa.table(cols, schema=SCHEMA)
        table = table.replace_schema_metadata(
            {**(SCHEMA.metadata or {}), b"demotrace": dumps(recording_metadata(meta))}
        )
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd", row_group_size=256)
        return Rendered(files=[(f"data/{meta.id}.parquet", buf.getvalue())])
