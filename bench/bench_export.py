"""Pipeline benchmarks: import (events/s), export (recorded hours per core-minute and output
bytes per recorded hour, per format) and the Ray speed-up with 2 workers vs 1.

    .venv/bin/python bench/bench_export.py [--sessions 4] [--minutes 10] [--skip-ray]

Synthetic recorded sessions: one action every 2 s, each with a new, unique 1280x800 WebP frame
(screen-like: panels, lines of "text", quality 80), on one monitor; the DuckTrack fixture repeated for the
import figure.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from demotrace.bundle import BundleWriter
from demotrace.pipeline import run_export
from demotrace.pipeline.importers import import_ducktrack
from demotrace.schema import Monitor, SessionMeta

FORMATS = ["native", "agentnet", "osworld", "anthropic", "parquet", "webdataset"]
W, H = 1280, 800
FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "ducktrack"
ACTIONS = [
    {"type": "click", "x": 0, "y": 0, "button": "left"},
    {"type": "type", "text": "some typed words"},
    {"type": "key", "key": "enter"},
    {"type": "scroll", "x": 0, "y": 0, "dx": 0, "dy": 3},
    {"type": "hotkey", "keys": ["ctrl", "s"]},
    {"type": "drag", "x": 0, "y": 0, "to_x": 300, "to_y": 300, "button": "left"},
]


def screen(rng: random.Random, n: int) -> bytes:
    """A screen-like frame; `n` is drawn in the title bar so that no two frames are equal."""
    im = Image.new("RGB", (W, H), (245, 245, 245))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 40], fill=(60, 60, 70))
    d.rectangle([0, 40, 220, H], fill=(230, 232, 236))
    for row in range(60, H - 20, 18):
        x = 240
        while x < W - 40:
            w = rng.randint(10, 60)
            d.rectangle([x, row, x + w, row + 9], fill=(rng.randint(0, 90),) * 3)
            x += w + rng.randint(4, 10)
    d.text((10, 12), f"frame {n} " * 8, fill=(255, 255, 255))
    buf = io.BytesIO()
    im.save(buf, format="WEBP", quality=80, method=4)
    return buf.getvalue()


def make_spool(root: Path, sessions: int, minutes: float) -> float:
    rng = random.Random(7)
    seconds = 0.0
    for n in range(sessions):
        meta = SessionMeta(id=f"01JBENCH{n:018d}", os="Linux", monitors=[Monitor(0, 0, W, H)], start=1.7e9)
        w = BundleWriter(root, meta, None)
        t, i = 0.0, 0
        prev = "frames/f000000.webp"
        w.write_blob(prev, screen(rng, 0))
        while t < minutes * 60:
            after = f"frames/f{i + 1:06d}.webp"
            w.write_blob(after, screen(rng, i + 1))
            a = dict(ACTIONS[i % len(ACTIONS)])
            if "x" in a:
                a["x"], a["y"] = rng.randrange(W), rng.randrange(H)
            obs = {"before": prev, "after": after, "width": W, "height": H, "origin": [0, 0], "scale": 1.0}
            ctx = {"app": "chromium", "url": f"https://site{(i // 60) % 3}.example/"}
            w.add(
                "step",
                {"index": i, "t": t, "action": a, "observation": obs, "context": ctx, "redactions": []},
            )
            prev, t, i = after, t + 2.0, i + 1
            if i % 5 == 0:
                w.seal()
        w.close(stop_wall=1.7e9 + t)
        seconds += t
    return seconds / 3600


def du(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and ".demotrace-export" not in p.parts)


def bench_import(tmp: Path, repeat: int) -> dict[str, float]:
    lines = (FIXTURE / "events.jsonl").read_text().splitlines()
    first = json.loads(lines[0])["time_stamp"]
    last = json.loads(lines[-1])["time_stamp"]
    raw = tmp / "raw"
    raw.mkdir()
    shutil.copy(FIXTURE / "metadata.json", raw / "metadata.json")
    with open(raw / "events.jsonl", "w") as f:
        for k in range(repeat):
            for line in lines:
                e = json.loads(line)
                e["time_stamp"] = e["time_stamp"] + k * (last - first + 1.0)
                f.write(json.dumps(e) + "\n")
    t0 = time.perf_counter()
    r = import_ducktrack(raw, tmp / "imported")
    wall = time.perf_counter() - t0
    return {
        "events": r.events,
        "reduce_events_per_s": r.events / r.seconds,
        "import_events_per_s": r.events / wall,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=4)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--import-repeat", type=int, default=10)
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated; empty: none")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        imp = bench_import(tmp, args.import_repeat)
        print(
            f"import ducktrack: {imp['events']} events, "
            f"reduction {imp['reduce_events_per_s']:,.0f} events/s, "
            f"whole import {imp['import_events_per_s']:,.0f} events/s"
        )
        spool = tmp / "spool"
        hours = make_spool(spool, args.sessions, args.minutes)
        print(f"synthetic spool: {args.sessions} sessions, {hours:.3f} recorded hours")
        print(f"{'format':<11} {'cpu s':>7} {'rec h / core-min':>17} {'MB / rec h':>11}")
        for fmt in [f for f in args.formats.split(",") if f]:
            out = tmp / f"out-{fmt}"
            c0 = time.process_time()
            run_export(spool, fmt, out, workers=1, progress=False)
            cpu = time.process_time() - c0
            print(f"{fmt:<11} {cpu:>7.2f} {hours / (cpu / 60):>17.2f} {du(out) / hours / 1e6:>11.1f}")
        if not args.skip_ray:
            import ray

            walls = {}
            for n in (1, 2):
                ray.init(num_cpus=n, include_dashboard=False, log_to_driver=False, configure_logging=False)
                # a first run starts the worker processes (imports); the second one is timed
                run_export(
                    spool, "webdataset", tmp / f"ray-warm-{n}", engine="ray", workers=n, progress=False
                )
                t0 = time.perf_counter()
                run_export(spool, "webdataset", tmp / f"ray-{n}", engine="ray", workers=n, progress=False)
                walls[n] = time.perf_counter() - t0
                ray.shutdown()
            print(
                f"ray webdataset: 1 worker {walls[1]:.2f} s, 2 workers {walls[2]:.2f} s, "
                f"speed-up {walls[1] / walls[2]:.2f}x"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
