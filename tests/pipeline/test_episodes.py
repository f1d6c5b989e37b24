"""Episode splitting and quality filters, on steps built in the test."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from demotrace.pipeline import Drops, PipelineConfig, split_episodes
from demotrace.pipeline.filters import is_empty, is_malformed, off_screen
from demotrace.schema import Monitor, SessionMeta, Step

META = SessionMeta(id="S", monitors=[Monitor(0, 0, 100, 100), Monitor(100, 0, 50, 50)], task="meta task")


def _steps(*spec: tuple[float, str]) -> list[Step]:
    """(t, app) pairs → click steps."""
    return [
        Step(i, t, {"type": "click", "x": i, "y": 1}, context={"app": app}) for i, (t, app) in enumerate(spec)
    ]


def _split(
    steps: list[Step], marks: list[dict[str, Any]] | None = None, **cfg: Any
) -> tuple[list[list[float]], Drops]:
    drops = Drops()
    config = PipelineConfig(**{"min_steps": 1, **cfg})
    eps = split_episodes(steps, marks or [], [], META, config, drops)
    for ep in eps:
        assert [s.index for s in ep.steps] == list(range(len(ep.steps)))
    return [[s.t for s in ep.steps] for ep in eps], drops


def test_idle_gap_splits_and_is_counted() -> None:
    got, drops = _split(_steps((0, "a"), (1, "a"), (200, "a"), (201, "a")), idle_gap=120)
    assert got == [[0, 1], [200, 201]]
    assert drops.idle_seconds == 199 and drops.idle_gaps == 1


def test_quick_app_switch_stays_slow_one_splits() -> None:
    got, _ = _split(_steps((0, "a"), (2, "b"), (4, "a"), (30, "b"), (31, "b")), switch_gap=10)
    assert got == [[0, 2, 4], [30, 31]]


def test_site_switch_uses_the_url_host() -> None:
    steps = [
        Step(
            0, 0, {"type": "click", "x": 1, "y": 1}, context={"app": "chromium", "url": "https://a.example/x"}
        ),
        Step(
            1,
            20,
            {"type": "click", "x": 1, "y": 1},
            context={"app": "chromium", "url": "https://a.example/y"},
        ),
        Step(
            2, 40, {"type": "click", "x": 1, "y": 1}, context={"app": "chromium", "url": "https://b.example/"}
        ),
    ]
    got, _ = _split(steps, switch_gap=10)
    assert got == [[0, 20], [40]]


def test_max_steps_and_duration() -> None:
    got, _ = _split(_steps(*[(float(i), "a") for i in range(7)]), max_steps=3)
    assert got == [[0, 1, 2], [3, 4, 5], [6]]
    got, _ = _split(_steps(*[(i * 10.0, "a") for i in range(5)]), max_duration=25)
    assert got == [[0, 10, 20], [30, 40]]


def test_marks_set_instructions_and_end_tasks() -> None:
    marks = [
        {"kind": "mark", "what": "instruction", "text": "first", "t": 0.5},
        {"kind": "mark", "what": "task_done", "t": 2.5},
        {"kind": "mark", "what": "pause", "t": 3.5},
        {"kind": "mark", "what": "instruction", "text": "second", "t": 4.5},
    ]
    drops = Drops()
    eps = split_episodes(
        _steps((0, "a"), (1, "a"), (2, "a"), (3, "a"), (4, "a"), (5, "a"), (6, "a")),
        marks,
        [],
        META,
        PipelineConfig(min_steps=1),
        drops,
    )
    assert [[s.t for s in e.steps] for e in eps] == [[0], [1, 2], [3, 4], [5, 6]]
    assert [e.instruction for e in eps] == ["meta task", "first", "meta task", "second"]
    assert [e.episode_id for e in eps] == ["S-000", "S-001", "S-002", "S-003"]


def test_short_episodes_are_dropped_and_counted() -> None:
    got, drops = _split(_steps((0, "a"), (200, "a"), (201, "a"), (202, "a")), min_steps=2)
    assert got == [[200, 201, 202]]
    assert drops.episodes == {"short_episode": 1} and drops.steps == {"short_episode": 1}


def test_missing_data_splits() -> None:
    drops = Drops()
    eps = split_episodes(
        _steps((0, "a"), (1, "a"), (2, "a")), [], [1.0], META, PipelineConfig(min_steps=1), drops
    )
    assert [[s.t for s in e.steps] for e in eps] == [[0, 1], [2]]


def test_filters() -> None:
    assert is_empty({"type": "type", "text": ""}) and not is_empty({"type": "type", "text": " "})
    assert is_empty({"type": "scroll", "x": 1, "y": 1, "dx": 0, "dy": 0})
    assert is_empty({"type": "drag", "x": 1, "y": 1, "to_x": 1, "to_y": 1})
    assert is_empty({"type": "hotkey", "keys": []})
    assert not off_screen({"type": "click", "x": 120, "y": 40}, META)  # on the second monitor
    assert off_screen({"type": "click", "x": 120, "y": 60}, META)  # below the second monitor
    assert off_screen({"type": "drag", "x": 1, "y": 1, "to_x": -1, "to_y": 5}, META)
    assert not off_screen({"type": "type", "text": "x"}, META)
    assert is_malformed({"type": "teleport"}) and is_malformed({"type": "click", "x": 1})
    assert is_malformed({"type": "drag", "x": 1, "y": 1, "to_x": "a", "to_y": 2})
    assert is_malformed({"type": "hotkey", "keys": ["ctrl", 3]}) and is_malformed(
        {"type": "scroll", "x": 1, "y": 1, "dy": 0.5}
    )
    assert not is_malformed({"type": "type", "text": None}) and not is_malformed(
        {"type": "key", "key": "tab"}
    )
    assert not is_malformed({"type": "click", "x": 1, "y": 2, "button": "left", "modifiers": ["ctrl"]})


@given(
    st.lists(
        st.tuples(st.floats(0, 10_000, allow_nan=False), st.sampled_from(["a", "b", "c"])),
        min_size=0,
        max_size=60,
    ),
    st.integers(1, 5),
)
def test_every_kept_step_lands_in_exactly_one_episode_in_order(
    spec: list[tuple[float, str]], min_steps: int
) -> None:
    spec.sort()
    steps = _steps(*spec)
    drops = Drops()
    eps = split_episodes(steps, [], [], META, PipelineConfig(min_steps=min_steps, max_steps=7), drops)
    flat = [s.t for e in eps for s in e.steps]
    assert flat == sorted(flat)
    assert len(flat) + drops.steps["short_episode"] == len(steps)
    assert all(min_steps <= len(e.steps) <= 7 for e in eps)
