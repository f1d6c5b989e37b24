"""Session bundles: round trip, encryption at rest, torn tails, corruption reported by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.bundle import BundleReader, BundleWriter, iter_bundle_dirs
from demotrace.errors import BundleError
from demotrace.schema import SessionMeta, new_session_id

KEY = os.urandom(32)


def make(tmp: Path, key: bytes | None, n: int = 5) -> Path:
    meta = SessionMeta(id=new_session_id(), device="d", user="u")
    w = BundleWriter(tmp, meta, key)
    for i in range(n):
        w.add("step", {"index": i, "t": float(i), "action": {"type": "key", "key": "enter"}})
        w.flush()
    w.write_blob("frames/f1.webp", b"RIFFxxxxWEBPsecretpixels")
    w.close()
    return w.root


@pytest.mark.parametrize("key", [None, KEY], ids=["plain", "encrypted"])
def test_roundtrip(tmp_path: Path, key: bytes | None) -> None:
    root = make(tmp_path, key)
    r = BundleReader(root, key)
    assert [s.index for s in r.steps()] == list(range(5))
    assert r.read_blob("frames/f1.webp").endswith(b"secretpixels")
    assert r.meta.stop is not None
    assert iter_bundle_dirs(tmp_path) == [root]


def test_encrypted_bundle_holds_no_plaintext(tmp_path: Path) -> None:
    root = make(tmp_path, KEY)
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert b"secretpixels" not in data and b"enter" not in data and b'"device"' not in data


def test_wrong_key_is_a_clear_error(tmp_path: Path) -> None:
    root = make(tmp_path, KEY)
    with pytest.raises(BundleError, match="cannot decrypt"):
        BundleReader(root, os.urandom(32))
    with pytest.raises(BundleError, match="no device key"):
        BundleReader(root, None)


@pytest.mark.parametrize("key", [None, KEY], ids=["plain", "encrypted"])
def test_torn_last_record_is_dropped_not_fatal(tmp_path: Path, key: bytes | None) -> None:
    root = make(tmp_path, key)
    chunk = next((root / "chunks").iterdir())
    data = chunk.read_bytes()
    chunk.write_bytes(data[:-7])
    r = BundleReader(root, key)
    assert len(r.steps()) == 4
    assert any("torn" in p for p in r.problems)


def test_corrupt_record_names_the_file(tmp_path: Path) -> None:
    root = make(tmp_path, KEY)
    chunk = next((root / "chunks").iterdir())
    data = bytearray(chunk.read_bytes())
    data[30] ^= 0xFF
    chunk.write_bytes(bytes(data))
    with pytest.raises(BundleError, match=chunk.name):
        BundleReader(root, KEY).steps()


def test_not_a_bundle(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="not a session bundle"):
        BundleReader(tmp_path, None)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.text(min_size=1, max_size=5),
            st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20),
            max_size=4,
        ),
        max_size=20,
    )
)
def test_any_objects_roundtrip(tmp_path_factory: pytest.TempPathFactory, objs: list[dict]) -> None:
    tmp = tmp_path_factory.mktemp("b")
    meta = SessionMeta(id=new_session_id())
    w = BundleWriter(tmp, meta, KEY, seal_every=0)
    for o in objs:
        w.add("x", dict(o))
        w.flush()
        w.maybe_seal()
    w.close()
    got = list(BundleReader(w.root, KEY).records("x"))
    assert [{k: v for k, v in g.items() if k != "kind"} for g in got] == [
        {k: v for k, v in o.items() if k != "kind"} for o in objs
    ]


def test_failed_write_keeps_pending_and_log_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk (ENOSPC on fdatasync) neither loses buffered objects nor leaves a torn record."""
    import errno

    meta = SessionMeta(id=new_session_id())
    w = BundleWriter(tmp_path, meta, KEY)
    w.add("step", {"index": 0, "t": 0.0, "action": {"type": "key", "key": "a"}})
    w.flush()
    real = os.fdatasync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdatasync", full)
    w.add("step", {"index": 1, "t": 1.0, "action": {"type": "key", "key": "b"}})
    with pytest.raises(OSError):
        w.flush()
    assert w.pending == 1
    monkeypatch.setattr(os, "fdatasync", real)
    w.flush()
    w.close()
    assert [s.index for s in BundleReader(w.root, KEY).steps()] == [0, 1]
