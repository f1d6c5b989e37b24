"""Shared inputs of the pipeline tests: a spool with a recorded-style bundle (frames at half the
screen's scale) and the imported DuckTrack fixture, exported once per format per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from demotrace.pipeline import run_export
from demotrace.pipeline.importers import import_ducktrack

from .builders import recorded_bundle

RECORDED = "01JDEMOTRACE0000000000000A"
FORMATS = ["native", "agentnet", "osworld", "anthropic", "parquet", "webdataset"]


@pytest.fixture(scope="session")
def spool(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    s = tmp_path_factory.mktemp("spool")
    recorded_bundle(s, RECORDED)
    import_ducktrack(shared_dir / "fixtures" / "ducktrack", s)
    return s


@pytest.fixture(scope="session")
def exports(spool: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt in FORMATS:
        out[fmt] = root / fmt
        run_export(spool, fmt, out[fmt], progress=False)
    return out
