"""`demotrace import ducktrack`: the shared fixture, a task name, a recording with video."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from demotrace.bundle import BundleReader
from demotrace.pipeline import run_export

from .builders import color_of, run_cli, write_video
from .conftest import FORMATS
from .readers import native_episodes

# What a careful person watching the recording writes down (screen 1512x982 points), checked
# by hand against events.jsonl: (step index, AgentNet code).
HAND_CHECKED = [
    # the address bar at (1319.1, 65.1): 1319/1512 = 0.8724, 65/982 = 0.0662
    (0, "pyautogui.click(x=0.8724, y=0.0662)"),
    (1, "pyautogui.write(message='wikipedia')"),
    (2, "pyautogui.press(keys=['enter'])"),
    (4, "pyautogui.write(message='transformer model')"),
    # 13 wheel ticks towards the end of the article at (612.6, 635.5) (pynput dy = -1 each)
    (6, "pyautogui.moveTo(x=0.4054, y=0.6466)\npyautogui.scroll(-13)"),
    # two bursts of 8 ticks 0.36 s apart, 88 px apart (490.x, 642.x → 419, 589): one scroll of 16
    (11, "pyautogui.moveTo(x=0.3241, y=0.6538)\npyautogui.scroll(-16)"),
    # press at (363.3, 359.8), release at (564.0, 403.2): selecting a sentence
    (12, "pyautogui.moveTo(x=0.2401, y=0.3666)\npyautogui.dragTo(x=0.373, y=0.4104, button='left')"),
    # three presses at (457.0, 398.2) within 0.2 s, selecting the paragraph: 457/1512 = 0.302249
    (15, "pyautogui.tripleClick(x=0.3022, y=0.4053)"),
    (33, "pyautogui.click(x=0.7798, y=0.0509)"),
    (34, "computer.terminate(status='success')"),
]


@pytest.fixture()
def raw(tmp_path: Path, shared_dir: Path) -> Path:
    d = tmp_path / "raw"
    shutil.copytree(shared_dir / "fixtures" / "ducktrack", d)
    return d


def test_import_cli_then_agentnet_by_hand(raw: Path, tmp_path: Path) -> None:
    code, stdout, err = run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b"), "--json"])
    assert code == 0, err
    assert "no video" in err
    info = json.loads(stdout)
    assert info["events"] == 13401 and info["steps"] == 34 and info["video"] is False
    reader = BundleReader(Path(info["bundle"]))
    scrolls = [s.action for s in reader.steps() if s.action["type"] == "scroll"]
    assert len(scrolls) == 11 and sum(a["dy"] for a in scrolls) == 140  # every tick kept, merged
    assert reader.meta.source == "ducktrack" and reader.meta.monitors[0].width == 1512
    out = tmp_path / "agentnet"
    code, _, err = run_cli(["export", str(tmp_path / "b"), "--format", "agentnet", "--out", str(out)])
    assert code == 0, err
    assert "export agentnet: 100%" in err  # the progress bar, on stderr
    (line,) = (out / "agentnet.jsonl").read_text().splitlines()
    traj = json.loads(line)["traj"]
    assert len(traj) == 35
    for i, want in HAND_CHECKED:
        assert traj[i]["index"] == i
        assert traj[i]["value"]["code"] == want, i
        assert traj[i]["image"] is None  # no video: no images
    assert "without any observation image" in (out / "report.html").read_text()


def test_reimport_is_deterministic_and_replaces(raw: Path, tmp_path: Path) -> None:
    a = run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b"), "--json"])
    b = run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b"), "--json"])
    assert json.loads(a[1])["session_id"] == json.loads(b[1])["session_id"]
    assert len(list((tmp_path / "b").iterdir())) == 1
    assert len(BundleReader(Path(json.loads(b[1])["bundle"])).steps()) == 34


def test_task_name_becomes_the_instruction(raw: Path, tmp_path: Path) -> None:
    (raw / "task_name.json").write_text(json.dumps({"task_name": "Find the Transformer article"}))
    run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b")])
    run_export(tmp_path / "b", "native", tmp_path / "n", progress=False)
    (ep,) = native_episodes(tmp_path / "n")
    assert ep["instruction"] == "Find the Transformer article"


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: (d / "metadata.json").unlink(), "missing metadata.json"),
        (lambda d: (d / "events.jsonl").write_text('{"action": "move"}\n'), "numeric time_stamp"),
        (lambda d: (d / "metadata.json").write_text("{}"), "screen_width"),
    ],
)
def test_bad_recordings_are_usage_errors(raw: Path, tmp_path: Path, change, needle: str) -> None:  # type: ignore[no-untyped-def]
    change(raw)
    code, _, err = run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b")])
    assert code == 2 and needle in err


def test_fixture_exports_to_every_format(exports: dict[str, Path]) -> None:
    """The session-wide spool holds the DuckTrack import; every format carries its 34 steps."""
    for fmt in FORMATS:
        summary = json.loads((exports[fmt] / "report.json").read_text())
        assert summary["sessions"] == 2 and summary["steps"] == 34 + 14, fmt


def test_video_recording_gets_aligned_observations(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    md = {
        "system": "Linux",
        "screen_width": 640,
        "screen_height": 400,
        "scroll_direction": 1,
        "start_time": "2024-01-02 03:04:05",
        "obs_record_state_timings": {"OBS_WEBSOCKET_OUTPUT_STARTED": [1000.0]},
    }
    (raw / "metadata.json").write_text(json.dumps(md))
    ev = [
        {"time_stamp": 1000.2, "action": "move", "x": 100.0, "y": 100.0},
        {"time_stamp": 1001.5, "action": "click", "x": 100.0, "y": 100.0, "button": "left", "pressed": True},
        {
            "time_stamp": 1001.55,
            "action": "click",
            "x": 100.0,
            "y": 100.0,
            "button": "left",
            "pressed": False,
        },
        {"time_stamp": 1004.5, "action": "press", "name": "a"},
        {"time_stamp": 1004.55, "action": "release", "name": "a"},
    ]
    (raw / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in ev))
    # screen: A until 2 s, B from 2 s (the click's effect) to 5 s, C from 5 s (the typed key's)
    write_video(raw / "screen.mp4", "AABBBC")
    code, stdout, err = run_cli(["import", "ducktrack", str(raw), "--out", str(tmp_path / "b"), "--json"])
    assert code == 0, err
    assert json.loads(stdout)["video"] is True
    out = tmp_path / "n"
    run_export(tmp_path / "b", "native", out, progress=False)
    (ep,) = native_episodes(out)
    click, key = ep["steps"]
    assert click["action"] == {"type": "click", "x": 100, "y": 100, "button": "left"}
    assert key["action"] == {"type": "type", "text": "a"}
    seen = [
        color_of((out / s["observation"][w]).read_bytes()) for s in (click, key) for w in ("before", "after")
    ]
    assert seen == ["A", "B", "B", "C"]
    obs = click["observation"]
    assert (obs["width"], obs["height"], obs["scale"]) == (320, 200, 0.5)
    run_export(tmp_path / "b", "agentnet", tmp_path / "a", progress=False)
    traj = json.loads((tmp_path / "a" / "agentnet.jsonl").read_text())["traj"]
    assert traj[0]["value"]["code"] == "pyautogui.click(x=0.1562, y=0.25)"
    assert traj[0]["image"] is not None
