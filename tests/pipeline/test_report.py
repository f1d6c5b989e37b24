"""The dataset report: counts per app/site from the steps, instruction coverage by source, target
coverage, redactions by kind, no-ops, the alignment self-check, and a strip of thumbnails per
episode with the action drawn (and recorded text escaped, never markup)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from demotrace.bundle import BundleWriter
from demotrace.pipeline import run_export

from .builders import meta, png, step
from .conftest import RECORDED

TERM = {"app": "xterm", "title": "bash"}
WEB = {"app": "chromium", "title": "Shop", "url": "https://shop.example/cart"}


def test_report_of_the_shared_spool(exports: dict[str, Path]) -> None:
    out = exports["agentnet"]
    r = json.loads((out / "report.json").read_text())
    # per app/site from the steps: the recorded session's two episodes, the import's one
    assert r["by_place"]["xterm"]["actions"] == 7 and r["by_place"]["en.wikipedia.org"]["actions"] == 7
    assert r["instruction_sources"] == {"drafted": 1, "person": 2}
    assert r["redactions"] == {"dropped_keys": 1}
    assert r["alignment"] == {"after_missing": 0, "steps_with_before": 14}
    assert r["targets"]["pointer_steps"] > 0
    page = (out / "report.html").read_text()
    assert page.count("data:image/jpeg;base64,") >= 2 * 8  # before and after thumbnails
    assert "typed into a password field (not recorded)" in page
    assert "instruction coverage" in page and "3/3 (100 %)" in page
    assert "<script" not in page
    assert RECORDED in page


def test_report_per_step_places_no_ops_and_escaping(tmp_path: Path) -> None:
    w = BundleWriter(tmp_path, meta("01JDEMOTRACE0000000000REPT"), None)
    for n in range(5):
        w.write_blob(f"frames/{n}.webp", png((n * 40, 10, 10)))
    steps = [
        ({"type": "type", "text": "<script>alert(1)</script>"}, TERM, 0, 1),
        ({"type": "click", "x": 100, "y": 100, "button": "left"}, TERM, 1, 1),  # nothing changed: a no-op
        ({"type": "click", "x": 200, "y": 100, "button": "left"}, WEB, 1, 2),  # quick switch: same episode
        ({"type": "key", "key": "enter"}, WEB, 2, 3),
    ]
    for i, (a, ctx, b, af) in enumerate(steps):
        st = step(i, 1.0 + i, a, ctx, f"frames/{b}.webp", f"frames/{af}.webp")
        if i == 2:
            st["target"] = {"source": "dom", "role": "button", "name": "Pay"}
            st["redactions"] = [{"field": "context.title", "kind": "PERSON"}]
        w.add("step", st)
    w.close(stop_wall=1_700_000_010.0)
    out = tmp_path / "out"
    run_export(w.root, "native", out, progress=False)
    r = json.loads((out / "report.json").read_text())
    assert {p: v["actions"] for p, v in r["by_place"].items()} == {"xterm": 2, "shop.example": 2}
    assert {p: v["episodes"] for p, v in r["by_place"].items()} == {"xterm": 1, "shop.example": 1}
    assert r["no_ops"] == 1 and r["targets"] == {"pointer_steps": 2, "with_target": 1}
    assert r["redactions"] == {"text": 1} and r["redaction_kinds"] == {"PERSON": 1}
    (ep,) = r["episode_list"]
    assert ep["apps"] == ["xterm", "shop.example"] and ep["instruction_source"] == "drafted"
    page = (out / "report.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the click is drawn where it happened: frame px (x 0.5 scale) x thumbnail scale (200 / 640)
    assert re.search(r"<circle cx='15\.6' cy='15\.6' r='6'", page)


def test_the_page_shows_frames_of_the_first_episodes_only() -> None:
    from demotrace.pipeline.report import aggregate
    from demotrace.pipeline.report_html import MAX_STRIPS, render_html

    cell = {
        "index": 0,
        "before": "AAAA",
        "after": None,
        "size": [200, 125],
        "action": {"type": "click", "x": 1, "y": 2},
    }
    eps = [
        {
            "episode_id": f"S-{i:03d}",
            "steps": 2,
            "instruction": "x",
            "instruction_source": "person",
            "strip": [cell],
        }
        for i in range(MAX_STRIPS + 6)
    ]
    agg = aggregate([{"session_id": "S", "episodes": eps}], [])
    agg["format"] = "native"
    page = render_html(agg, {e["episode_id"]: e["strip"] for e in eps})
    assert page.count("data:image/jpeg;base64,AAAA") == MAX_STRIPS
    assert page.count("<div class='ep'>") == MAX_STRIPS + 6  # every episode is still listed
