"""Reading what a device sends without letting it choose how much memory we spend: zstd is
decompressed as a stream, a block at a time, and refused with 413 as soon as the *decompressed*
bytes pass the limit (per request body, per chunk record, per chunk); a chunk's records are
parsed and validated a batch of objects (lines) at a time against their models
(`schema/records.py`), so a bomb or a poisoned record is refused before anything is stored."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

import zstandard
from fastapi import HTTPException

from ..schema.records import validate_json_records

MAGIC = b"DTC1"
BLOCK = 1 << 20
PARSE_BATCH = 2000
WHOLE_RECORD = 1 << 20
_LEN = struct.Struct(">I")


@dataclass(frozen=True, slots=True)
class Limits:
    body: int
    """decompressed bytes of one upload"""
    record: int
    """decompressed bytes of one chunk record"""
    records: int
    """records in one chunk"""


@dataclass(frozen=True, slots=True)
class Counts:
    steps: int = 0
    events: int = 0


def inflate(data: bytes | bytearray, limit: int, what: str) -> bytes:
    """Decompress zstd `data` a block at a time; 413 once more than `limit` bytes come out, 422
    when it is not zstd. Memory stays within the limit plus one block."""
    parts: list[bytes] = []
    size = 0
    try:
        with zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True) as r:
            while True:
                block = r.read(BLOCK)
                if not block:
                    break
                size += len(block)
                if size > limit:
                    raise HTTPException(
                        413, f"{what} is more than {limit} bytes decompressed; the limit is {limit} bytes"
                    )
                parts.append(block)
    except zstandard.ZstdError as e:
        raise HTTPException(422, f"{what}: not valid zstd ({e})") from None
    return b"".join(parts)


def decode_body(body: bytes | bytearray, encoding: str, limit: int) -> bytes:
    enc = encoding.strip().lower()
    if enc in ("", "identity"):
        return bytes(body)
    if enc != "zstd":
        raise HTTPException(422, f"Content-Encoding: {encoding!r} is not supported (identity or zstd)")
    return inflate(body, limit, "the upload")


def _batches(raw: bytes) -> Iterator[tuple[int, bytes]]:
    """A record's objects (one per line) as JSON arrays: the whole record at once when it is
    small, else `PARSE_BATCH` objects at a time, so that the parsed objects stay bounded."""
    raw = raw.strip(b"\n")
    if not raw.strip():
        return
    if len(raw) <= WHOLE_RECORD:
        yield 0, b"[" + raw.replace(b"\n", b",") + b"]"
        return
    lines = [ln for ln in raw.split(b"\n") if ln.strip()]
    del raw
    for first in range(0, len(lines), PARSE_BATCH):
        yield first, b"[" + b",".join(lines[first : first + PARSE_BATCH]) + b"]"


def scan_chunk(rel: str, data: bytes, limits: Limits) -> Counts:
    """Parse a plaintext chunk file completely; 422 naming the record and object on any fault,
    413 for a record or a chunk over the limits. A torn last record (a crash while writing) is
    tolerated like the bundle reader does."""
    if data[:4] != MAGIC or len(data) < 5:
        raise HTTPException(422, f"{rel}: not a demotrace chunk (bad header)")
    if data[4] != 0:
        raise HTTPException(422, f"{rel}: chunk is encrypted; the uploader must send it decrypted")
    pos, index, steps, events = 5, 0, 0, 0
    while pos + 4 <= len(data):
        (n,) = _LEN.unpack_from(data, pos)
        if pos + 4 + n > len(data):
            break
        if index >= limits.records:
            raise HTTPException(413, f"{rel}: more than {limits.records} records in one chunk")
        raw = inflate(data[pos + 4 : pos + 4 + n], limits.record, f"{rel}: record {index}")
        for first, batch in _batches(raw):
            try:
                objs = validate_json_records(batch, first)
            except ValueError as e:
                raise HTTPException(422, f"{rel}: record {index} {e}") from None
            for o in objs:
                k = o["kind"]
                steps += k == "step"
                events += k == "event"
        pos += 4 + n
        index += 1
    return Counts(steps, events)
