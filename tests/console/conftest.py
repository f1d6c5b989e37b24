"""One service for the console tests of a module: two people with uploaded sessions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.server.helpers import Service

from .world import COPY_FRAMES, XSS_TITLE, Person, enroll


@dataclass
class World:
    svc: Service
    alice: Person
    bob: Person


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root: Path = tmp_path_factory.mktemp("console")
    svc = Service(
        data_dir=root / "data",
        config={"release_interval": 0.2, "retention_days": 0, "frame_pass_cmd": COPY_FRAMES},
    )
    svc.data_dir.mkdir()
    svc.start()
    try:
        alice, bob = enroll(svc, "alice", root), enroll(svc, "bob", root)
        alice.upload(svc, XSS_TITLE)
        bob.upload(svc, "bob's terminal")
        yield World(svc, alice, bob)
    finally:
        svc.stop()
