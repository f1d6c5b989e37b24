"""Fixtures for the service tests: a running service per test on SQLite + a blob folder, and
also on PostgreSQL (DEMOTRACE_TEST_PG holds a server URL) + an S3-compatible object store
(DEMOTRACE_TEST_S3 holds its endpoint) when those are there, as `.ci/run` starts them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import Service, pg_database
from .s3 import Weed, aws_env

PG = os.environ.get("DEMOTRACE_TEST_PG", "")
S3 = os.environ.get("DEMOTRACE_TEST_S3", "")
S3_BUCKET = "demotrace-test"


def _backends() -> list[str]:
    fleet = "+".join(n for n, on in (("postgresql", PG), ("s3", S3)) if on)
    if fleet == "s3":
        fleet = "sqlite+s3"
    return ["sqlite"] + ([fleet] if fleet else [])


BACKENDS = _backends()
if S3:  # this process too (ServiceData.open, `demotrace export`) reaches the store
    os.environ.update(aws_env(S3))


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real S3-compatible store for the tests that need one whatever the backend: the one CI
    started (DEMOTRACE_TEST_S3), else a SeaweedFS of this run's own (~4 s to start)."""
    if S3:
        yield S3
        return
    weed = Weed(tmp_path_factory.mktemp("weed")).start()
    try:
        yield weed.endpoint
    finally:
        weed.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str) -> str:
    if backend.startswith("postgresql"):
        return pg_database(PG)
    return ""


@pytest.fixture
def blobs_url(backend: str) -> str:
    """ "" for the data folder's own `blobs/`; an s3:// URL with a prefix of its own otherwise."""
    if backend.endswith("s3"):
        return f"s3://{S3_BUCKET}/t-{uuid.uuid4().hex[:12]}"
    return ""


@pytest.fixture
def make_service(tmp_path: Path, db_url: str, blobs_url: str) -> Iterator[type[Service]]:
    started: list[Service] = []

    def factory(**kw: object) -> Service:
        kw.setdefault("config", {})
        svc = Service(data_dir=tmp_path / f"data{len(started)}", db_url=db_url, **kw)  # type: ignore[arg-type]
        if blobs_url and "blobs_url" not in svc.config:
            svc.config["blobs_url"] = f"{blobs_url}-{len(started)}"
        svc.data_dir.mkdir(parents=True, exist_ok=True)
        started.append(svc)
        return svc

    yield factory  # type: ignore[misc]
    for s in started:
        s.stop()


@pytest.fixture
def service(make_service: type[Service]) -> Service:
    return make_service(config={"release_interval": 0.2}).start()  # type: ignore[call-arg]
