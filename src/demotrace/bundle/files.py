"""Whole files in a bundle (session.json, frames, video): plain, or `DTE1 | nonce | AES-GCM` when
written with a device key. The associated data is the file's path inside the bundle."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import BundleError
from .crypto import seal, unseal

MAGIC = b"DTE1"


def write_file(root: Path, rel: str, data: bytes, key: bytes | None) -> int:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    blob = MAGIC + seal(key, data, rel.encode()) if key else data
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(blob)
        f.flush()
        os.fdatasync(f.fileno())
    os.replace(tmp, path)
    return len(blob)


def read_file(root: Path, rel: str, key: bytes | None) -> bytes:
    path = root / rel
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{root.name}: missing file {rel}") from None
    if blob[:4] != MAGIC:
        return blob
    if key is None:
        raise BundleError(f"{root.name}/{rel}: file is encrypted and no device key was given")
    return unseal(key, blob[4:], rel.encode(), f"{root.name}/{rel}")


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == MAGIC
