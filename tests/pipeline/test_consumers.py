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
