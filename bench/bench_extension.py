"""Extension figures, on a real Chromium under Xvfb with the demo web app's heavy page.

    .venv/bin/python bench/bench_extension.py [--events 1000] [--clicks 100]

1. main-thread cost: the content script times its own handlers (performance.now() around each);
   1,000 clicks on a 6,000-element page are driven through Chromium's input pipeline (CDP, trusted
   events) and the script's reported ms are divided per 1,000 handled events and per 1,000 clicks;
2. join rate: real X clicks (xdotool) on random cells, joined with join_click; a join counts when
   the joined event's screen bbox holds the click point and names the clicked cell;
3. latency: DOM event stamp (performance.timeOrigin + now) → bridge receipt, for clicks and for
   secure_focus "on" (focusing the password field).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DEMOTRACE_HOME"] = tempfile.mkdtemp(prefix="dt-bench-ext-")

from demotrace.capture.browser import join_click  # noqa: E402
from demotrace.policy import default_policy, parse_policy_toml  # noqa: E402
from tests.browser.harness import Session, browser_session  # noqa: E402


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main_thread_cost(s: Session, n: int) -> dict[str, float]:
    s.goto(s.app.url("/heavy"))
    n_el = s.page.evaluate("document.getElementsByTagName('*').length")
    e0 = len(s.bridge.events_between(-1e9, 1e9))
    rng = random.Random(1)
    boxes = s.page.evaluate(
        "() => [...document.querySelectorAll('.cell')].slice(0, 400).map(e => {"
        " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })"
    )
    boxes = [b for b in boxes if b[1] < 560]
    cdp = s.context.new_cdp_session(s.page)
    cdp.send("Performance.enable")

    def renderer_ms() -> float:  # the page's main thread: every task, script, style and layout
        ms = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return 1000 * float(ms["TaskDuration"])

    def drive(k: int) -> float:
        r0 = renderer_ms()
        for _ in range(k):
            x, y = rng.choice(boxes)
            s.page.mouse.click(x, y)
        time.sleep(1.5)
        return renderer_ms() - r0

    def recording(on: bool) -> None:
        # off: the same page with its site off the allowlist, so the content script stays idle
        pol = default_policy() if on else parse_policy_toml('[[sites]]\ndomain = "nothing.invalid"\n', "b")
        s.bridge.set_policy(pol)
        s.wait(lambda: (p := s.bridge.page_for()) is not None and p.allowed is on, what=f"recording {on}")

    # ABBA blocks (idle, recording, recording, idle) so warm-up and load drift cancel out
    with_ext = idle = wall = 0.0
    handled = 0
    cost = 0.0
    for on in (False, True, True, False):
        recording(on)
        if on:
            time.sleep(1.2)
            h0, c0 = s.bridge.content_stats()
            t0 = time.perf_counter()
            with_ext += drive(n // 2)
            wall += time.perf_counter() - t0
            time.sleep(1.2)  # the content script reports its counters once a second
            h1, c1 = s.bridge.content_stats()
            handled += h1 - h0
            cost += c1 - c0
        else:
            idle += drive(n // 2)
    recording(True)
    clicks = sum(1 for e in s.bridge.events_between(-1e9, 1e9)[e0:] if e.kind == "click")
    return {
        "elements": n_el,
        "clicks_driven": n,
        "click_events_received": clicks,
        "handled_events": handled,
        "cost_ms": cost,
        "ms_per_1000_handled": 1000 * cost / max(handled, 1),
        "ms_per_1000_clicks": 1000 * cost / max(n, 1),
        "drive_seconds": wall,
        "renderer_ms_recording": with_ext,
        "renderer_ms_idle": idle,
        "renderer_overhead_ms_per_1000_clicks": 1000 * (with_ext - idle) / max(n, 1),
    }


def join_rate(s: Session, n: int) -> dict[str, float]:
    s.goto(s.app.url("/heavy"))
    rng = random.Random(2)
    ids = rng.sample(range(0, 360), n)
    ok = 0
    lat: list[float] = []
    for i in ids:
        loc = f".cell:nth-of-type({i + 1})"
        x, y = s.center_of(loc)
        t = s.click(x, y)
        time.sleep(0.25)
        ev = join_click(x, y, t, s.bridge.events_between(t - 2, t + 2))
        b = ev.screen_bbox if ev else None
        if ev and b and b[0] <= x <= b[2] and b[1] <= y <= b[3] and f"c{i}" == (ev.target or {}).get("name"):
            ok += 1
        if ev:
            lat.append(1000 * (ev.recv_wall - ev.wall_ms / 1000))
    return {
        "clicks": n,
        "joined": ok,
        "rate": ok / n,
        "latency_ms_p50": pct(lat, 0.5),
        "latency_ms_p95": pct(lat, 0.95),
        "latency_ms_max": max(lat),
    }


def secure_latency(s: Session, n: int) -> dict[str, float]:
    s.goto(s.app.url("/login"))
    recv: list[tuple[float, str]] = []
    orig = s.bridge._raw_log  # stamp receipt of every frame for this part
    s.bridge._raw_log = lambda raw: recv.append((time.time(), raw))
    try:
        u, p = s.center_of("#username"), s.center_of("#password")
        for _ in range(n):
            s.click(*u)
            s.wait(lambda: not s.bridge.secure_focus_active(), what="off")
            s.click(*p)
            s.wait(s.bridge.secure_focus_active, what="on")
    finally:
        s.bridge._raw_log = orig
    lat = []
    for wall, raw in recv:
        m = json.loads(raw)
        if m.get("type") == "secure_focus" and m.get("on"):
            lat.append(1000 * (wall - m["t"] / 1000))
    return {"samples": len(lat), "p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95), "max_ms": max(lat)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000, help="clicks driven for the cost figure")
    ap.add_argument("--clicks", type=int, default=100, help="xdotool clicks for the join rate")
    ap.add_argument("--secure", type=int, default=20, help="password-field focus cycles")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, browser_session(Path(tmp)) as s:
        cost = main_thread_cost(s, args.events)
        join = join_rate(s, args.clicks)
        sec = secure_latency(s, args.secure)
    print(f"heavy page: {cost['elements']} elements")
    print(
        f"main thread: {cost['cost_ms']:.1f} ms for {cost['handled_events']} handled events "
        f"({cost['clicks_driven']} clicks, {cost['click_events_received']} click events received) → "
        f"{cost['ms_per_1000_handled']:.1f} ms / 1,000 events, "
        f"{cost['ms_per_1000_clicks']:.1f} ms / 1,000 clicks"
    )
    print(
        f"renderer main thread for {cost['clicks_driven']} clicks: {cost['renderer_ms_recording']:.0f} ms "
        f"recording vs {cost['renderer_ms_idle']:.0f} ms with the site off the allowlist → "
        f"{cost['renderer_overhead_ms_per_1000_clicks']:.0f} ms / 1,000 clicks"
    )
    print(f"join rate (xdotool): {join['joined']}/{join['clicks']} = {100 * join['rate']:.1f} %")
    print(
        f"click → bridge latency: p50 {join['latency_ms_p50']:.1f} ms, p95 {join['latency_ms_p95']:.1f} ms, "
        f"max {join['latency_ms_max']:.1f} ms"
    )
    print(
        f"secure_focus on → bridge latency: p50 {sec['p50_ms']:.1f} ms, p95 {sec['p95_ms']:.1f} ms, "
        f"max {sec['max_ms']:.1f} ms ({sec['samples']} samples)"
    )
    print(json.dumps({"cost": cost, "join": join, "secure_focus": sec}))


if __name__ == "__main__":
    main()
