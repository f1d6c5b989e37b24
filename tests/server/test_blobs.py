"""The blob store through a non-local fsspec filesystem (memory://), the path S3 takes: keys,
listing, session folders materialised in the cache, deletion."""

from __future__ import annotations

import uuid
from pathlib import Path

from demotrace.bundle import BundleReader
from demotrace.store import BlobStore

from .helpers import make_bundle


def test_remote_blob_store_materialises_sessions_and_deletes(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    sid = make_bundle(spool, None, steps=3, frames=1)
    store = BlobStore(f"memory://dt-{uuid.uuid4().hex}", cache_dir=tmp_path / "cache")
    assert not store.local
    files = [p for p in (spool / sid).rglob("*") if p.is_file()]
    for p in files:
        store.put(f"released/{sid}/{p.relative_to(spool / sid)}", p.read_bytes())
    assert store.list(f"released/{sid}") == sorted(str(p.relative_to(spool / sid)) for p in files)
    assert store.exists(f"released/{sid}/session.json")
    d = store.session_dir("released", sid)
    assert d.name == sid and d.is_relative_to(tmp_path / "cache")
    assert [s.index for s in BundleReader(d, None).steps()] == [0, 1, 2]
    store.delete_prefix(f"released/{sid}")
    store.drop_cache(sid)
    assert store.list(f"released/{sid}") == [] and not d.exists()
