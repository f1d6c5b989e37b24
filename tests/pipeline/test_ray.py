"""`--engine ray` on a local Ray instance gives byte-identical output to the local engine.

One module, one Ray start-up (the slowest part of the pipeline tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demotrace.pipeline import run_export

from .builders import run_cli, tree
from .conftest import FORMATS


@pytest.fixture(scope="module")
def ray_local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    import ray

    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        _temp_dir=str(tmp_path_factory.mktemp("ray")),
    )
    try:
        yield
    finally:
        ray.shutdown()


@pytest.mark.parametrize("fmt", FORMATS)
def test_ray_matches_local_byte_for_byte(
    fmt: str, ray_local: None, spool: Path, exports: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / fmt
    s = run_export(spool, fmt, out, engine="ray", workers=2, progress=False)
    assert s.exported == 2 and not s.failed
    assert tree(out) == tree(exports[fmt])


def test_ray_reports_a_corrupt_bundle_and_exports_the_rest(
    ray_local: None, spool: Path, tmp_path: Path
) -> None:
    import shutil

    src = tmp_path / "spool"
    shutil.copytree(spool, src)
    bad = src / "01JDEMOTRACE0000000000000Z"
    shutil.copytree(src / "01JDEMOTRACE0000000000000A", bad)
    for c in (bad / "chunks").iterdir():
        c.write_bytes(b"DTC1\x00" + b"\xff" * 40)
    code, _, err = run_cli(
        ["export", str(src), "--engine", "ray", "--workers", "2", "--out", str(tmp_path / "o")]
    )
    assert code == 0, err
    assert "session 01JDEMOTRACE0000000000000Z: no chunk could be read" in err
    assert "exported 3 episodes" in err
