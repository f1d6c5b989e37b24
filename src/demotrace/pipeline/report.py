"""The dataset report: `report.json` (the numbers) and `report.html` (the same as charts, inline
SVG, no scripts, no network) beside every export."""

from __future__ import annotations

import html
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

BAR_W = 420


def aggregate(sessions: list[dict[str, Any]], failed: list[tuple[str, str]]) -> dict[str, Any]:
    per_place_eps: Counter[str] = Counter()
    per_place_sec: dict[str, float] = {}
    per_place_act: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    step_counts: list[int] = []
    drops_steps: Counter[str] = Counter()
    drops_eps: Counter[str] = Counter()
    idle = 0.0
    idle_gaps = 0
    recorded = 0.0
    no_images: list[str] = []
    problems: list[dict[str, str]] = []
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
            place = ep.get("app") or "(unknown)"
            per_place_eps[place] += 1
            per_place_sec[place] = per_place_sec.get(place, 0.0) + float(ep.get("duration", 0.0))
            per_place_act[place] += int(ep["steps"])
            per_type.update(ep.get("actions", {}))
            step_counts.append(int(ep["steps"]))
    return {
        "sessions": len(sessions),
        "failed_sessions": [{"session": s, "error": e} for s, e in failed],
        "recorded_hours": round(recorded / 3600, 4),
        "episodes": sum(per_place_eps.values()),
        "steps": sum(step_counts),
        "episode_hours": round(sum(per_place_sec.values()) / 3600, 4),
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
        "dropped_steps": dict(sorted(drops_steps.items())),
        "dropped_episodes": dict(sorted(drops_eps.items())),
        "idle_seconds_cut": round(idle, 3),
        "idle_gaps_cut": idle_gaps,
        "sessions_without_images": no_images,
        "problems": problems,
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
    _write(path, render_html(agg).encode())
    return path


def render_html(agg: dict[str, Any]) -> str:
    e = html.escape
    by_place = agg["by_place"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>demotrace dataset report</title>",
        "<style>body{font:14px sans-serif;margin:2em;max-width:60em}h2{margin-top:1.6em}"
        "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}"
        ".warn{color:#a40}</style></head><body>",
        f"<h1>Dataset report ({e(agg['format'])})</h1>",
        "<table>",
        *(
            f"<tr><th>{e(k)}</th><td>{e(str(agg[k]))}</td></tr>"
            for k in (
                "sessions",
                "recorded_hours",
                "episodes",
                "episode_hours",
                "steps",
                "idle_gaps_cut",
                "idle_seconds_cut",
            )
        ),
        "</table>",
    ]
    if agg["failed_sessions"]:
        parts.append("<h2 class='warn'>Sessions that could not be exported</h2><ul>")
        parts += [f"<li>{e(f['session'])}: {e(f['error'])}</li>" for f in agg["failed_sessions"]]
        parts.append("</ul>")
    if agg["sessions_without_images"]:
        parts.append(
            "<p class='warn'>Sessions without any observation image (imported without video): "
            f"{e(', '.join(agg['sessions_without_images']))}. Their steps carry no screenshots.</p>"
        )
    charts: list[tuple[str, dict[str, Any], str]] = [
        ("Episodes per app/site", {p: v["episodes"] for p, v in by_place.items()}, "{:g}"),
        ("Hours per app/site", {p: v["hours"] for p, v in by_place.items()}, "{:.3f}"),
        ("Actions per app/site", {p: v["actions"] for p, v in by_place.items()}, "{:g}"),
        ("Actions per type", agg["by_action_type"], "{:g}"),
        ("Steps per episode", agg["steps_per_episode"], "{:g}"),
        ("Dropped steps by reason", agg["dropped_steps"], "{:g}"),
        ("Dropped episodes by reason", agg["dropped_episodes"], "{:g}"),
    ]
    for title, data, fmt in charts:  # data: label -> number
        parts.append(f"<h2>{e(title)}</h2>")
        parts.append(bar_chart(data, fmt) if data else "<p>none</p>")
    if agg["problems"]:
        parts.append("<h2 class='warn'>Problems found while reading</h2><ul>")
        parts += [f"<li>{e(p['session'])}: {e(p['problem'])}</li>" for p in agg["problems"]]
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def bar_chart(data: dict[str, Any], fmt: str = "{:g}") -> str:
    """A horizontal bar chart as inline SVG."""
    rows = list(data.items())
    top = max((float(v) for _, v in rows), default=0.0) or 1.0
    h = 22
    label_w = 180
    svg = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + BAR_W + 80}' "
        f"height='{h * len(rows) + 4}' role='img'>"
    ]
    for i, (label, value) in enumerate(rows):
        y = i * h + 2
        w = round(BAR_W * float(value) / top)
        svg.append(
            f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end' font-size='12'>"
            f"{html.escape(label[:28])}</text>"
            f"<rect x='{label_w}' y='{y + 3}' width='{w}' height='{h - 6}' fill='#4a7bd0'/>"
            f"<text x='{label_w + w + 4}' y='{y + 15}' font-size='12'>{html.escape(fmt.format(value))}</text>"
        )
    svg.append("</svg>")
    return "".join(svg)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
