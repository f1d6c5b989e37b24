"""The chunk file: an append-only log of records, each a batch of JSON objects.

Layout: `b"DTC1"`, one flag byte (1 = encrypted), then records `u32 length (big endian) | payload`.
A payload is zstd-compressed JSON lines; when encrypted, `nonce | AES-GCM(ciphertext)` of that,
with the chunk's name and the record's number as associated data (records cannot be swapped or
moved between chunks). A crash can only leave a partial last record, which the reader drops.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import zstandard

from ..errors import BundleError
from .crypto import seal, unseal

MAGIC = b"DTC1"
_LEN = struct.Struct(">I")
MAX_RECORD = 64 * 1024 * 1024

_cctx = zstandard.ZstdCompressor(level=6)


class ChunkWriter:
    def __init__(self, path: Path, key: bytes | None) -> None:
        self.path = path
        self.key = key
        self.records = 0
        self.bytes = 0
        self._f: BinaryIO = open(path, "xb")  # noqa: SIM115 - closed in close()
        self._f.write(MAGIC + bytes([1 if key else 0]))
        self._f.flush()
        self.bytes = 5

    def append(self, objs: list[dict[str, Any]], fsync: bool = True) -> int:
        if not objs:
            return 0
        raw = b"\n".join(orjson.dumps(o) for o in objs)
        payload = _cctx.compress(raw)
        if self.key:
            payload = seal(self.key, payload, _aad(self.path.name, self.records))
        rec = _LEN.pack(len(payload)) + payload
        try:
            self._f.write(rec)
            self._f.flush()
            if fsync:
                os.fdatasync(self._f.fileno())
        except OSError:
            # A full disk must not leave a torn record in the middle of the log: cut back to the
            # last whole record, so later appends (after space is freed) stay readable.
            self._f = _reopen_truncated(self.path, self.bytes, self._f)
            raise
        self.records += 1
        self.bytes += len(rec)
        return len(rec)

    def close(self) -> None:
        if not self._f.closed:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()


def _reopen_truncated(path: Path, size: int, f: BinaryIO) -> BinaryIO:
    try:
        f.close()
    except OSError:
        pass
    os.truncate(path, size)
    return open(path, "ab")


def _aad(name: str, index: int) -> bytes:
    stem = name.split(".", 1)[0]
    return f"{stem}:{index}".encode()


def read_chunk(path: Path, key: bytes | None, problems: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Yield every object in the chunk. A torn last record is reported in `problems`, not raised;
    anything else that is wrong raises BundleError naming the file."""
    data = path.read_bytes()
    if data[:4] != MAGIC or len(data) < 5:
        raise BundleError(f"{path}: not a demotrace chunk (bad header)")
    encrypted = data[4] == 1
    if encrypted and key is None:
        raise BundleError(f"{path}: chunk is encrypted and no device key was given")
    dctx = zstandard.ZstdDecompressor()
    pos, index = 5, 0
    while pos < len(data):
        if pos + 4 > len(data):
            _torn(path, problems, pos)
            return
        (n,) = _LEN.unpack_from(data, pos)
        if n > MAX_RECORD:
            raise BundleError(f"{path}: record {index} claims {n} bytes (corrupt length)")
        if pos + 4 + n > len(data):
            _torn(path, problems, pos)
            return
        payload = data[pos + 4 : pos + 4 + n]
        if encrypted:
            assert key is not None
            payload = unseal(key, payload, _aad(path.name, index), f"{path} record {index}")
        try:
            raw = dctx.decompress(payload, max_output_size=MAX_RECORD * 4)
        except zstandard.ZstdError as e:
            raise BundleError(f"{path}: record {index} does not decompress ({e})") from None
        for line in raw.split(b"\n"):
            if line:
                try:
                    yield orjson.loads(line)
                except orjson.JSONDecodeError as e:
                    raise BundleError(f"{path}: record {index} holds bad JSON ({e})") from None
        pos += 4 + n
        index += 1


def _torn(path: Path, problems: list[str] | None, pos: int) -> None:
    if problems is not None:
        problems.append(f"{path.name}: torn last record at byte {pos} dropped")


def chunk_is_encrypted(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(5)
    return head[:4] == MAGIC and head[4:5] == b"\x01"
