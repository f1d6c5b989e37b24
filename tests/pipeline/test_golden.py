"""Golden tests: each exporter's output for a small recorded bundle, with images replaced by the
builder frame they show (so the goldens do not depend on image codec versions).

Regenerate after an intended change with `DEMOTRACE_UPDATE_GOLDEN=1 pytest tests/pipeline/test_golden.py`
and review the diff by hand.
"""

from __future__ import annotations

import base64
import json
import os
import tarfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from demotrace.pipeline import run_export

from .builders import recorded_bundle
from .conftest import FORMATS
from .readers import frame_number

GOLDEN = Path(__file__).parent / "golden"
SID = "01JDEMOTRACE0000000000000G"


def _img(out: Path, rel: str | None) -> str | None:
    return None if rel is None else f"{rel} = frame {frame_number((out / rel).read_bytes())}"


def _lines(p: Path) -> list[Any]:
    return [json.loads(x) for x in p.read_text().splitlines()]


def normalise(fmt: str, out: Path) -> Any:
    files = sorted(
        str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and ".demotrace-export" not in p.parts
    )
    doc: dict[str, Any] = {"files": files}
    if fmt == "native":
        eps = _lines(out / "trajectories.jsonl")
        for ep in eps:
            for s in ep["steps"]:
                for w in ("before", "after"):
                    s["observation"][w] = _img(out, s["observation"][w])
        doc["episodes"] = eps
    elif fmt == "agentnet":
        eps = _lines(out / "agentnet.jsonl")
        for ep in eps:
            for t in ep["traj"]:
                t["image"] = _img(out / "images", t["image"])
        doc["episodes"] = eps
    elif fmt == "osworld":
        eps = _lines(out / "osworld.jsonl")
        for ep in eps:
            for s in ep["steps"]:
                s["screenshot"] = _img(out, s["screenshot"])
        doc["episodes"] = eps
    elif fmt == "anthropic":
        doc["transcripts"] = []
        for p in sorted((out / "anthropic").glob("*.json")):
            t = json.loads(p.read_text())
            for m in t["messages"]:
                for c in m["content"]:
                    for part in c.get("content", []) if c["type"] == "tool_result" else []:
                        if part["type"] == "image":
                            n = frame_number(base64.b64decode(part["source"]["data"]))
                            part["source"]["data"] = f"frame {n}"
            doc["transcripts"].append(t)
    elif fmt == "parquet":
        p = next((out / "data").glob("*.parquet"))
        table = pq.read_table(p)
        doc["features"] = json.loads(table.schema.metadata[b"huggingface"])
        doc["columns"] = [f"{f.name}: {f.type}" for f in table.schema]
        rows = table.to_pylist()
        doc["metadata"] = json.loads(table.schema.metadata[b"demotrace"])
        for r in rows:
            for col in ("image", "after_image"):
                if r[col] is not None:
                    r[col] = f"{r[col]['path']} = frame {frame_number(r[col]['bytes'])}"
        doc["rows"] = rows
    elif fmt == "webdataset":
        p = next((out / "shards").glob("*.tar"))
        members = []
        with tarfile.open(p) as tar:
            for m in tar.getmembers():
                f = tar.extractfile(m)
                assert f is not None
                data = f.read()
                body: Any = json.loads(data) if m.name.endswith(".json") else f"frame {frame_number(data)}"
                members.append(
                    {"name": m.name, "mtime": m.mtime, "mode": oct(m.mode), "uid": m.uid, "body": body}
                )
        doc["members"] = members
    return doc


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str, tmp_path: Path) -> None:
    root = recorded_bundle(tmp_path / "spool", SID)
    out = tmp_path / fmt
    run_export(root, fmt, out, progress=False)
    got = json.dumps(normalise(fmt, out), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path = GOLDEN / f"{fmt}.json"
    if os.environ.get("DEMOTRACE_UPDATE_GOLDEN"):
        path.write_text(got)
    assert path.exists(), f"no golden file {path}; run with DEMOTRACE_UPDATE_GOLDEN=1"
    assert got == path.read_text()
