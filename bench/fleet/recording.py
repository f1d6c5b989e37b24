"""The payload the simulated devices send: a session recorded by demotrace itself (a spool or
session bundle written by `demotrace record` / `demotrace demo`), its chunks as plaintext chunk
files exactly as the uploader sends them, and its frames byte for byte."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from demotrace.bundle import read_chunk
from demotrace.capture.uploader import plain_chunk


@dataclass
class Upload:
    rel: str
    body: bytes
    sha: str
    records: int = 0
    """Chunk records (steps + raw events) in it; 0 for frames."""


@dataclass
class Recording:
    source: Path
    chunks: list[Upload] = field(default_factory=list)
    frames: list[Upload] = field(default_factory=list)
    start: float = 0.0
    duration: float = 0.0
    """Seconds the recording covers (session.json's stop - start): the device rate it stands for."""

    @property
    def records(self) -> int:
        return sum(c.records for c in self.chunks)

    @property
    def nbytes(self) -> int:
        return sum(len(u.body) for u in (*self.chunks, *self.frames))

    def describe(self) -> str:
        fr = sum(len(f.body) for f in self.frames) / max(1, len(self.frames)) / 1e3
        ch = sum(len(c.body) for c in self.chunks) / max(1, len(self.chunks)) / 1e3
        return (
            f"{self.source.name}, {self.duration:.0f} s: {len(self.chunks)} chunks "
            f"({ch:.1f} kB avg, {self.records} records), "
            f"{len(self.frames)} frames ({fr:.1f} kB avg)"
        )


def _bundles(root: Path) -> list[Path]:
    if (root / "session.json").exists():
        return [root]
    return sorted(p for p in root.iterdir() if (p / "session.json").exists() and (p / "chunks").is_dir())


def _chunk_files(d: Path) -> list[Path]:
    """Sealed chunks (`NNNNNN.dtc`), or their decoded form from `demotrace spool dump`."""
    return sorted([*(d / "chunks").glob("*.dtc"), *(d / "chunks").glob("*.dtc.jsonl")])


def _records(p: Path, key: bytes | None) -> list[dict[str, Any]]:
    if p.name.endswith(".jsonl"):
        return [orjson.loads(line) for line in p.read_bytes().splitlines() if line.strip()]
    return list(read_chunk(p, key))


def load_recording(root: Path, key: bytes | None = None) -> Recording:
    """The bundle under `root` (or the one with most records among its sub-folders)."""
    best: Recording | None = None
    for d in _bundles(root):
        rec = Recording(d)
        try:
            meta = orjson.loads((d / "session.json").read_bytes())
        except (OSError, orjson.JSONDecodeError):
            continue  # an encrypted session.json: dump the spool first
        rec.start = float(meta.get("start") or 0.0)
        rec.duration = max(0.0, float(meta.get("stop") or rec.start) - rec.start)
        for i, p in enumerate(_chunk_files(d), 1):
            objs = _records(p, key)
            body = plain_chunk(objs)
            rec.chunks.append(
                Upload(f"chunks/{i:06d}.dtc", body, hashlib.sha256(body).hexdigest(), len(objs))
            )
        frames = d / "frames"
        for p in sorted(frames.iterdir()) if frames.is_dir() else []:
            if p.is_file() and not p.name.startswith(".") and p.suffix in (".webp", ".png", ".jpg"):
                body = p.read_bytes()
                rec.frames.append(Upload(f"frames/{p.name}", body, hashlib.sha256(body).hexdigest()))
        if rec.chunks and (best is None or rec.records > best.records):
            best = rec
    if best is None:
        raise SystemExit(
            f"bench/fleet: no readable session bundle with chunks under {root} "
            "(record one with `demotrace demo --no-service`, then `demotrace spool dump SPOOL --out DIR`)"
        )
    return best


def session_json(session_id: str, start: float, stop: float | None) -> bytes:
    return orjson.dumps(
        {
            "id": session_id,
            "user": "fleet",
            "start": start,
            "stop": stop,
            "os": "linux",
            "recorder_version": "fleet",
        }
    )
