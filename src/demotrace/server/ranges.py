"""Deleting an exact time range of a session: only the steps, raw events and marks inside the
range, the frames that only those steps showed and the range's seconds of video go; the rest of
the session stays. The session's chunks are rewritten (new chunk files first, then the old ones
removed), video segments re-encoded without the range's frames, and a range that covers the
whole session deletes the session with its tombstone. Logged by the session's
hash, like every deletion. Derived exports are marked stale and brought up to date by the
service (store/exports.py)."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bundle import BundleReader, BundleWriter
from ..store import ServiceData, audit, delete_session, id_hash
from ..store.exports import mark_exports_stale
from ..store.models import Session
from .deps import bundle_dir
from .video_cut import cut_segment, segment_overlaps

EDITABLE = ("released", "failed")


class RangeError(Exception):
    """The range cannot be deleted now: `status` (422/409) and a message for people."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class RangeDeleted:
    steps: int
    frames: int
    whole_session: bool
    video_frames: int = 0


def _in_range(rec: dict[str, Any], start: float, end: float) -> bool:
    t = rec.get("t")
    return isinstance(t, int | float) and start <= float(t) <= end


def delete_time_range(data: ServiceData, row: Session, start: float, end: float, actor: str) -> RangeDeleted:
    """Delete [start, end] (seconds since the session's start) from one session."""
    if end < start:
        raise RangeError(422, "The end of the range must not be before its start.")
    if row.state not in EDITABLE:
        raise RangeError(409, f"This session is still being {row.state}; try again once it is released.")
    d = bundle_dir(data, row)
    area = "released" if row.state == "released" else "quarantine"
    reader = BundleReader(d, None)
    records = [r for r in reader.records() if r.get("kind") != "flush"]
    steps = [r for r in records if r.get("kind") == "step"]
    gone_steps = [r for r in steps if _in_range(r, start, end)]
    if steps and len(gone_steps) == len(steps):
        delete_session(data, row.id, actor, "self-service range")
        return RangeDeleted(len(gone_steps), 0, True)
    kept = [r for r in records if not _in_range(r, start, end)]
    used = {f for r in kept if r.get("kind") == "step" for f in _frames(r)}
    gone_frames = sorted({f for r in gone_steps for f in _frames(r)} - used)

    old_chunks = [p.name for p in reader.chunk_paths()]
    first = 1 + max((int(n.split(".", 1)[0]) for n in old_chunks), default=0)
    work = data.config.data_dir / "tmp"
    work.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f"range-{row.id}-", dir=work)
    try:
        w = BundleWriter(Path(tmp), reader.meta, None)
        w._chunk_no = first - 1  # new chunks sort after the old ones until those are removed
        for r in kept:
            w.add(str(r.pop("kind")), r)
        w.seal()
        for p in sorted((w.root / "chunks").iterdir()):
            data.blobs.put(f"{area}/{row.id}/chunks/{p.name}", p.read_bytes())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for name in old_chunks:
        data.blobs.delete(f"{area}/{row.id}/chunks/{name}")
    for rel in gone_frames:
        data.blobs.delete(f"{area}/{row.id}/{rel}")
    video_s = _cut_video(data, d, f"{area}/{row.id}", start, end)
    data.blobs.drop_cache(row.id)
    with data.db.write() as s:
        fresh = s.get(Session, row.id)
        if fresh is not None:
            fresh.steps = max(0, fresh.steps - len(gone_steps))
        audit.append(
            s,
            actor,
            "session.delete_range",
            {
                "session_hash": id_hash(row.id),
                "steps": len(gone_steps),
                "frames": len(gone_frames),
                "video_frames": video_s,
            },
        )
    data.db.compact()
    mark_exports_stale(data.config.data_dir)  # derived exports follow (store/exports.py)
    return RangeDeleted(len(gone_steps), len(gone_frames), False, video_s)


def _cut_video(data: ServiceData, d: Path, prefix: str, start: float, end: float) -> int:
    """Cut [start, end] out of every video segment; returns how many video frames (1 fps: seconds)
    went. A segment left empty is removed with its index."""
    gone = 0
    for idx in sorted((d / "video").glob("*.json")) if (d / "video").is_dir() else []:
        meta = json.loads(idx.read_bytes())
        mp4 = idx.with_suffix(".mp4")
        if not segment_overlaps(meta, start, end) or not mp4.is_file():
            continue
        before = len(meta.get("frames", []))
        cut = cut_segment(mp4.read_bytes(), meta, start, end)
        rel = f"{prefix}/video/{idx.stem}"
        if cut is None:
            data.blobs.delete(f"{rel}.mp4")
            data.blobs.delete(f"{rel}.json")
            gone += before
            continue
        data.blobs.put(f"{rel}.mp4", cut[0])
        data.blobs.put(f"{rel}.json", cut[1])
        gone += before - len(json.loads(cut[1]).get("frames", []))
    return gone


def _frames(rec: dict[str, Any]) -> list[str]:
    obs = rec.get("observation") or {}
    return [str(obs[k]) for k in ("before", "after") if isinstance(obs.get(k), str) and obs[k]]
