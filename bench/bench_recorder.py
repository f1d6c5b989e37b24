#!/usr/bin/env python3
"""Recorder cost beside the peers, on the shared harness (../shared/bench/peers/recorder-side-by-side):
same Xvfb 1920x1080 desktop, same seeded xdotool workload (xterm + Chromium), CPU of the
recorder's process tree, peak RSS, bytes written per recorded hour. For demotrace it also opens
the spool (with the run's device key) and reports bytes per part and event/action-to-disk latency.

    .venv/bin/python bench/bench_recorder.py                      # 600 s: baseline, naive, demotrace
    .venv/bin/python bench/bench_recorder.py --seconds 120 --only demotrace
    .venv/bin/python bench/bench_recorder.py --summary results/recorder   # table from an earlier run

The naive peer (pynput + mss, 1 fps PNG) runs with this venv's python. openadapt-capture and
Screenpipe are measured with ../shared/bench/peers/run-peers (EXTRA_LABEL=demotrace, see
docs/BENCHMARKS.md), which needs their installs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "bench" / "peers"
HARNESS = PEERS / "recorder-side-by-side"
PY = Path(sys.executable)
DEMOTRACE = PY.with_name("demotrace")


def run(label: str, out: Path, seconds: float) -> dict:
    res = out / f"{label}.json"
    keep = out / "out" / label
    cmd = [sys.executable, str(HARNESS), "--label", label, "--out", str(res), "--seconds", str(seconds)]
    env = dict(os.environ)
    if label == "baseline":
        cmd.append("--baseline")
    else:
        if keep.exists():
            subprocess.run(["rm", "-rf", str(keep)], check=True)
        cmd += ["--keep-out", str(keep), "--stop-grace", "120", "--"]
        if label == "naive":
            cmd += [str(PY), str(PEERS / "naive_recorder.py")]
        else:
            env["DEMOTRACE_HOME"] = str(out / "home")
            cmd += [
                str(DEMOTRACE),
                "record",
                "--spool",
                "{out}/spool",
                "--policy",
                str(ROOT / "bench" / "recorder-policy.toml"),
                "--json",
            ]
    for _attempt in range(3):  # the harness' set-up can fail at random (PEERS.md: "xterm exited with 1")
        print(f"bench: {label} for {seconds:.0f} s …", file=sys.stderr, flush=True)
        subprocess.run(cmd, env=env, check=False)
        r: dict = json.loads(res.read_text())
        if "error" not in r or "did not appear" not in r["error"]:
            return r
        print(f"bench: set-up failed ({r['error']}); again", file=sys.stderr, flush=True)
    return r


PART_NAMES = {"chunks": "log (events+steps)", "frames": "frames", "video": "video"}


def spool_parts(out: Path) -> dict:
    """Bytes per part and latencies, from the decrypted demotrace spool of the last run."""
    sys.path.insert(0, str(ROOT / "src"))
    from demotrace.bundle import BundleReader, iter_bundle_dirs, load_key

    key = load_key(out / "home" / "device.key")
    spool = out / "out" / "demotrace" / "spool"
    parts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    lat_events: list[float] = []
    lat_steps: list[float] = []
    for b in iter_bundle_dirs(spool):
        r = BundleReader(b, key)
        for f in b.rglob("*"):
            if f.is_file():
                top = f.relative_to(b).parts[0]
                parts[
                    {"chunks": "log (events+steps)", "frames": "frames", "video": "video"}.get(
                        top, "session.json"
                    )
                ] += f.stat().st_size
        pending_e: list[float] = []
        pending_s: list[float] = []
        for o in r.records():
            k = o.get("kind", "?")
            kinds[k] += 1
            if k == "event":
                pending_e.append(o["t"])
            elif k == "step":
                pending_s.append(o.get("t_end", o["t"]))
            elif k == "flush":
                lat_events += [o["t"] - t for t in pending_e]
                lat_steps += [o["t"] - t for t in pending_s]
                pending_e, pending_s = [], []

    def pct(xs: list[float], q: float) -> float | None:
        return round(sorted(xs)[min(len(xs) - 1, int(q * len(xs)))] * 1000, 1) if xs else None

    return {
        "bytes_by_part": dict(parts),
        "records": dict(kinds),
        "event_to_disk_ms": {"p50": pct(lat_events, 0.5), "p99": pct(lat_events, 0.99), "n": len(lat_events)},
        "action_end_to_disk_ms": {
            "p50": pct(lat_steps, 0.5),
            "p99": pct(lat_steps, 0.99),
            "n": len(lat_steps),
        },
    }


def table(out: Path) -> dict:
    rows = {}
    for p in sorted(out.glob("*.json")):
        if p.name == "summary.json":
            continue
        r = json.loads(p.read_text())
        rows[r["label"]] = r
    summary: dict = {"runs": {}}
    base = rows.get("baseline")
    for label, r in rows.items():
        if "error" in r:
            summary["runs"][label] = {"error": r["error"]}
            continue
        if label == "baseline":
            summary["runs"][label] = {
                "desktop_cpu_pct": round(sum(r["desktop_cpu_s"].values()) / r["workload_wall_s"] * 100, 1),
                "load1_before": r["loadavg_before"][0],
            }
            continue
        rec = r["recorder"]
        summary["runs"][label] = {
            k: rec[k]
            for k in (
                "cpu_pct_one_core",
                "peak_rss_mb",
                "peak_pss_mb",
                "mb_per_hour",
                "out_bytes",
                "recorded_s",
                "stop_s",
            )
        }
        summary["runs"][label]["load1_before"] = r["loadavg_before"][0]
        summary["runs"][label]["workload_events"] = r["workload"]["events"]
    if "demotrace" in rows and "error" not in rows["demotrace"]:
        d = spool_parts(out)
        secs = rows["demotrace"]["recorder"]["recorded_s"]
        d["mb_per_hour_by_part"] = {k: round(v / 1e6 * 3600 / secs, 2) for k, v in d["bytes_by_part"].items()}
        summary["demotrace_spool"] = d
    if base is None:
        summary["note"] = "no baseline in this run"
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "recorder")
    ap.add_argument(
        "--only", default="baseline,naive,demotrace", help="comma list of baseline,naive,demotrace"
    )
    ap.add_argument("--summary", type=Path, help="only print the table of an earlier --out")
    a = ap.parse_args()
    if a.summary:
        print(json.dumps(table(a.summary), indent=1))
        return
    if not HARNESS.exists():
        sys.exit(f"bench: harness not found at {HARNESS} (shared/ must sit beside the project)")
    a.out.mkdir(parents=True, exist_ok=True)
    for label in a.only.split(","):
        run(label.strip(), a.out, a.seconds)
    s = table(a.out)
    (a.out / "summary.json").write_text(json.dumps(s, indent=1))
    print(json.dumps(s, indent=1))


if __name__ == "__main__":
    main()
