"""`demotrace spool dump`: every file of a spool, decrypted and decompressed."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from .. import paths
from ..bundle import load_key, read_chunk, read_file
from ..bundle.chunkfile import MAGIC as CHUNK_MAGIC
from ..errors import BundleError


def dump_spool(spool: Path, out: Path) -> int:
    key = load_key(paths.device_key_path())
    n = 0
    for root, _dirs, files in os.walk(spool):
        for name in sorted(files):
            src = Path(root) / name
            rel = src.relative_to(spool)
            dst = out / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            with open(src, "rb") as f:
                head = f.read(4)
            if head == CHUNK_MAGIC:
                problems: list[str] = []
                lines = [orjson.dumps(o) for o in read_chunk(src, key, problems)]
                dst.with_name(name + ".jsonl").write_bytes(b"\n".join(lines) + b"\n")
            elif src.suffix in (".sock",) or name.endswith(".tmp"):
                continue
            else:
                bundle = _bundle_root(src, spool)
                try:
                    data = (
                        read_file(bundle, str(src.relative_to(bundle)), key) if bundle else src.read_bytes()
                    )
                except BundleError:
                    data = src.read_bytes()
                    if data[:4] == b"DTE1":
                        raise
                dst.write_bytes(data)
            n += 1
    return n


def _bundle_root(path: Path, spool: Path) -> Path | None:
    for p in [path.parent, *path.parents]:
        if (p / "session.json").exists():
            return p
        if p == spool:
            break
    return None
