"""`demotrace export --format native` on recorded-style bundles, plain and encrypted."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from demotrace.bundle import BundleReader, load_or_create_key
from demotrace.paths import device_key_path

from .builders import EPISODE_1, EPISODE_2, recorded_bundle, run_cli

SID = "01JDEMOTRACE0000000000000A"


def _export(args: list[str]) -> tuple[int, str, str]:
    return run_cli(["export", *args])


def _lines(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "trajectories.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_native_export_of_a_recorded_bundle(tmp_path: Path, encrypted: bool) -> None:
    key = load_or_create_key(device_key_path()) if encrypted else None
    root = recorded_bundle(tmp_path / "spool", SID, key)
    out = tmp_path / "out"
    code, _, err = _export([str(root), "--format", "native", "--out", str(out), "--no-progress"])
    assert code == 0, err
    eps = _lines(out)
    assert [e["episode_id"] for e in eps] == [f"{SID}-000", f"{SID}-001"]
    assert [e["session_id"] for e in eps] == [SID, SID]
    assert eps[0]["instruction"] == "Save the note"
    assert eps[1]["instruction"] == "Read about agents"  # the session's task after task_done
    assert [s["action"] for s in eps[0]["steps"]] == EPISODE_1
    assert [s["action"] for s in eps[1]["steps"]] == EPISODE_2
    reader = BundleReader(root, key)
    src_steps = {s.t: s for s in reader.steps()}
    for ep in eps:
        assert [s["index"] for s in ep["steps"]] == list(range(len(ep["steps"])))
        for s in ep["steps"]:
            obs = s["observation"]
            for which in ("before", "after"):  # named by content: each distinct image once
                digest = hashlib.sha256((out / obs[which]).read_bytes()).hexdigest()[:16]
                assert obs[which] == f"frames/{ep['episode_id']}/{digest}.webp"
            orig = src_steps[s["t"]].observation
            # the copies are the decrypted originals, byte for byte
            assert (out / obs["before"]).read_bytes() == reader.read_blob(orig.before)
            assert (out / obs["after"]).read_bytes() == reader.read_blob(orig.after)
            assert obs["origin"] == [0, 0] and obs["scale"] == 0.5
    # the step after a step shares its frame: its before is the previous step's after
    s0, s1 = eps[0]["steps"][:2]
    assert s1["observation"]["before"] == s0["observation"]["after"]  # one file, two references
    for ep in eps:  # within an episode, no two files hold the same image
        files = list((out / "frames" / ep["episode_id"]).glob("*.webp"))
        assert len({f.read_bytes() for f in files}) == len(files) > 0
    report = json.loads((out / "report.json").read_text())
    assert report["dropped_steps"] == {"empty": 1, "near_duplicate": 1, "off_screen": 1}
    assert (out / "report.html").read_text().count("<svg") >= 5


def test_native_export_of_a_spool_uses_the_device_key(tmp_path: Path) -> None:
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    ids = [f"01JDEMOTRACE000000000000{c}" for c in "BA"]
    for sid in ids:
        recorded_bundle(spool, sid, key)
    out = tmp_path / "out"
    code, _, err = _export([str(spool), "--out", str(out), "--no-progress", "--json"])
    assert code == 0, err
    assert [e["episode_id"] for e in _lines(out)] == [f"{i}-{n:03d}" for i in sorted(ids) for n in range(2)]


def test_encrypted_spool_without_the_key_fails_with_a_reason(tmp_path: Path) -> None:
    key = bytes(range(32))
    root = recorded_bundle(tmp_path / "spool", SID, key)
    code, _, err = _export([str(root), "--out", str(tmp_path / "out"), "--no-progress"])
    assert code == 1
    assert SID in err and "no device key" in err


def test_key_file_option(tmp_path: Path) -> None:
    key = bytes(range(32))
    root = recorded_bundle(tmp_path / "spool", SID, key)
    kf = tmp_path / "k"
    kf.write_bytes(key)
    code, _, err = _export(
        [str(root), "--out", str(tmp_path / "out"), "--key-file", str(kf), "--no-progress"]
    )
    assert code == 0, err
    assert len(_lines(tmp_path / "out")) == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["/nonexistent/src"], "no such file"),
        (["{tmp}"], "holds no session bundle"),
        (["{tmp}", "--format", "csv"], "csv"),
    ],
)
def test_bad_input_is_a_usage_error(tmp_path: Path, args: list[str], needle: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, _, err = run_cli(["export", *args, "--out", str(tmp_path / "o")])
    assert code == 2
    assert needle in err


def test_a_session_still_being_recorded_exports_what_is_flushed(tmp_path: Path) -> None:
    from demotrace.bundle import BundleWriter

    from .builders import XTERM, meta, png, step

    w = BundleWriter(tmp_path / "spool", meta(SID), None)
    w.write_blob("frames/a.webp", png((1, 2, 3)))
    w.add(
        "step",
        step(0, 1.0, {"type": "click", "x": 1, "y": 2, "button": "left"}, XTERM, "frames/a.webp", None),
    )
    w.add("step", step(1, 2.0, {"type": "key", "key": "tab"}, XTERM, "frames/a.webp", None))
    w.flush()  # no seal, no close: chunks/000001.dtc.open, session.json without stop
    assert [p.name for p in (w.root / "chunks").iterdir()] == ["000001.dtc.open"]
    code, _, err = _export([str(tmp_path / "spool"), "--out", str(tmp_path / "out"), "--no-progress"])
    assert code == 0, err
    (ep,) = _lines(tmp_path / "out")
    assert [s["action"]["type"] for s in ep["steps"]] == ["click", "key"]
    assert ep["steps"][0]["observation"]["after"] is None


def test_folders_further_down_are_not_searched(tmp_path: Path) -> None:
    recorded_bundle(tmp_path / "data" / "blobs" / "quarantine", SID)
    code, _, err = _export([str(tmp_path / "data"), "--out", str(tmp_path / "out"), "--no-progress"])
    assert code == 2 and "holds no session bundle" in err


def test_service_data_folder_exports_released_sessions_only_and_audits(tmp_path: Path) -> None:
    import time

    from sqlalchemy import select

    from demotrace.store import ServiceData
    from demotrace.store.config import ServiceConfig
    from demotrace.store.models import AuditEntry, Session

    data_dir = tmp_path / "service"
    ServiceConfig(data_dir).save()
    data = ServiceData.open(data_dir)
    released, held = "01JDEMOTRACE0000000000000R", "01JDEMOTRACE0000000000000Q"
    for sid, area in ((released, "released"), (held, "quarantine")):
        root = recorded_bundle(tmp_path / "up", sid)
        for p in sorted(root.rglob("*")):
            if p.is_file():
                data.blobs.put(f"{area}/{sid}/{p.relative_to(root)}", p.read_bytes())
        with data.db.write() as s:
            now = time.time()
            s.add(Session(id=sid, user="u", device="d", state=area, created=now, updated=now))
    data.close()
    out = tmp_path / "out"
    code, _, err = _export([str(data_dir), "--format", "agentnet", "--out", str(out), "--no-progress"])
    assert code == 0, err
    lines = [json.loads(x) for x in (out / "agentnet.jsonl").read_text().splitlines()]
    assert {x["task_id"].split("-")[0] for x in lines} == {released}
    data = ServiceData.open(data_dir)
    with data.db.read() as s:
        entries = [e for e in s.execute(select(AuditEntry)).scalars() if e.action == "export"]
    data.close()
    (entry,) = entries
    detail = json.loads(entry.detail)
    # sessions are named by their hash in the audit log, so that a later deletion leaves no id behind
    from demotrace.store.lifecycle import id_hash

    assert entry.actor == "pipeline" and detail["format"] == "agentnet"
    assert detail["session_hashes"] == [id_hash(released)] and released not in entry.detail
