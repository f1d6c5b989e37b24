"""Media straight to a real S3-compatible store (SeaweedFS) through presigned upload grants:
single and multipart uploads, checksums verified end to end, a forged upload refused, and a
service on a blob folder telling the device to PUT to the API instead."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from demotrace.bundle import load_or_create_key
from demotrace.bundle.files import write_file
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.schema import new_session_id

from .helpers import PNG, Service, make_bundle
from .s3 import aws_env


@pytest.fixture
def s3_service(s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    for k, v in aws_env(s3_endpoint).items():
        monkeypatch.setenv(k, v)
    cfg = {"release_interval": 3600.0, "blobs_url": f"s3://demotrace-test/g-{uuid.uuid4().hex[:12]}"}
    svc = Service(data_dir=tmp_path / "data", config=cfg)
    svc.data_dir.mkdir(parents=True)
    try:
        yield svc.start()
    finally:
        svc.stop()


def test_media_goes_straight_to_the_store_single_and_multipart_checksums_verified(
    s3_service: Service, tmp_path: Path
) -> None:
    svc = s3_service
    alice = svc.enroll("alice")
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    sid = make_bundle(spool, key, steps=3, frames=2, stop=False)  # still recording: no completion
    big = os.urandom(9 * 1024 * 1024 + 123)  # over the multipart threshold: two parts
    write_file(spool / sid, "frames/big-before.png", big, key)
    u = Uploader(spool, svc.url, key, alice, interval=0.05, max_backoff=0.2)
    seen: list[str] = []
    u._client.event_hooks["request"].append(lambda req: seen.append(f"{req.method} {req.url.path}"))
    u.flush(timeout=120)
    u.stop()
    assert u._grants is True, u.stats()
    # media went through grants (never PUT to the API); chunks and session.json through the API
    assert not [s for s in seen if s.startswith("PUT") and "/frames/" in s], seen
    assert sum(s.endswith("/grants/confirm") for s in seen) == 3
    assert any(s.startswith("PUT") and s.endswith("/session.json") for s in seen)
    with svc.client(alice) as c:
        man = c.get(f"/v1/sessions/{sid}/manifest").json()["files"]
    assert man["frames/big-before.png"] == hashlib.sha256(big).hexdigest()
    assert man["frames/000000-before.png"] == hashlib.sha256(PNG).hexdigest()
    store = svc.blobs()
    for rel, sha in man.items():  # what the store holds is what the device hashed
        assert store.sha256(f"quarantine/{sid}/{rel}") == sha, rel
    assert store.list(f"incoming/{sid}") == []  # staged objects removed once recorded


def test_a_forged_or_missing_upload_is_refused_and_nothing_is_recorded(s3_service: Service) -> None:
    svc = s3_service
    alice = svc.enroll("alice")
    sid = new_session_id()
    good = b"frame bytes the device hashed"
    sha = hashlib.sha256(good).hexdigest()
    with svc.client(alice) as c, httpx.Client() as store:
        ask = {"path": "frames/x.png", "size": len(good), "sha256": sha}
        g = c.post(f"/v1/sessions/{sid}/grants", json=ask)
        assert g.status_code == 200 and g.json()["direct"] is False, g.text
        r = c.post(f"/v1/sessions/{sid}/grants/confirm", json={"path": "frames/x.png", "sha256": sha})
        assert r.status_code == 422 and "nothing was uploaded" in r.text
        assert store.put(g.json()["url"], content=b"other bytes, same grant").status_code == 200
        r = c.post(f"/v1/sessions/{sid}/grants/confirm", json={"path": "frames/x.png", "sha256": sha})
        assert r.status_code == 422 and "do not match" in r.text, r.text
        assert c.get(f"/v1/sessions/{sid}/manifest").json()["files"] == {}
        assert svc.blobs().list(f"incoming/{sid}") == []
        # chunks are validated by the API: no grant for them
        r = c.post(f"/v1/sessions/{sid}/grants", json={"path": "chunks/000001.dtc", "size": 5, "sha256": sha})
        assert r.status_code == 422
        # another person's session: 404, as if it did not exist
        bob = svc.enroll("bob")
        assert store.put(g.json()["url"], content=good).status_code == 200
        with svc.client(bob) as cb:
            r = cb.post(f"/v1/sessions/{sid}/grants/confirm", json={"path": "frames/x.png", "sha256": sha})
            assert r.status_code == 404, r.text
        r = c.post(f"/v1/sessions/{sid}/grants/confirm", json={"path": "frames/x.png", "sha256": sha})
        assert r.status_code == 200 and r.json()["size"] == len(good)
        assert c.get(f"/v1/sessions/{sid}/manifest").json()["files"] == {"frames/x.png": sha}


def test_a_service_on_a_blob_folder_answers_direct(service: Service) -> None:
    folder = service.blobs().s3 is None
    alice = service.enroll("alice")
    sid = new_session_id()
    sha = hashlib.sha256(PNG).hexdigest()
    with service.client(alice) as c:
        ask = {"path": "frames/a.png", "size": len(PNG), "sha256": sha}
        g = c.post(f"/v1/sessions/{sid}/grants", json=ask)
        assert g.status_code == 200 and g.json()["direct"] is folder
        r = c.post(f"/v1/sessions/{sid}/grants/confirm", json={"path": "frames/a.png", "sha256": sha})
        assert r.status_code == (409 if folder else 422)  # folder: PUT to the API; S3: nothing uploaded
