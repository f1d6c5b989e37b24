"""Cutting a session's steps into episodes (one task each).

A new episode starts:
1. at an `instruction` mark (the person gave a task: `{"kind": "mark", "what": "instruction",
   "text": …}`); the instruction holds until a `task_done` mark;
2. after a `task_done` mark (the "task done" hotkey);
3. after an idle gap longer than `idle_gap` (the idle time is cut out and counted);
4. at a switch to another app/site after a pause of at least `switch_gap` (a quick switch, such as
   alt-tab to copy something, stays inside the task);
5. when the episode reaches `max_steps` or `max_duration`;
6. across missing data (an unreadable chunk).

The instruction is a reviewer's edit (`SessionMeta.extra["reviewed_instructions"]`, episode id →
text, written by the service's review queue), else the active `instruction` mark's text (source
`person`), else the session's `task` (`import` for an imported recording, `person` for one of
ours), else a draft from the steps (`drafted`, instructions.py). Episodes with fewer than
`min_steps` steps are dropped (`short_episode`).
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

from ..schema import SessionMeta, Step
from .config import PipelineConfig
from .instructions import draft_instruction
from .model import Drops, Episode, step_place


def split_episodes(
    steps: list[Step],
    marks: list[dict[str, Any]],
    gaps: list[float],
    meta: SessionMeta,
    config: PipelineConfig,
    drops: Drops,
) -> list[Episode]:
    events = _mark_times(marks)
    groups: list[tuple[list[Step], str | None, str | None]] = []
    current: list[Step] = []
    instruction: str | None = None
    mark_i = 0
    current_instruction: str | None = None
    current_source: str | None = None
    task_source = "person" if meta.source == "demotrace" else "import"
    for s in steps:
        boundary = False
        # marks that happened before this step
        while mark_i < len(events) and events[mark_i][0] <= s.t:
            _, what, text = events[mark_i]
            mark_i += 1
            if what == "instruction":
                instruction = text
                boundary = True
            elif what == "task_done":
                instruction = None
                boundary = True
        if current:
            prev = current[-1]
            gap = s.t - prev.t
            if gap > config.idle_gap:
                drops.idle_seconds += gap
                drops.idle_gaps += 1
                boundary = True
            elif (
                (step_place(s) != step_place(prev) and gap >= config.switch_gap)
                or len(current) >= config.max_steps
                or s.t - current[0].t > config.max_duration
                or _gap_between(gaps, prev.t, s.t)
            ):
                boundary = True
        if boundary and current:
            groups.append((current, current_instruction, current_source))
            current = []
        if not current:
            current_instruction, current_source = (instruction, "person")
            if instruction is None:
                current_instruction, current_source = (meta.task, task_source if meta.task else None)
        current.append(s)
    if current:
        groups.append((current, current_instruction, current_source))
    reviewed = meta.extra.get("reviewed_instructions") if isinstance(meta.extra, dict) else None

    episodes: list[Episode] = []
    for group, instr, source in groups:
        if len(group) < config.min_steps:
            drops.episodes["short_episode"] += 1
            drops.steps["short_episode"] += len(group)
            continue
        n = len(episodes)
        renumbered = [dataclasses.replace(st, index=i) for i, st in enumerate(group)]
        ep_id = f"{meta.id}-{n:03d}"
        edit = reviewed.get(ep_id) if isinstance(reviewed, dict) else None
        if isinstance(edit, str) and edit.strip():
            instr, source = edit.strip(), "reviewer"
        elif not instr:
            instr, source = draft_instruction(renumbered), "drafted"
        episodes.append(Episode(ep_id, meta.id, n, renumbered, instr, meta.os, source))
    return episodes


def _mark_times(marks: list[dict[str, Any]]) -> list[tuple[float, str, str | None]]:
    out: list[tuple[float, str, str | None]] = []
    for m in marks:
        what = m.get("what")
        if what not in ("instruction", "task_done"):
            continue
        try:
            t = float(m.get("t", 0.0))
        except (TypeError, ValueError):
            continue
        text = m.get("text")
        out.append((t, str(what), str(text).strip() if isinstance(text, str) and text.strip() else None))
    out.sort(key=lambda e: e[0])
    return out


def _gap_between(gaps: list[float], a: float, b: float) -> bool:
    """Is there missing data after `a` and before `b` (a gap recorded at time g, a <= g < b)?"""
    i = bisect.bisect_left(gaps, a)
    return i < len(gaps) and gaps[i] < b
