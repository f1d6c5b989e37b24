"""Round trip: native → each format → back to DESIGN actions keeps every action and coordinate
(±1 screen px after normalisation), on a recorded bundle (frames at 0.5 scale) and the DuckTrack
import (no frames)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from .readers import (
    agentnet_entry,
    anthropic_calls,
    anthropic_expected,
    canonical,
    from_frame_px,
    native_episodes,
    osworld_action,
    parquet_rows,
    tar_samples,
    to_screen,
)

COORDS = ("x", "y", "to_x", "to_y")
AGENTNET_VALUE = {
    "observation",
    "thought",
    "action",
    "code",
    "reflection",
    "last_step_correct",
    "last_step_redundant",
}


def _same(got: dict[str, Any], want: dict[str, Any]) -> None:
    got, want = canonical(got), canonical(want)
    assert set(got) == set(want), (got, want)
    for k, v in want.items():
        if k in COORDS:
            assert abs(got[k] - v) <= 1, (k, got, want)
        else:
            assert got[k] == v, (k, got, want)


def _native(exports: dict[str, Path]) -> list[dict[str, Any]]:
    eps = native_episodes(exports["native"])
    assert len(eps) == 3 and sum(len(e["steps"]) for e in eps) > 40
    return eps


def test_agentnet_round_trip(exports: dict[str, Path]) -> None:
    native = _native(exports)
    lines = [json.loads(x) for x in (exports["agentnet"] / "agentnet.jsonl").read_text().splitlines()]
    assert [x["task_id"] for x in lines] == [e["episode_id"] for e in native]
    for ep, line in zip(native, lines, strict=True):
        assert line["instruction"] == ep["instruction"]
        traj = line["traj"]
        assert [t["index"] for t in traj] == list(range(len(ep["steps"]) + 1))
        assert traj[-1]["value"]["code"] == "computer.terminate(status='success')"
        for s, t in zip(ep["steps"], traj, strict=False):
            _same(agentnet_entry(t, s["observation"]), s["action"])  # type: ignore[arg-type]
            assert set(t["value"]) >= AGENTNET_VALUE  # OpenCUA's per-step fields, even when empty


def test_osworld_round_trip(exports: dict[str, Path]) -> None:
    native = _native(exports)
    lines = [json.loads(x) for x in (exports["osworld"] / "osworld.jsonl").read_text().splitlines()]
    for ep, line in zip(native, lines, strict=True):
        assert [e["index"] for e in line["steps"]] == list(range(len(line["steps"])))  # unique
        groups: dict[int | None, list[dict[str, Any]]] = {}
        for e in line["steps"]:
            groups.setdefault(e["step"], []).append(e)
        assert sorted(k for k in groups if k is not None) == list(range(len(ep["steps"])))
        assert groups[None][0]["action"] == {"action_type": "DONE", "parameters": {}}
        for s in ep["steps"]:
            _same(osworld_action(groups[s["index"]], s["observation"]), s["action"])


def test_anthropic_round_trip(exports: dict[str, Path]) -> None:
    native = _native(exports)
    for ep in native:
        doc = json.loads((exports["anthropic"] / "anthropic" / f"{ep['episode_id']}.json").read_text())
        calls = anthropic_calls(doc)
        want: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for s in ep["steps"]:
            want += [(c, s["observation"]) for c in anthropic_expected(s["action"])]
        assert len(calls) == len(want)
        for got, (exp, obs) in zip(calls, want, strict=True):
            assert set(got) == set(exp), (got, exp)
            for k, v in exp.items():
                if k in ("coordinate", "start_coordinate"):
                    sx, sy = to_screen(obs, *got[k])
                    assert abs(sx - v[0]) <= 1 and abs(sy - v[1]) <= 1, (got, exp)
                else:
                    assert got[k] == v, (got, exp)


def test_parquet_round_trip(exports: dict[str, Path]) -> None:
    native = _native(exports)
    rows = parquet_rows(exports["parquet"])
    by_key = {(r["episode_id"], r["index"]): r for r in rows}
    assert len(rows) == sum(len(e["steps"]) for e in native)
    for ep in native:
        for s in ep["steps"]:
            r = by_key[(ep["episode_id"], s["index"])]
            assert r["instruction"] == ep["instruction"]
            obs = json.loads(r["observation"])
            _same(from_frame_px(json.loads(r["action"]), obs), s["action"])
            assert json.loads(r["context"]) == s["context"]


def test_webdataset_round_trip(exports: dict[str, Path]) -> None:
    native = _native(exports)
    samples = tar_samples(exports["webdataset"])
    assert len(samples) == sum(len(e["steps"]) for e in native)
    by_key = {}
    for smp in samples:
        d = json.loads(smp["json"])
        assert "." not in smp["__key__"]
        by_key[(d["episode_id"], d["index"])] = (smp, d)
    for ep in native:
        for s in ep["steps"]:
            smp, d = by_key[(ep["episode_id"], s["index"])]
            _same(from_frame_px(d["action"], d["observation"]), s["action"])
            assert ("jpg" in smp) == (s["observation"]["before"] is not None)


def test_anthropic_transcripts_are_well_formed(exports: dict[str, Path]) -> None:
    import base64
    import io

    from PIL import Image

    for p in sorted((exports["anthropic"] / "anthropic").glob("*.json")):
        doc = json.loads(p.read_text())
        assert set(doc) == {"tools", "messages"}
        task, env = doc["messages"][0]["content"]  # the instruction, then the environment
        assert task["type"] == env["type"] == "text" and "screen" in env["text"]
        (tool,) = doc["tools"]
        assert tool["name"] == "computer" and tool["type"].startswith("computer_")
        msgs = doc["messages"]
        assert msgs[0]["role"] == "user" and msgs[-1]["role"] == "assistant"
        roles = [m["role"] for m in msgs]
        assert all(a != b for a, b in itertools.pairwise(roles))  # strictly alternating
        for call, answer in zip(msgs[1:-1:2], msgs[2:-1:2], strict=True):
            *notes, use = call["content"]
            assert all(n["type"] == "text" for n in notes)
            (res,) = answer["content"]
            assert use["type"] == "tool_use" and res["type"] == "tool_result"
            assert res["tool_use_id"] == use["id"]
            for part in res["content"]:
                if part["type"] == "image":
                    img = Image.open(io.BytesIO(base64.b64decode(part["source"]["data"])))
                    assert img.size == (tool["display_width_px"], tool["display_height_px"])
                    assert part["source"]["media_type"] == f"image/{img.format.lower()}"
