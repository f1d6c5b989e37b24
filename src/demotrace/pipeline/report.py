"""The dataset report: `report.json` (the numbers) and `report.html` (the same as charts and a
strip of frames per episode, inline SVG, no scripts, no network) beside every export.

Counts per app/site come from the steps (an episode that touches a terminal and a web site counts
for both, each with its own actions); instruction coverage by source; target coverage of pointer
actions; redactions by kind (text, pixels, dropped keys = secure-input markers); no-ops (a click or
key whose before and after frames are the same image) and quick repeats; the frame-alignment
self-check (steps whose after frame is missing because the next action came too soon)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from .report_html import render_html


def aggregate(sessions: list[dict[str, Any]], failed: list[tuple[str, str]]) -> dict[str, Any]:
    per_place_eps: Counter[str] = Counter()
    per_place_sec: Counter[str] = Counter()
    per_place_act: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    quality: Counter[str] = Counter()
    redactions: Counter[str] = Counter()
    redaction_kinds: Counter[str] = Counter()
    step_counts: list[int] = []
    durations: list[float] = []
    drops_steps: Counter[str] = Counter()
    drops_eps: Counter[str] = Counter()
    idle = 0.0
    idle_gaps = 0
    recorded = 0.0
    no_images: list[str] = []
    problems: list[dict[str, str]] = []
    episodes: list[dict[str, Any]] = []
    for st in sessions:
        recorded += float(st.get("recorded_seconds", 0.0))
        if not st.get("has_images", True):
            no_images.append(st["session_id"])
        problems += [{"session": st["session_id"], "problem": p} for p in st.get("problems", [])]
        d = st.get("drops", {})
        drops_steps.update(d.get("steps", {}))
        drops_eps.update(d.get("episodes", {}))
        idle += float(d.get("idle_seconds", 0.0))
        idle_gaps += int(d.get("idle_gaps", 0))
        for ep in st["episodes"]:
            q = ep.get("quality") or {}
            places = q.get("places") or {ep.get("app") or "(unknown)": int(ep["steps"])}
            per_place_eps.update(set(places))
            per_place_act.update(places)
            per_place_sec.update(q.get("place_seconds") or {})
            per_type.update(ep.get("actions", {}))
            step_counts.append(int(ep["steps"]))
            durations.append(float(ep.get("duration", 0.0)))
            sources[ep.get("instruction_source") or "none"] += 1 if ep.get("instruction") else 0
            sources["none"] += 0 if ep.get("instruction") else 1
            for k in ("pointer_steps", "with_target", "with_before", "after_missing"):
                quality[k] += int(q.get(k, 0))
            quality["no_ops"] += len(q.get("no_ops", []))
            quality["repeats"] += len(q.get("repeats", []))
            redactions.update(q.get("redactions") or {})
            redaction_kinds.update(q.get("redaction_kinds") or {})
            episodes.append({k: v for k, v in ep.items() if k != "strip"})
    return {
        "sessions": len(sessions),
        "failed_sessions": [{"session": s, "error": e} for s, e in failed],
        "recorded_hours": round(recorded / 3600, 4),
        "episodes": len(step_counts),
        "steps": sum(step_counts),
        "episode_hours": round(sum(durations) / 3600, 4),
        "by_place": {
            p: {
                "episodes": per_place_eps[p],
                "hours": round(per_place_sec[p] / 3600, 4),
                "actions": per_place_act[p],
            }
            for p in sorted(per_place_eps)
        },
        "by_action_type": dict(sorted(per_type.items())),
        "steps_per_episode": _histogram(step_counts),
        "instruction_sources": {k: v for k, v in sorted(sources.items()) if v},
        "targets": {"pointer_steps": quality["pointer_steps"], "with_target": quality["with_target"]},
        "redactions": dict(sorted(redactions.items())),
        "redaction_kinds": dict(sorted(redaction_kinds.items())),
        "no_ops": quality["no_ops"],
        "repeats": quality["repeats"],
        "alignment": {"steps_with_before": quality["with_before"], "after_missing": quality["after_missing"]},
        "dropped_steps": dict(sorted(drops_steps.items())),
        "dropped_episodes": dict(sorted(drops_eps.items())),
        "idle_seconds_cut": round(idle, 3),
        "idle_gaps_cut": idle_gaps,
        "sessions_without_images": no_images,
        "problems": problems,
        "episode_list": episodes,
    }


def _histogram(values: list[int]) -> dict[str, int]:
    edges = [1, 2, 5, 10, 20, 50, 100, 200, 500]
    out: dict[str, int] = {}
    for lo, hi in zip(edges, [*edges[1:], None], strict=True):
        label = f"{lo}-{hi - 1}" if hi else f"{lo}+"
        out[label] = sum(1 for v in values if v >= lo and (hi is None or v < hi))
    return out


def write_report(out: Path, fmt: str, sessions: list[dict[str, Any]], failed: list[tuple[str, str]]) -> Path:
    agg = aggregate(sessions, failed)
    agg["format"] = fmt
    _write(out / "report.json", json.dumps(agg, indent=1, sort_keys=True).encode())
    path = out / "report.html"
    strips = {ep["episode_id"]: ep.get("strip") or [] for st in sessions for ep in st["episodes"]}
    _write(path, render_html(agg, strips).encode())
    return path


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
