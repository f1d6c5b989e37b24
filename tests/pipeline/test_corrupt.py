"""A corrupt or truncated bundle is reported (which session, what is wrong); the rest exports."""

from __future__ import annotations

import json
from pathlib import Path

from .builders import EPISODE_1, EPISODE_2, recorded_bundle, run_cli

GOOD = "01JDEMOTRACE0000000000000A"
BAD = "01JDEMOTRACE0000000000000B"


def _export(src: Path, out: Path) -> tuple[int, str, str]:
    return run_cli(["export", str(src), "--out", str(out), "--no-progress", "--json"])


def test_malformed_session_json_fails_that_session_only(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    recorded_bundle(spool, GOOD)
    bad = recorded_bundle(spool, BAD)
    (bad / "session.json").write_text("{not json")
    code, stdout, err = _export(spool, tmp_path / "out")
    assert code == 0
    assert f"session {BAD}:" in err and "session.json" in err
    summary = json.loads(stdout)
    assert summary["exported"] == 1 and summary["failed"][0]["session"] == BAD
    eps = (tmp_path / "out" / "trajectories.jsonl").read_text().splitlines()
    assert [json.loads(e)["session_id"] for e in eps] == [GOOD, GOOD]
    assert BAD in (tmp_path / "out" / "report.html").read_text()


def test_corrupt_middle_chunk_is_skipped_and_reported(tmp_path: Path) -> None:
    root = recorded_bundle(tmp_path / "spool", BAD)
    chunks = sorted((root / "chunks").iterdir())
    assert len(chunks) == 3
    data = bytearray(chunks[1].read_bytes())
    data[12:20] = b"\x00" * 8  # inside the first record's zstd frame
    chunks[1].write_bytes(bytes(data))
    code, _, err = _export(root, tmp_path / "out")
    assert code == 0, err
    assert f"warning: session {BAD}: chunk 000002.dtc unreadable" in err
    eps = [json.loads(x) for x in (tmp_path / "out" / "trajectories.jsonl").read_text().splitlines()]
    # chunk 1 held the first four steps; chunk 2 (lost) the rest of episode 1
    assert [s["action"] for s in eps[0]["steps"]] == EPISODE_1[:4]
    assert [s["action"] for s in eps[1]["steps"]] == EPISODE_2


def test_torn_last_record_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    root = recorded_bundle(tmp_path / "spool", BAD)
    last = sorted((root / "chunks").iterdir())[-1]
    data = last.read_bytes()
    last.write_bytes(data[: len(data) - 7])  # a crash in the middle of the last record
    code, _, err = _export(root, tmp_path / "out")
    assert code == 0, err
    assert "torn last record" in err and BAD in err
    eps = [json.loads(x) for x in (tmp_path / "out" / "trajectories.jsonl").read_text().splitlines()]
    assert [s["action"] for s in eps[0]["steps"]] == EPISODE_1


def test_nothing_exportable_exits_1(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    for sid in (GOOD, BAD):
        root = recorded_bundle(spool, sid)
        for c in (root / "chunks").iterdir():
            c.write_bytes(b"garbage")
    code, _, err = _export(spool, tmp_path / "out")
    assert code == 1
    assert f"session {GOOD}: no chunk could be read" in err
    assert "none of the 2 sessions" in err


def test_malformed_steps_are_dropped_not_fatal(tmp_path: Path) -> None:
    from demotrace.bundle import BundleWriter

    from .builders import XTERM, meta, png, step

    w = BundleWriter(tmp_path / "spool", meta(BAD), None)
    w.write_blob("frames/a.webp", png((1, 2, 3)))
    for i, a in enumerate(
        [
            {"type": "click", "x": 1, "y": 2, "button": "left"},
            {"type": "teleport", "x": 1},
            {"type": "click", "y": 2},
            {"type": "key", "key": "tab"},
        ]
    ):
        w.add("step", step(i, float(i), a, XTERM, "frames/a.webp", "frames/a.webp"))
    w.close()
    for fmt in ("native", "agentnet", "osworld", "anthropic", "parquet", "webdataset"):
        code, _, err = run_cli(
            ["export", str(w.root), "--format", fmt, "--out", str(tmp_path / fmt), "--no-progress"]
        )
        assert code == 0, err
        report = json.loads((tmp_path / fmt / "report.json").read_text())
        assert report["dropped_steps"] == {"malformed": 2} and report["steps"] == 2, fmt


def test_image_paths_outside_the_bundle_are_never_followed(tmp_path: Path) -> None:
    from demotrace.bundle import BundleWriter

    from .builders import XTERM, meta, png, step

    secret = tmp_path / "spool" / "secret.txt"
    w = BundleWriter(tmp_path / "spool", meta(BAD), None)
    secret.write_text("not for the dataset")
    w.write_blob("frames/a.webp", png((1, 2, 3)))
    click = {"type": "click", "x": 1, "y": 2, "button": "left"}
    for i, ref in enumerate(["frames/a.webp", "../secret.txt", "frames/../../secret.txt", "/etc/passwd"]):
        w.add("step", step(i, float(i), click | {"x": i + 1}, XTERM, "frames/a.webp", ref))
    w.add("step", step(9, 9.0, click, XTERM, "../secret.txt", None))
    w.close()
    out = tmp_path / "out"
    code, _, err = run_cli(["export", str(w.root), "--out", str(out), "--no-progress"])
    assert code == 0, err
    assert "not a path under frames/" in err
    report = json.loads((out / "report.json").read_text())
    assert report["dropped_steps"] == {"missing_observation": 1}
    for p in out.rglob("*"):
        if p.is_file():
            assert b"not for the dataset" not in p.read_bytes(), p


def test_a_session_id_that_is_a_path_is_refused(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    recorded_bundle(spool, GOOD)
    bad = recorded_bundle(spool, BAD)
    meta = json.loads((bad / "session.json").read_text())
    meta["id"] = "../../escaped"
    (bad / "session.json").write_text(json.dumps(meta))
    code, _, err = _export(spool, tmp_path / "out")
    assert code == 0
    assert f"session {BAD}: session.json: id '../../escaped' is not a session id" in err
    assert not (tmp_path / "escaped-000").exists() and not list(tmp_path.rglob("escaped*"))
