"""The blob store through a non-local fsspec filesystem (memory://) and on a real S3-compatible
server (SeaweedFS, boto3): keys, listing, blocks, session folders materialised in the cache,
deletion."""

from __future__ import annotations

import hashlib
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from demotrace.bundle import BundleReader
from demotrace.store import BlobStore

from .helpers import make_bundle
from .s3 import aws_env


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


def test_blob_store_on_a_real_s3_server(
    s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same through boto3 against SeaweedFS: blocks, listing, deletion of one key and of a
    prefix, and concurrent copies of a session into the cache (the first finished one wins)."""
    for k, v in aws_env(s3_endpoint).items():
        monkeypatch.setenv(k, v)
    store = BlobStore(f"s3://demotrace-test/b-{uuid.uuid4().hex[:12]}", cache_dir=tmp_path / "cache")
    assert store.s3 is not None and not store.local
    big = os.urandom(3 * (1 << 20) + 5)
    store.put("released/s1/video/000001.mp4", big)
    store.put("released/s1/session.json", b"{}")
    store.put("released/s1/frames/.hidden", b"x")
    assert store.list("released/s1") == ["session.json", "video/000001.mp4"]
    assert [len(b) for b in store.iter_blocks("released/s1/video/000001.mp4")] == [1 << 20] * 3 + [5]
    assert store.sha256("released/s1/video/000001.mp4") == hashlib.sha256(big).hexdigest()
    assert store.sha256("released/s1/nothing") is None and not store.exists("released/s1/nothing")
    with ThreadPoolExecutor(4) as pool:
        dirs = list(pool.map(lambda _: store.session_dir("released", "s1"), range(4)))
    assert len(set(dirs)) == 1 and (dirs[0] / "video" / "000001.mp4").read_bytes() == big
    assert [p.name for p in dirs[0].parent.iterdir()] == ["s1"]  # no temporary copy left behind
    store.delete("released/s1/session.json")
    assert store.list("released/s1") == ["video/000001.mp4"]
    store.delete_prefix("released/s1")
    assert store.list("released/s1") == [] and store.list("released") == []
