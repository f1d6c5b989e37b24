"""`report.html`: the report's numbers as tables and inline-SVG charts, and per episode a strip
of before/after thumbnails with the action drawn on them (click point, drag path, scroll arrow,
typed text, key chips). No scripts, no network: images are data URIs. Recorded text (typed text,
instructions, titles) is escaped, never markup."""

from __future__ import annotations

import html
from typing import Any

BAR_W = 420
MAX_STRIPS = 24
"""Episodes whose thumbnails the page shows (it stays a few MB however large the export)."""
e = html.escape


def render_html(agg: dict[str, Any], strips: dict[str, list[dict[str, Any]]]) -> str:
    by_place = agg["by_place"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>demotrace dataset report</title>",
        "<style>body{font:14px sans-serif;margin:2em;max-width:76em}h2{margin-top:1.6em}"
        "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;vertical-align:top}"
        ".warn{color:#a40}.strip{display:flex;flex-wrap:wrap;gap:6px}.step{font-size:11px}"
        ".ep{border-top:1px solid #ccc;margin-top:1em;padding-top:.5em}.src{color:#666}</style>"
        "</head><body>",
        f"<h1>Dataset report ({e(agg['format'])})</h1>",
        "<table>",
        *(
            f"<tr><th>{e(k.replace('_', ' '))}</th><td>{e(str(v))}</td></tr>"
            for k, v in _summary(agg).items()
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
        ("Actions per app/site (from the steps)", {p: v["actions"] for p, v in by_place.items()}, "{:g}"),
        (
            "Episodes per app/site (an episode counts for each it touches)",
            {p: v["episodes"] for p, v in by_place.items()},
            "{:g}",
        ),
        ("Hours per app/site", {p: v["hours"] for p, v in by_place.items()}, "{:.3f}"),
        ("Instructions by source", agg["instruction_sources"], "{:g}"),
        ("Redactions by kind", agg["redactions"], "{:g}"),
        ("Redacted entities", agg["redaction_kinds"], "{:g}"),
        ("Actions per type", agg["by_action_type"], "{:g}"),
        ("Steps per episode", agg["steps_per_episode"], "{:g}"),
        ("Dropped steps by reason", agg["dropped_steps"], "{:g}"),
        ("Dropped episodes by reason", agg["dropped_episodes"], "{:g}"),
    ]
    for title, data, fmt in charts:  # data: label -> number
        parts.append(f"<h2>{e(title)}</h2>")
        parts.append(bar_chart(data, fmt) if data else "<p>none</p>")
    parts.append("<h2>Episodes</h2>")
    shown = 0
    for ep in agg["episode_list"]:
        strip = strips.get(ep["episode_id"], []) if shown < MAX_STRIPS else []
        shown += 1 if strip else 0
        parts.append(_episode(ep, strip))
    if shown >= MAX_STRIPS:
        parts.append(f"<p>Frames are shown for the first {MAX_STRIPS} episodes only.</p>")
    if agg["problems"]:
        parts.append("<h2 class='warn'>Problems found while reading</h2><ul>")
        parts += [f"<li>{e(p['session'])}: {e(p['problem'])}</li>" for p in agg["problems"]]
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f} %)" if d else "n/a"


def _summary(agg: dict[str, Any]) -> dict[str, Any]:
    t, a = agg["targets"], agg["alignment"]
    with_instr = agg["episodes"] - agg["instruction_sources"].get("none", 0)
    return {
        "sessions": agg["sessions"],
        "recorded_hours": agg["recorded_hours"],
        "episodes": agg["episodes"],
        "episode_hours": agg["episode_hours"],
        "steps": agg["steps"],
        "instruction_coverage": _pct(with_instr, agg["episodes"]),
        "target_coverage (pointer actions)": _pct(t["with_target"], t["pointer_steps"]),
        "no-ops (same frame before and after)": agg["no_ops"],
        "quick repeats": agg["repeats"],
        "after frame missing (next action too soon)": _pct(a["after_missing"], a["steps_with_before"]),
        "idle_gaps_cut": agg["idle_gaps_cut"],
        "idle_seconds_cut": agg["idle_seconds_cut"],
    }


def _episode(ep: dict[str, Any], strip: list[dict[str, Any]]) -> str:
    q = ep.get("quality") or {}
    apps = ", ".join(f"{p} ×{n}" for p, n in (q.get("places") or {}).items())
    red = ", ".join(f"{k} {v}" for k, v in (q.get("redactions") or {}).items()) or "none"
    head = (
        f"<div class='ep'><b>{e(ep['episode_id'])}</b> — "
        f"{e(str(ep.get('instruction') or '(no instruction)'))} "
        f"<span class='src'>[{e(str(ep.get('instruction_source')))}]</span><br>"
        f"<small>{ep['steps']} steps, {ep.get('duration', 0)} s; apps/sites: {e(apps)}; targets "
        f"{_pct(int(q.get('with_target', 0)), int(q.get('pointer_steps', 0)))}; redactions: {e(red)}; "
        f"no-ops {len(q.get('no_ops', []))}; after frames missing {q.get('after_missing', 0)}</small></div>"
    )
    cells = [_step(s) for s in strip]
    return head + (f"<div class='strip'>{''.join(cells)}</div>" if cells else "")


def _step(s: dict[str, Any]) -> str:
    w, h = s["size"]
    a = s["action"]
    pics = []
    for which in ("before", "after"):
        data = s.get(which)
        if not data or not h:
            pics.append(f"<div class='step'>{which}: none</div>")
            continue
        overlay = _overlay(a, w, h) if which == "before" else ""
        pics.append(
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' role='img'>"
            f"<image href='data:image/jpeg;base64,{data}' width='{w}' height='{h}'/>{overlay}</svg>"
        )
    label = f"#{s['index']} {a.get('type')}"
    return f"<div class='step'>{e(label)}<br>{''.join(pics)}{_chips(a)}</div>"


def _overlay(a: dict[str, Any], w: int, h: int) -> str:
    x, y = a.get("x"), a.get("y")
    if x is None or y is None:
        return ""
    out = [f"<circle cx='{x}' cy='{y}' r='6' fill='none' stroke='#e00' stroke-width='2'/>"]
    if a.get("to_x") is not None:
        out.append(
            f"<line x1='{x}' y1='{y}' x2='{a['to_x']}' y2='{a['to_y']}' stroke='#e00' stroke-width='2'/>"
            f"<circle cx='{a['to_x']}' cy='{a['to_y']}' r='3' fill='#e00'/>"
        )
    if a.get("type") == "scroll":
        dy = 18 if (a.get("dy") or 0) > 0 else -18
        out.append(f"<line x1='{x}' y1='{y}' x2='{x}' y2='{y + dy}' stroke='#e00' stroke-width='3'/>")
    return "".join(out)


def _chips(a: dict[str, Any]) -> str:
    style = "display:inline-block;border:1px solid #888;border-radius:4px;padding:0 4px;margin:1px"
    if a.get("text"):
        return f"<div><span style='{style};background:#ffd'>“{e(str(a['text']))}”</span></div>"
    if a.get("keys"):
        return (
            "<div>"
            + "".join(f"<span style='{style};background:#eee'>{e(str(k))}</span>" for k in a["keys"])
            + "</div>"
        )
    if a.get("field"):
        what = f"typed into a {e(str(a['field']))} field (not recorded)"
        return f"<div><span style='{style};background:#fdd'>{what}</span></div>"
    return ""


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
