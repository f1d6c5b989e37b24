"""Fixtures for the service tests: a running service per test (SQLite, or PostgreSQL too when
DEMOTRACE_TEST_PG holds a server URL)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import Service, pg_database

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("DEMOTRACE_TEST_PG") else [])


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        return pg_database(os.environ["DEMOTRACE_TEST_PG"])
    return ""


@pytest.fixture
def make_service(tmp_path: Path, db_url: str) -> Iterator[type[Service]]:
    started: list[Service] = []

    def factory(**kw: object) -> Service:
        kw.setdefault("config", {})
        svc = Service(data_dir=tmp_path / f"data{len(started)}", db_url=db_url, **kw)  # type: ignore[arg-type]
        svc.data_dir.mkdir(parents=True, exist_ok=True)
        started.append(svc)
        return svc

    yield factory  # type: ignore[misc]
    for s in started:
        s.stop()


@pytest.fixture
def service(make_service: type[Service]) -> Service:
    return make_service(config={"release_interval": 0.2}).start()  # type: ignore[call-arg]
