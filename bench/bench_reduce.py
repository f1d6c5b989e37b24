"""Reducer throughput: raw events per second on one core.

    .venv/bin/python bench/bench_reduce.py [--events N] [--repeat R] [--json]

Streams (deterministic, seeded): `mixed` (70 % pointer moves, 15 % keys: words, typos with
backspace, hotkeys, enter; 10 % buttons: clicks, double clicks, drags; 5 % wheel ticks),
`moves` (pointer only), `typing` (keys only), and the DuckTrack fixture when it is present.
Each stream is reduced `R` times in batch and streaming (feed + poll every 100 events); the
best run is reported.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

from demotrace.reduce import ReduceConfig, Reducer, reduce_events
from demotrace.schema import ButtonEvent, KeyEvent, MoveEvent, RawEvent, ScrollEvent

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dogs",
    "while",
    "typing",
    "reduction",
    "benchmark",
    "text",
]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.t = 0.0
        self.out: list[RawEvent] = []
        self.x, self.y = 500, 500

    def _next_t(self, dt: float) -> float:
        self.t += dt
        return round(self.t, 6)

    def moves(self, n: int) -> None:
        r = self.rng
        for _ in range(n):
            self.x = min(max(self.x + r.randint(-6, 6), 0), 1919)
            self.y = min(max(self.y + r.randint(-6, 6), 0), 1079)
            self.out.append(MoveEvent(self._next_t(0.008), self.x, self.y, seq=len(self.out)))

    def key(self, name: str, char: str | None = None) -> None:
        self.out.append(KeyEvent(self._next_t(0.06), True, name, char, seq=len(self.out)))
        self.out.append(KeyEvent(self._next_t(0.04), False, name, None, seq=len(self.out)))

    def word(self) -> None:
        w = self.rng.choice(WORDS)
        for c in w:
            self.key(c, c)
        if self.rng.random() < 0.2:  # a typo, fixed
            self.key("x", "x")
            self.key("backspace")
        self.key("space", " ")

    def hotkey(self) -> None:
        self.out.append(KeyEvent(self._next_t(0.1), True, "ctrl", None, seq=len(self.out)))
        self.key(self.rng.choice("cvxaz"))
        self.out.append(KeyEvent(self._next_t(0.05), False, "ctrl", None, seq=len(self.out)))

    def click(self, n: int = 1) -> None:
        for _ in range(n):
            self.out.append(ButtonEvent(self._next_t(0.1), self.x, self.y, "left", True, seq=len(self.out)))
            self.out.append(ButtonEvent(self._next_t(0.08), self.x, self.y, "left", False, seq=len(self.out)))
        self.t += 0.6

    def drag(self) -> None:
        self.out.append(ButtonEvent(self._next_t(0.1), self.x, self.y, "left", True, seq=len(self.out)))
        self.moves(20)
        self.out.append(ButtonEvent(self._next_t(0.05), self.x, self.y, "left", False, seq=len(self.out)))

    def scroll(self, n: int) -> None:
        for _ in range(n):
            self.out.append(ScrollEvent(self._next_t(0.03), self.x, self.y, 0, 1, seq=len(self.out)))
        self.t += 0.5


def mixed(n: int, seed: int = 1) -> list[RawEvent]:
    g = _Gen(seed)
    r = g.rng
    while len(g.out) < n:
        p = r.random()
        if p < 0.45:
            g.moves(40)
        elif p < 0.75:
            g.word()
        elif p < 0.80:
            g.key(r.choice(("enter", "tab", "escape", "down")))
        elif p < 0.85:
            g.hotkey()
        elif p < 0.93:
            g.click(r.choice((1, 1, 2, 3)))
        elif p < 0.96:
            g.drag()
        else:
            g.scroll(r.randint(2, 8))
    return g.out[:n]


def moves(n: int) -> list[RawEvent]:
    g = _Gen(2)
    g.moves(n)
    return g.out


def typing(n: int) -> list[RawEvent]:
    g = _Gen(3)
    while len(g.out) < n:
        g.word()
    return g.out[:n]


def ducktrack() -> list[RawEvent] | None:
    path = Path("/work/shared/fixtures/ducktrack/events.jsonl")
    if not path.is_file():
        path = Path(__file__).resolve().parents[1] / "shared" / "fixtures" / "ducktrack" / "events.jsonl"
    if not path.is_file():
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.reduce.ducktrack import load

    return load(path)


def _batch(events: list[RawEvent]) -> float:
    t0 = time.perf_counter()
    reduce_events(events, ReduceConfig())
    return time.perf_counter() - t0


def _stream(events: list[RawEvent]) -> float:
    t0 = time.perf_counter()
    r = Reducer(ReduceConfig())
    feed, poll = r.feed, r.poll
    for i, ev in enumerate(events):
        feed(ev)
        if i % 100 == 99:
            poll(ev.t)
    r.finish()
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    streams: dict[str, list[RawEvent]] = {
        "mixed": mixed(args.events),
        "moves": moves(args.events),
        "typing": typing(args.events),
    }
    dt = ducktrack()
    if dt is not None:
        streams["ducktrack"] = dt
    results: dict[str, dict[str, float | int]] = {}
    for name, evs in streams.items():
        actions = len(reduce_events(evs))
        best_b = min(_batch(evs) for _ in range(args.repeat))
        best_s = min(_stream(evs) for _ in range(args.repeat))
        results[name] = {
            "events": len(evs),
            "actions": actions,
            "batch_events_per_s": round(len(evs) / best_b),
            "stream_events_per_s": round(len(evs) / best_s),
        }
    info = {"python": platform.python_version(), "machine": platform.machine(), "results": results}
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"python {info['python']} on {info['machine']}, best of {args.repeat}, one process")
    print(f"{'stream':<10} {'events':>8} {'actions':>8} {'batch ev/s':>12} {'stream ev/s':>12}")
    for name, r in results.items():
        print(
            f"{name:<10} {r['events']:>8} {r['actions']:>8} "
            f"{r['batch_events_per_s']:>12,} {r['stream_events_per_s']:>12,}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
