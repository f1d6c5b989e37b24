"""AT-SPI lookups: one GetAccessibleAtPoint round trip through two pure-Python D-Bus clients
(jeepney, blocking; dbus-fast, asyncio), and the recorder's whole lookup (descent from the
frame + one pipelined description) and tree scan, against the GTK 3 test form on its own Xvfb
and session bus.

    PYTHONPATH=src .venv/bin/python bench/bench_a11y.py [--calls N] [--json]

pyatspi is not measured: it is not on PyPI (a distribution package over PyGObject), and
PyGObject does not build in the venv without the system's compiled GObject headers: the
recorder's client must be pure Python.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/ (the test form and Xvfb helper)


def stats(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    return {
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(ms[int(len(ms) * 0.95) - 1], 3),
        "max_ms": round(ms[-1], 3),
    }


def bench_jeepney(address: str, name: str, frame: str, x: int, y: int, n: int) -> list[float]:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    conn = open_dbus_connection(address)
    addr = DBusAddress(frame, bus_name=name, interface="org.a11y.atspi.Component")
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.send_and_get_reply(new_method_call(addr, "GetAccessibleAtPoint", "iiu", (x, y, 0)), timeout=1)
        out.append(time.perf_counter() - t0)
    conn.close()
    return out


async def _dbus_fast(address: str, name: str, frame: str, x: int, y: int, n: int) -> list[float]:
    from dbus_fast import Message
    from dbus_fast.aio import MessageBus

    bus = await MessageBus(bus_address=address).connect()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        await bus.call(
            Message(
                destination=name,
                path=frame,
                interface="org.a11y.atspi.Component",
                member="GetAccessibleAtPoint",
                signature="iiu",
                body=[x, y, 0],
            )
        )
        out.append(time.perf_counter() - t0)
    bus.disconnect()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from demotrace.capture.a11y import ensure_bus, toolkit_env
    from demotrace.capture.a11y.atspi import AtspiClient
    from demotrace.capture.a11y.source import A11ySource
    from demotrace.capture.a11y.tree import scan_tree
    from demotrace.demo.desktop import start_xvfb, stop_processes

    xvfb, display = start_xvfb([(1280, 800)], 24)
    env = dict(os.environ, DISPLAY=display)
    out = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True).stdout
    env["DBUS_SESSION_BUS_ADDRESS"] = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']+)'", out).group(1)  # type: ignore[union-attr]
    bus_pid = int(re.search(r"DBUS_SESSION_BUS_PID=(\d+)", out).group(1))  # type: ignore[union-attr]
    layout = Path(f"/tmp/bench-a11y-{os.getpid()}.json")
    app = None
    try:
        t0 = time.perf_counter()
        bus = ensure_bus(env)
        start_s = time.perf_counter() - t0
        app = subprocess.Popen(
            ["/usr/bin/python3", str(ROOT / "tests/capture/apps/gtk_form.py"), str(layout)],
            env=toolkit_env(env),
            stderr=subprocess.DEVNULL,
        )
        while not layout.exists():
            time.sleep(0.1)
        boxes = json.loads(layout.read_text())
        bx, by, bw, bh = boxes["Save draft"]
        x, y = bx + bw // 2, by + bh // 2
        client = AtspiClient(bus.address)
        pids = client.app_pids(time.monotonic() + 2)
        name = pids[app.pid]
        frame = client.children((name, "/org/a11y/atspi/accessible/root"), time.monotonic() + 1)[0]
        jee = bench_jeepney(bus.address, name, frame[1], x, y, args.calls)
        fast = asyncio.run(_dbus_fast(bus.address, name, frame[1], x, y, args.calls))
        src = A11ySource(env=env)
        src._client, src._pids, src.why = client, pids, ""
        lookups, scans = [], []
        for _ in range(min(args.calls, 200)):
            t1 = time.perf_counter()
            got = src._at_point(x, y, time.monotonic() + 1)
            lookups.append(time.perf_counter() - t1)
            assert got is not None and got[1]["name"] == "Save draft", got
        for _ in range(50):
            t1 = time.perf_counter()
            scan = scan_tree(client, frame, time.monotonic() + 2)
            scans.append(time.perf_counter() - t1)
        result: dict[str, Any] = {
            "bus_start_s": round(start_s, 3),
            "GetAccessibleAtPoint_jeepney": stats(jee),
            "GetAccessibleAtPoint_dbus_fast": stats(fast),
            "lookup_at_click": stats(lookups),
            "tree_scan": {**stats(scans), "nodes": len(scan.nodes)},
            "calls": args.calls,
            "python": sys.version.split()[0],
        }
        client.close()
        bus.close()
    finally:
        if app is not None:
            app.terminate()
        layout.unlink(missing_ok=True)
        os.kill(bus_pid, signal.SIGTERM)
        stop_processes([xvfb])
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:34} {v}")


if __name__ == "__main__":
    main()
