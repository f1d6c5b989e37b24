"""Shared fixtures. X11 tests start their own Xvfb on a free display (see tests/xvfb.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():
    SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.fail(f"shared/ not found beside the project (looked at {SHARED})")
    return SHARED


@pytest.fixture(autouse=True)
def _demotrace_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own DEMOTRACE_HOME (device key, spool, control socket)."""
    h = tmp_path / "dthome"
    h.mkdir()
    monkeypatch.setenv("DEMOTRACE_HOME", str(h))
    return h


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("HYPOTHESIS_PROFILE", "ci")


DESKTOP_DIRS = ("capture", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test of the recorder's and the browser's folders is an `x11` test too (some drive a
    desktop without saying so): `make test` runs the `x11` ones one at a time, alone on the
    machine, as they measure what a recorder sees in real time, and the rest on every core."""
    for item in items:
        parts = item.path.relative_to(Path(__file__).parent).parts
        if parts and parts[0] in DESKTOP_DIRS:
            item.add_marker(pytest.mark.x11)
