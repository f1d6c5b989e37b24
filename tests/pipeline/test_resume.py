"""Deterministic, resumable exports: an interrupted or repeated run ends with the same bytes,
whatever the number of worker processes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from demotrace.pipeline import run_export

from .builders import recorded_bundle, tree
from .conftest import FORMATS


@pytest.fixture()
def two(tmp_path: Path) -> Path:
    spool = tmp_path / "spool"
    for sid in ("01JDEMOTRACE0000000000000A", "01JDEMOTRACE0000000000000B"):
        recorded_bundle(spool, sid)
    return spool


def test_rerun_skips_finished_sessions_and_changes_nothing(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_export(two, "agentnet", out, progress=False)
    assert (first.exported, first.resumed) == (2, 0)
    before = tree(out)
    again = run_export(two, "agentnet", out, progress=False)
    assert (again.exported, again.resumed) == (0, 2)
    assert tree(out) == before


def test_interrupted_run_resumes_to_the_same_bytes(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_export(two, "native", out, progress=False)
    want = tree(out)
    # as if killed after session A: B's marker, part and frames never written, the JSONL torn
    state = out / ".demotrace-export" / "native"
    (state / "sessions" / "01JDEMOTRACE0000000000000B.state").unlink()
    (state / "parts" / "01JDEMOTRACE0000000000000B.lines").unlink()
    for p in (out / "frames").glob("01JDEMOTRACE0000000000000B-*"):
        for f in p.iterdir():
            f.unlink()
    (out / "trajectories.jsonl").write_bytes((out / "trajectories.jsonl").read_bytes()[:100])
    s = run_export(two, "native", out, progress=False)
    assert (s.exported, s.resumed) == (1, 1)
    assert tree(out) == want


def test_changed_bundle_is_exported_again(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_export(two, "osworld", out, progress=False)
    frame = next((two / "01JDEMOTRACE0000000000000B" / "frames").iterdir())
    st = frame.stat()
    os.utime(frame, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    s = run_export(two, "osworld", out, progress=False)
    assert (s.exported, s.resumed) == (1, 1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_worker_processes_write_the_same_bytes_as_one(fmt: str, two: Path, tmp_path: Path) -> None:
    run_export(two, fmt, tmp_path / "one", workers=1, progress=False)
    run_export(two, fmt, tmp_path / "two", workers=2, progress=False)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_state_of_an_earlier_version_is_renamed_and_its_files_replaced(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_export(two, "native", out, progress=False)
    state = out / ".demotrace-export" / "native"
    for p in [*state.glob("sessions/*.state"), *state.glob("parts/*.lines")]:  # as an earlier version left it
        p.rename(p.with_suffix(".json" if p.suffix == ".state" else ".jsonl"))
    stale = out / "frames" / "01JDEMOTRACE0000000000000B-000" / "000000-before.webp"
    stale.write_bytes(b"old layout")
    marker = json.loads(next(state.glob("sessions/*B.json")).read_text())
    marker["files"].append(str(stale.relative_to(out)))
    marker["fingerprint"] = "from an earlier version"
    next(state.glob("sessions/*B.json")).write_text(json.dumps(marker))
    run_export(two, "native", out, progress=False)
    assert not [p for p in state.rglob("*") if p.suffix in (".json", ".jsonl")]
    assert not stale.exists()
    assert len(list(out.rglob("*.jsonl"))) == 1
