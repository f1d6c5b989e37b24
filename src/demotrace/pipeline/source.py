"""Finding session bundles under a source folder and reading one, salvaging what a damage spares.

A chunk that cannot be read (bad header, a record that does not decrypt or decompress) is
skipped and reported; the steps on either side of it never share an episode (`gaps`). A torn last
record (a crash while writing) is reported and the rest of the chunk kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..bundle import BundleReader, iter_bundle_dirs, read_chunk
from ..errors import BundleError, UsageError
from ..schema import SessionMeta, Step

SERVICE_CONFIG = "service.json"
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A session id becomes part of output paths and WebDataset keys: ULID-like, no dots or slashes."""


def is_service_folder(src: Path) -> bool:
    return (src / SERVICE_CONFIG).is_file()


def find_bundles(src: Path, allow_empty: bool = False) -> list[Path]:
    """A bundle, a spool of bundles, or a service data folder (`service.json`): then only its
    *released* sessions (after the server-side redaction pass), through the store's API; nothing
    is looked for further down, so quarantined data can never be picked up by walking the blob
    folder. Sorted by session id (= time). Raises UsageError when there is none (unless
    `allow_empty`: a service whose last session was deleted still updates its exports)."""
    if not src.exists():
        raise UsageError(f"{src}: no such file or folder")
    if not src.is_dir():
        raise UsageError(f"{src}: not a folder (expected a session bundle or a spool of bundles)")
    if is_service_folder(src):
        from ..store import released_bundle_dirs

        found = released_bundle_dirs(src)
        if not found and not allow_empty:
            raise UsageError(f"{src}: the service holds no released session yet")
        return found
    found = iter_bundle_dirs(src)
    if not found:
        raise UsageError(f"{src}: holds no session bundle (no session.json here or one level down)")
    return found


@dataclass(slots=True)
class SessionData:
    root: Path
    reader: BundleReader
    meta: SessionMeta
    steps: list[Step]
    marks: list[dict[str, Any]]
    gaps: list[float] = field(default_factory=list)
    """Times after which data is missing (an unreadable chunk): an episode never spans one."""
    problems: list[str] = field(default_factory=list)
    videos: list[str] = field(default_factory=list)
    """`video/NNNNNN.mp4` segments present in the bundle, in order."""
    has_frames: bool = False
    t_end: dict[tuple[float, int], float] = field(default_factory=dict)
    """(t, index) → the time of the step's last raw event, where the record carries `t_end`."""

    def end_of(self, step: Step) -> float:
        return self.t_end.get((step.t, step.index), step.t)

    @property
    def id(self) -> str:
        return self.meta.id


def load_session(root: Path, key: bytes | None) -> SessionData:
    """Read one bundle. Raises BundleError when nothing usable is left (no session.json, or no
    chunk could be read at all)."""
    reader = BundleReader(root, key)
    if not SESSION_ID.fullmatch(reader.meta.id):
        raise BundleError(
            f"session.json: id {reader.meta.id[:80]!r} is not a session id (letters, digits, _ or -)"
        )
    steps: list[Step] = []
    marks: list[dict[str, Any]] = []
    gaps: list[float] = []
    ends: dict[tuple[float, int], float] = {}
    problems: list[str] = []
    chunks = reader.chunk_paths()
    bad = 0
    for path in chunks:
        objs: list[dict[str, Any]] = []
        torn: list[str] = []
        try:
            objs = list(read_chunk(path, key, torn))
        except BundleError as e:
            bad += 1
            problems.append(f"chunk {path.name} unreadable, skipped: {_short(e, root)}")
            gaps.append(steps[-1].t if steps else float("-inf"))
            continue
        problems += [f"chunk {t}" for t in torn]
        for obj in objs:
            kind = obj.get("kind")
            if kind == "step":
                try:
                    st = Step.from_dict(obj)
                    steps.append(st)
                    if isinstance(obj.get("t_end"), int | float):
                        ends[(st.t, st.index)] = float(obj["t_end"])
                except (KeyError, TypeError, ValueError) as e:
                    problems.append(f"chunk {path.name}: malformed step record skipped ({e})")
            elif kind == "mark":
                marks.append(obj)
        if torn:
            gaps.append(steps[-1].t if steps else float("-inf"))
    gaps.sort()
    if chunks and bad == len(chunks):
        raise BundleError(f"no chunk could be read ({problems[0]})")
    steps.sort(key=lambda s: (s.t, s.index))
    marks.sort(key=lambda m: float(m.get("t", 0.0)))
    frames_dir = root / "frames"
    has_frames = frames_dir.is_dir() and any(frames_dir.iterdir())
    videos = sorted(f"video/{p.name}" for p in (root / "video").glob("*.mp4") if (root / "video").is_dir())
    return SessionData(root, reader, reader.meta, steps, marks, gaps, problems, videos, has_frames, ends)


def read_video_index(data: SessionData, rel: str) -> list[dict[str, Any]]:
    """The frame-time index beside a segment: `video/NNNNNN.json` = {"frames": [{"t", "pts"}]}."""
    idx = rel[: -len(".mp4")] + ".json"
    try:
        obj = json.loads(data.reader.read_blob(idx))
    except (ValueError, BundleError) as e:
        raise BundleError(f"{idx}: unreadable frame-time index ({e})") from None
    frames = obj.get("frames") if isinstance(obj, dict) else None
    if not isinstance(frames, list):
        raise BundleError(f"{idx}: no 'frames' list")
    return frames


def _short(e: Exception, root: Path) -> str:
    return str(e).replace(str(root) + "/", "")
