"""BundleReader: reads a session bundle (plain or encrypted), tolerating a torn last record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import BundleError
from ..schema import RawEvent, SessionMeta, Step, event_from_dict
from .chunkfile import read_chunk
from .files import read_file
from .writer import OPEN_SUFFIX, SEALED_SUFFIX


class BundleReader:
    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self.key = key
        self.problems: list[str] = []
        if not (root / "session.json").exists():
            raise BundleError(f"{root}: not a session bundle (no session.json)")
        try:
            self.meta = SessionMeta.from_dict(json.loads(read_file(root, "session.json", key)))
        except (ValueError, TypeError) as e:
            raise BundleError(f"{root.name}: session.json is malformed ({e})") from None

    def chunk_paths(self, sealed_only: bool = False) -> list[Path]:
        d = self.root / "chunks"
        if not d.is_dir():
            return []
        paths = [p for p in d.iterdir() if p.name.endswith(SEALED_SUFFIX)]
        if not sealed_only:
            paths += [p for p in d.iterdir() if p.name.endswith(OPEN_SUFFIX)]
        return sorted(paths, key=lambda p: p.name.split(".", 1)[0])

    def records(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        for p in self.chunk_paths():
            for obj in read_chunk(p, self.key, self.problems):
                if kind is None or obj.get("kind") == kind:
                    yield obj

    def steps(self) -> list[Step]:
        out = []
        for obj in self.records("step"):
            try:
                out.append(Step.from_dict(obj))
            except (KeyError, TypeError, ValueError) as e:
                raise BundleError(f"{self.root.name}: malformed step record ({e})") from None
        out.sort(key=lambda s: (s.t, s.index))
        return out

    def events(self) -> list[RawEvent]:
        return [event_from_dict(o) for o in self.records("event")]

    def read_blob(self, rel: str) -> bytes:
        return read_file(self.root, rel, self.key)


def iter_bundle_dirs(src: Path) -> list[Path]:
    """A bundle itself, or every bundle inside a spool folder (sorted by id, i.e. by time)."""
    if (src / "session.json").exists():
        return [src]
    if not src.is_dir():
        raise BundleError(f"{src}: no such folder")
    return sorted(p for p in src.iterdir() if p.is_dir() and (p / "session.json").exists())
