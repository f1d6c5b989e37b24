"""Each export read by the consumer's own library: Hugging Face `datasets` for Parquet, the
`webdataset` package for shards."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from .readers import frame_number, native_episodes


def test_parquet_loads_with_datasets(
    exports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import datasets

    files = sorted(str(p) for p in (exports["parquet"] / "data").glob("*.parquet"))
    ds = datasets.load_dataset("parquet", data_files=files, split="train", cache_dir=str(tmp_path / "cache"))
    assert isinstance(ds.features["image"], datasets.Image)
    assert ds.features["index"].dtype == "int32"
    native = native_episodes(exports["native"])
    assert len(ds) == sum(len(e["steps"]) for e in native)
    rows = {(r["episode_id"], r["index"]): r for r in ds}
    recorded = next(e for e in native if e["steps"][0]["observation"]["before"])
    for s in recorded["steps"]:
        r = rows[(recorded["episode_id"], s["index"])]
        img = r["image"]
        assert img.size == (640, 400)  # decoded by datasets as a PIL image
        src = (exports["native"] / s["observation"]["before"]).read_bytes()
        assert img.convert("RGB").getpixel((0, 0)) == Image.open(io.BytesIO(src)).convert("RGB").getpixel(
            (0, 0)
        )
        assert json.loads(r["action"])["type"] == s["action"]["type"]
    imported = next(e for e in native if not e["steps"][0]["observation"]["before"])
    assert rows[(imported["episode_id"], 0)]["image"] is None


def test_shards_load_with_webdataset(exports: dict[str, Path]) -> None:
    import webdataset as wds

    shards = sorted(str(p) for p in (exports["webdataset"] / "shards").glob("*.tar"))
    assert len(shards) == 2
    samples = list(wds.WebDataset(shards, shardshuffle=False, empty_check=False).decode("pil"))
    native = native_episodes(exports["native"])
    assert len(samples) == sum(len(e["steps"]) for e in native)
    with_image = [s for s in samples if "jpg" in s]
    assert len(with_image) == 14
    for s in samples:
        assert "." not in s["__key__"]
        d = s["json"]
        assert d["action"]["type"] and s["__key__"].startswith(d["episode_id"].split("-")[0])
    # the images are the before frames, in step order
    first = [s for s in with_image if s["json"]["episode_id"].endswith("-000")]
    numbers = []
    for s in first:
        buf = io.BytesIO()
        s["jpg"].save(buf, format="PNG")
        numbers.append(frame_number(buf.getvalue()))
    assert numbers == [1, 2, 3, 4, 5, 6, 7]


# OSWorld's computer_13 action space (desktop_env/actions.py): action type → allowed parameters.
COMPUTER_13 = {
    "MOVE_TO": {"x", "y"},
    "CLICK": {"button", "x", "y", "num_clicks"},
    "MOUSE_DOWN": {"button"},
    "MOUSE_UP": {"button"},
    "RIGHT_CLICK": {"x", "y"},
    "DOUBLE_CLICK": {"x", "y"},
    "DRAG_TO": {"x", "y"},
    "SCROLL": {"dx", "dy"},
    "TYPING": {"text"},
    "PRESS": {"key"},
    "KEY_DOWN": {"key"},
    "KEY_UP": {"key"},
    "HOTKEY": {"keys"},
    "WAIT": set(),
    "FAIL": set(),
    "DONE": set(),
}
# The computer_20250124 tool's actions and their inputs.
COMPUTER_USE = {
    "screenshot": set(),
    "left_click": {"coordinate", "text"},
    "right_click": {"coordinate", "text"},
    "middle_click": {"coordinate", "text"},
    "double_click": {"coordinate", "text"},
    "triple_click": {"coordinate", "text"},
    "left_click_drag": {"start_coordinate", "coordinate"},
    "mouse_move": {"coordinate"},
    "scroll": {"coordinate", "scroll_direction", "scroll_amount", "text"},
    "type": {"text"},
    "key": {"text"},
    "wait": {"duration"},
}


def test_osworld_and_anthropic_stay_in_their_action_spaces(exports: dict[str, Path]) -> None:
    for line in (exports["osworld"] / "osworld.jsonl").read_text().splitlines():
        for e in json.loads(line)["steps"]:
            a = e["action"]
            assert set(a["parameters"]) <= COMPUTER_13[a["action_type"]], a
    for p in (exports["anthropic"] / "anthropic").glob("*.json"):
        for m in json.loads(p.read_text())["messages"]:
            for c in m["content"]:
                if c["type"] == "tool_use":
                    inp = dict(c["input"])
                    assert set(inp) - {"action"} <= COMPUTER_USE[inp["action"]], inp


def test_after_frames_decode_in_datasets_and_webdataset(
    exports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets
    import webdataset as wds

    files = sorted(str(p) for p in (exports["parquet"] / "data").glob("*.parquet"))
    ds = datasets.load_dataset("parquet", data_files=files, split="train", cache_dir=str(tmp_path / "c"))
    assert isinstance(ds.features["after_image"], datasets.Image)
    afters = [r["after_image"] for r in ds if r["after_image"] is not None]
    assert len(afters) == 14 and all(im.size == (640, 400) for im in afters)
    shards = sorted(str(p) for p in (exports["webdataset"] / "shards").glob("*.tar"))
    samples = list(wds.WebDataset(shards, shardshuffle=False, empty_check=False).decode("pil"))
    with_after = [s for s in samples if "after.jpg" in s]
    assert len(with_after) == 14 and all(s["after.jpg"].size == (640, 400) for s in with_after)
