"""The blob store: a local folder by default, an S3-compatible object store (`s3://bucket/prefix`,
boto3, `s3.py`) for a fleet, any other fsspec URL (`memory://` in tests). Keys are
`<area>/<session id>/<path in the bundle>`, area being `quarantine` (as uploaded) or `released`
(after the server-side redaction pass), so a released session is a plain bundle folder. Writes
to a local folder are atomic and fsynced before the database says "stored"."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec

from .s3 import BLOCK, S3Bucket, Versions

AREAS = ("quarantine", "released", "incoming")
"""`incoming/<session id>/…`: presigned uploads not yet verified and recorded (server/grants.py)."""


class BlobStore:
    def __init__(self, url: str, cache_dir: Path | None = None) -> None:
        self.url = url.rstrip("/")
        self.cache_dir = cache_dir
        self.s3: S3Bucket | None = None
        self.fs: Any = None
        self.root = ""
        self.local = False
        if self.url.startswith("s3://"):
            self.s3 = S3Bucket(self.url)
            return
        fs, root = fsspec.core.url_to_fs(self.url)
        self.fs = fs
        self.root = root
        self.local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
        if self.local:
            Path(self.root).mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> str:
        return f"{self.root}/{key}"

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if self.s3 is not None:
            self.s3.put(key, data)
            return
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
        if self.s3 is not None:
            return self.s3.get(key)
        data: bytes = self.fs.cat_file(self._path(key))
        return data

    def iter_blocks(self, key: str, block: int = BLOCK) -> Iterator[bytes]:
        """A blob's bytes in blocks (never whole in memory); FileNotFoundError when absent."""
        if self.s3 is not None:
            yield from self.s3.iter_blocks(key, block)
            return
        with self.fs.open(self._path(key), "rb") as f:
            while chunk := f.read(block):
                yield chunk

    def sha256(self, key: str) -> str | None:
        """The sha256 of a stored blob, read back in blocks; None when there is none."""
        h = hashlib.sha256()
        try:
            for chunk in self.iter_blocks(key):
                h.update(chunk)
        except FileNotFoundError:
            return None
        return h.hexdigest()

    def exists(self, key: str) -> bool:
        if self.s3 is not None:
            return self.s3.exists(key)
        return bool(self.fs.exists(self._path(key)))

    def delete(self, key: str) -> None:
        """Remove one blob (absent is fine)."""
        if self.s3 is not None:
            self.s3.delete(key)
        elif self.exists(key):
            self.fs.rm(self._path(key))

    def delete_prefix(self, prefix: str) -> None:
        if self.s3 is not None:
            self.s3.delete_prefix(prefix)
            return
        path = self._path(prefix.rstrip("/"))
        if self.local:
            shutil.rmtree(path, ignore_errors=True)
        elif self.fs.exists(path):
            self.fs.rm(path, recursive=True)

    def list(self, prefix: str) -> list[str]:
        """Keys under `prefix/`, relative to it, sorted (hidden temporaries left out)."""
        return [k for k, _, _ in self.versions(prefix)]

    def versions(self, prefix: str) -> Versions:
        """(key under `prefix/`, size, version) of every blob there, without reading one: the
        version is the object's ETag in S3, its modification time elsewhere. A rewritten blob
        (a range deletion) changes it, so it fingerprints a session for a resumed export."""
        if self.s3 is not None:
            return self.s3.versions(prefix)
        base = self._path(prefix.rstrip("/"))
        if self.local:
            b = Path(base)
            if not b.is_dir():
                return []
            found = [p for p in b.rglob("*") if p.is_file() and not p.name.startswith(".")]
            return sorted(
                (str(p.relative_to(b)), (st := p.stat()).st_size, str(st.st_mtime_ns)) for p in found
            )
        if not self.fs.exists(base):
            return []
        strip = str(self.fs._strip_protocol(base))
        info = self.fs.find(base, detail=True)
        return sorted(
            (
                str(k)[len(strip) :].lstrip("/"),
                int(v.get("size") or 0),
                str(v.get("mtime") or v.get("created") or ""),
            )
            for k, v in info.items()
        )

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
            # one temporary folder per copier (threads of a worker, workers, the export's process):
            # the first to finish moves its copy in place, the others drop theirs
            tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
            try:
                tmp.mkdir(parents=True)
                self.fetch(key, tmp)
                os.replace(tmp, dest)
            except OSError:
                if not dest.is_dir():
                    raise
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        return dest

    def fetch(self, prefix: str, dest: Path) -> None:
        """Copy every blob under `prefix/` into the folder `dest`, block by block (a video
        segment is never whole in memory)."""
        for rel in self.list(prefix):
            out = dest / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "wb") as f:
                for chunk in self.iter_blocks(f"{prefix.rstrip('/')}/{rel}"):
                    f.write(chunk)

    def drop_cache(self, session_id: str) -> None:
        if self.cache_dir is not None:
            for area in AREAS:
                shutil.rmtree(self.cache_dir / area / session_id, ignore_errors=True)
