"""The blob store (fsspec): a local folder by default, any fsspec URL (`s3://bucket/prefix`) for a
fleet. Keys are `<area>/<session id>/<path in the bundle>`, area being `quarantine` (as uploaded)
or `released` (after the server-side redaction pass), so a released session is a plain bundle
folder. Writes to a local folder are atomic and fsynced before the database says "stored"."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import fsspec

AREAS = ("quarantine", "released")


class BlobStore:
    def __init__(self, url: str, cache_dir: Path | None = None) -> None:
        self.url = url.rstrip("/")
        fs, root = fsspec.core.url_to_fs(self.url)
        self.fs: Any = fs
        self.root: str = root
        self.local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
        self.cache_dir = cache_dir
        if self.local:
            Path(self.root).mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> str:
        return f"{self.root}/{key}"

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if not self.local:
            self.fs.pipe_file(path, data)
            return
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(f".{p.name}.{uuid.uuid4().hex}.tmp")  # one per writer, never shared
        try:
            with open(tmp, "xb") as f:
                f.write(data)
                f.flush()
                os.fdatasync(f.fileno())
            os.replace(tmp, p)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fd = os.open(p.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def get(self, key: str) -> bytes:
        data: bytes = self.fs.cat_file(self._path(key))
        return data

    def sha256(self, key: str) -> str | None:
        """The sha256 of a stored blob, read back in blocks; None when there is none."""
        h = hashlib.sha256()
        try:
            with self.fs.open(self._path(key), "rb") as f:
                while block := f.read(1 << 20):
                    h.update(block)
        except FileNotFoundError:
            return None
        return h.hexdigest()

    def exists(self, key: str) -> bool:
        return bool(self.fs.exists(self._path(key)))

    def delete_prefix(self, prefix: str) -> None:
        path = self._path(prefix.rstrip("/"))
        if self.local:
            shutil.rmtree(path, ignore_errors=True)
        elif self.fs.exists(path):
            self.fs.rm(path, recursive=True)

    def list(self, prefix: str) -> list[str]:
        """Keys under `prefix/`, relative to it (hidden temporaries left out)."""
        base = self._path(prefix.rstrip("/"))
        if self.local:
            b = Path(base)
            if not b.is_dir():
                return []
            return sorted(
                str(p.relative_to(b)) for p in b.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        if not self.fs.exists(base):
            return []
        strip = str(self.fs._strip_protocol(base))
        return sorted(str(p)[len(strip) :].lstrip("/") for p in self.fs.find(base))

    def session_dir(self, area: str, session_id: str) -> Path:
        """A local folder holding the session's bundle in `area`: the folder itself for a local
        store, otherwise a copy under the cache folder."""
        key = f"{area}/{session_id}"
        if self.local:
            return Path(self._path(key))
        if self.cache_dir is None:
            raise RuntimeError("a remote blob store needs a cache folder")
        dest = self.cache_dir / area / session_id
        if not dest.exists():
            tmp = dest.with_name(dest.name + ".part")
            shutil.rmtree(tmp, ignore_errors=True)
            for rel in self.list(key):
                out = tmp / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(self.get(f"{key}/{rel}"))
            tmp.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, dest)
        return dest

    def drop_cache(self, session_id: str) -> None:
        if self.cache_dir is not None:
            for area in AREAS:
                shutil.rmtree(self.cache_dir / area / session_id, ignore_errors=True)
