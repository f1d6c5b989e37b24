"""Datasets a trainer can use as they are (issue 13): every episode has a marked instruction and
the recording's metadata in every format, secure input leaves a marker, nothing is read twice by a
recursive glob, frames are PNG where the format's tooling expects it and stored once per
episode where the format has references."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from demotrace.pipeline import PipelineConfig, run_export
from demotrace.pipeline.instructions import SOURCES, draft_instruction
from demotrace.schema import Step

from .builders import recorded_bundle, run_cli
from .conftest import FORMATS, RECORDED
from .readers import native_episodes, parquet_rows, tar_samples

METADATA_KEYS = {"os", "screens", "frame_scale", "recorder_version", "locale", "double_click"}
METADATA_KEYS |= {"policy_version", "redaction_engine", "apps"}
DATA_SUFFIXES = {".json", ".jsonl", ".parquet", ".tar", ".png", ".webp", ".jpg", ".jpeg", ".html"}


def _lines(p: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in p.read_text().splitlines()]


def episodes_of(fmt: str, out: Path) -> list[dict[str, Any]]:
    """(instruction, instruction_source, metadata) of each episode, read the format's own way."""
    if fmt == "native":
        return [{**e, "task": e["instruction"]} for e in _lines(out / "trajectories.jsonl")]
    if fmt == "agentnet":
        eps = _lines(out / "agentnet.jsonl")
        for e in eps:
            assert e["natural_language_task"] == e["actual_task"] == e["instruction"]
        return [{**e, "task": e["natural_language_task"]} for e in eps]
    if fmt == "osworld":
        return [{**e, "task": e["instruction"]} for e in _lines(out / "osworld.jsonl")]
    if fmt == "anthropic":
        eps = []
        for p in sorted((out / "anthropic").glob("*.json")):
            doc = json.loads(p.read_text())
            task = doc["messages"][0]["content"][0]["text"]
            md = json.loads(doc["messages"][0]["content"][1]["text"].split("Metadata: ", 1)[1])
            eps.append({"task": task, "instruction_source": "(none)", "metadata": md})
        return eps
    if fmt == "parquet":
        by_ep: dict[str, dict[str, Any]] = {}
        for r in parquet_rows(out):
            by_ep.setdefault(
                r["episode_id"], {**r, "task": r["instruction"], "metadata": json.loads(r["metadata"])}
            )
        for p in (out / "data").glob("*.parquet"):
            assert METADATA_KEYS - {"apps"} <= set(json.loads(pq.read_schema(p).metadata[b"demotrace"]))
        return list(by_ep.values())
    if fmt == "webdataset":
        by_ep = {}
        for smp in tar_samples(out):
            d = json.loads(smp["json"])
            by_ep.setdefault(d["episode_id"], {**d, "task": d["instruction"]})
        return list(by_ep.values())
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_episode_has_an_instruction_and_metadata(fmt: str, exports: dict[str, Path]) -> None:
    eps = episodes_of(fmt, exports[fmt])
    assert len(eps) == len(native_episodes(exports["native"])) == 3
    for e in eps:
        assert isinstance(e["task"], str) and e["task"].strip()
        assert e["instruction_source"] in (*SOURCES, "(none)")
        assert set(e["metadata"]) >= METADATA_KEYS, e["metadata"]
        assert e["metadata"]["screens"] and e["metadata"]["os"]
    if fmt != "anthropic":  # the transcript's user turn is the task itself
        assert [e["instruction_source"] for e in eps] == ["drafted", "person", "person"]
    imported = eps[0]  # sessions in id order: the 2023 import first
    assert imported["metadata"]["os"] == "Darwin" and imported["metadata"]["screens"][0]["width"] == 1512
    # the drafted instruction of the DuckTrack import says what was done
    assert "type 'wikipedia'" in imported["task"] and "press Enter" in imported["task"]


def test_recursive_glob_reads_nothing_twice(exports: dict[str, Path]) -> None:
    for fmt, out in exports.items():
        state = [p for p in out.rglob("*") if ".demotrace-export" in p.parts and p.is_file()]
        assert state, fmt  # the export keeps its working state …
        assert not [p for p in state if p.suffix in DATA_SUFFIXES], fmt  # … under names no loader reads
    lines = {
        fmt: [ln for p in exports[fmt].rglob("*.jsonl") for ln in p.read_text().splitlines()]
        for fmt in FORMATS
    }
    assert len(lines["native"]) == len(lines["agentnet"]) == len(lines["osworld"]) == 3
    assert not lines["anthropic"] and not lines["parquet"] and not lines["webdataset"]
    anthropic = sorted(p.relative_to(exports["anthropic"]) for p in exports["anthropic"].rglob("*.json"))
    assert [str(p) for p in anthropic if p.parts[0] != "anthropic"] == ["manifest.json", "report.json"]
    assert len(list(exports["parquet"].rglob("*.parquet"))) == 2
    assert len(list(exports["webdataset"].rglob("*.tar"))) == 2


def test_secure_input_leaves_a_marker_in_every_format(exports: dict[str, Path]) -> None:
    native = native_episodes(exports["native"])
    (ep, i) = next(
        (e, s["index"]) for e in native for s in e["steps"] if s["action"]["type"] == "secure_input"
    )
    assert ep["steps"][i]["action"] == {"type": "secure_input", "field": "password"}
    agentnet = next(
        e for e in _lines(exports["agentnet"] / "agentnet.jsonl") if e["task_id"] == ep["episode_id"]
    )
    entry = agentnet["traj"][i]
    assert entry["secure_input"] == "password" and entry["value"]["code"] == "computer.wait()"
    assert "password" in entry["value"]["thought"]
    osworld = next(
        e for e in _lines(exports["osworld"] / "osworld.jsonl") if e["episode_id"] == ep["episode_id"]
    )
    (wait,) = [e for e in osworld["steps"] if e["step"] == i]
    assert wait["action"]["action_type"] == "WAIT" and wait["secure_input"] == "password"
    doc = json.loads((exports["anthropic"] / "anthropic" / f"{ep['episode_id']}.json").read_text())
    notes = [
        c["text"]
        for m in doc["messages"]
        if m["role"] == "assistant"
        for c in m["content"]
        if c["type"] == "text"
    ]
    assert any("password field" in n and "not recorded" in n for n in notes)
    row = next(
        r for r in parquet_rows(exports["parquet"]) if (r["episode_id"], r["index"]) == (ep["episode_id"], i)
    )
    assert json.loads(row["action"]) == {"type": "secure_input", "field": "password"}
    smp = next(
        json.loads(s["json"])
        for s in tar_samples(exports["webdataset"])
        if json.loads(s["json"])["episode_id"] == ep["episode_id"] and json.loads(s["json"])["index"] == i
    )
    assert smp["action"] == {"type": "secure_input", "field": "password"}


def test_frames_png_where_expected_and_stored_once(exports: dict[str, Path]) -> None:
    for fmt, folder in (("agentnet", "images"), ("osworld", "screenshots")):
        files = list((exports[fmt] / folder).iterdir())
        assert files and all(f.suffix == ".png" and f.read_bytes().startswith(b"\x89PNG") for f in files)
        for ep in {f.name.split("_")[0] for f in files}:  # within an episode, no image written twice
            mine = [f for f in files if f.name.startswith(ep + "_")]
            assert len({f.read_bytes() for f in mine}) == len(mine), fmt
    native = native_episodes(exports["native"])
    refs = [s["observation"][w] for e in native for s in e["steps"] for w in ("before", "after")]
    refs = [r for r in refs if r]
    files = list((exports["native"] / "frames").rglob("*.*"))
    assert len(files) == len(set(refs)) < len(refs)  # an after frame is the next step's before frame


def test_parquet_and_webdataset_carry_after_frames_target_and_redactions(exports: dict[str, Path]) -> None:
    rows = [r for r in parquet_rows(exports["parquet"]) if r["episode_id"].startswith(RECORDED)]
    assert all(r["after_image"] is not None and r["image"] is not None for r in rows)
    assert all(json.loads(r["redactions"]) == [] and json.loads(r["target"]) is None for r in rows)
    assert {r["app"] for r in rows} == {"xterm", "en.wikipedia.org"}
    samples = [s for s in tar_samples(exports["webdataset"]) if s["__key__"].startswith(RECORDED)]
    for s in samples:
        d = json.loads(s["json"])
        assert d["observation"]["after"] == f"{s['__key__']}.after.jpg" and "after.jpg" in s
        assert "redactions" in d and d["metadata"]["screens"]


@pytest.mark.parametrize(
    ("image_format", "suffix", "magic"), [("webp", ".webp", b"RIFF"), ("jpeg", ".jpg", b"\xff\xd8\xff")]
)
def test_image_format_option(tmp_path: Path, image_format: str, suffix: str, magic: bytes) -> None:
    root = recorded_bundle(tmp_path / "spool", RECORDED)
    out = tmp_path / image_format
    code, _, err = run_cli(
        [
            "export",
            str(root),
            "--format",
            "osworld",
            "--out",
            str(out),
            "--image-format",
            image_format,
            "--no-progress",
        ]
    )
    assert code == 0, err
    files = list((out / "screenshots").iterdir())
    assert files and all(f.suffix == suffix and f.read_bytes().startswith(magic) for f in files)
    if image_format == "webp":  # the stored frames are WebP already: copied, never re-encoded
        stored = {p.read_bytes() for p in (root / "frames").iterdir()}
        assert {f.read_bytes() for f in files} <= stored
    code, _, err = run_cli(
        ["export", str(root), "--format", "osworld", "--out", str(out), "--image-format", "gif"]
    )
    assert code == 2 and "gif" in err


def test_osworld_drag_keeps_its_button_and_waits_show_time(tmp_path: Path) -> None:
    root = recorded_bundle(tmp_path / "spool", RECORDED)
    out = tmp_path / "osworld"
    run_export(root, "osworld", out, config=PipelineConfig(wait_gap=1.9), progress=False)
    eps = _lines(out / "osworld.jsonl")
    kinds = [(e["action"]["action_type"], e["action"]["parameters"].get("button")) for e in eps[1]["steps"]]
    assert kinds[-5:] == [
        ("MOVE_TO", None),
        ("MOUSE_DOWN", "right"),
        ("MOVE_TO", None),
        ("MOUSE_UP", "right"),
        ("DONE", None),
    ]
    waits = [e for ep in eps for e in ep["steps"] if "seconds" in e]
    assert waits and all(w["action"]["action_type"] == "WAIT" and w["seconds"] > 1.9 for w in waits)
    assert all(w["screenshot"] for w in waits)
    assert [e["index"] for e in eps[1]["steps"]] == list(range(len(eps[1]["steps"])))


def test_drafted_instruction_names_apps_and_targets() -> None:
    calc = {"app": "xcalc"}
    web = {"app": "chromium", "url": "http://demo.localhost:8000/"}

    def click(i: int, ctx: dict[str, Any], name: str, role: str = "button") -> Step:
        return Step(i, i, {"type": "click", "x": 1, "y": 1}, context=ctx, target={"role": role, "name": name})

    steps = [
        click(0, calc, "7"),
        click(1, calc, "+"),
        click(2, calc, "8"),
        click(3, calc, "="),
        Step(4, 4, {"type": "type", "text": "weather in lisbon"}, context=web),
        Step(5, 5, {"type": "key", "key": "enter"}, context=web),
        click(6, web, "Germany", role="option"),
        Step(7, 7, {"type": "secure_input", "field": "password"}, context=web),
    ]
    assert draft_instruction(steps) == (
        "In xcalc, click 7, +, 8 and =; then on demo.localhost, type 'weather in lisbon', press Enter, "
        "choose Germany and enter the password"
    )
    assert draft_instruction([]) == "Use the computer as shown"


def test_reviewer_edit_wins(tmp_path: Path) -> None:
    from demotrace.pipeline.episodes import split_episodes
    from demotrace.pipeline.model import Drops
    from demotrace.schema import SessionMeta

    meta = SessionMeta(
        id="S", task="given", extra={"reviewed_instructions": {"S-000": "Edited by a reviewer"}}
    )
    steps = [Step(i, i, {"type": "key", "key": "enter"}, context={"app": "a"}) for i in range(3)]
    (ep,) = split_episodes(steps, [], [], meta, PipelineConfig(), Drops())
    assert (ep.instruction, ep.instruction_source) == ("Edited by a reviewer", "reviewer")
    (ep,) = split_episodes(steps, [], [], SessionMeta(id="S", task="given"), PipelineConfig(), Drops())
    assert (ep.instruction, ep.instruction_source) == ("given", "person")
    imported = SessionMeta(id="S", task="from AgentNetTool", source="ducktrack")
    (ep,) = split_episodes(steps, [], [], imported, PipelineConfig(), Drops())
    assert ep.instruction_source == "import"


def test_recorder_secure_input_mark_becomes_a_marker_step(tmp_path: Path) -> None:
    from demotrace.bundle import BundleWriter

    from .builders import meta, png, step

    web = {"app": "chromium", "url": "http://demo.localhost/login"}
    w = BundleWriter(tmp_path, meta("01JDEMOTRACE00000000000SEC"), None)
    for n in range(4):
        w.write_blob(f"frames/{n}.webp", png((n * 50, 0, 0)))
    pw = step(
        0, 1.0, {"type": "click", "x": 10, "y": 10, "button": "left"}, web, "frames/0.webp", "frames/1.webp"
    )
    pw["target"] = {"source": "dom", "role": "textbox", "name": "Password", "selector": "#password"}
    w.add("step", pw)
    w.add("mark", {"what": "secure_input", "t": 1.5})  # what the recorder writes: never the keys
    w.add(
        "step",
        step(
            1,
            3.0,
            {"type": "click", "x": 20, "y": 20, "button": "left"},
            web,
            "frames/2.webp",
            "frames/3.webp",
        ),
    )
    w.close(stop_wall=1_700_000_010.0)
    out = tmp_path / "out"
    run_export(w.root, "native", out, progress=False)
    (ep,) = native_episodes(out)
    assert [s["action"]["type"] for s in ep["steps"]] == ["click", "secure_input", "click"]
    marker = ep["steps"][1]
    assert marker["action"] == {"type": "secure_input", "field": "password"}
    assert marker["observation"]["before"] == ep["steps"][0]["observation"]["after"]  # the field, focused
    assert marker["observation"]["after"] == ep["steps"][2]["observation"]["before"]
    assert marker["context"] == web
