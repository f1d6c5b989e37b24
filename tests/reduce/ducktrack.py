"""Read the DuckTrack fixture's events.jsonl into raw events (a test-side loader: the importer
is another part's; this one only has to be faithful enough to check the reducer)."""

from __future__ import annotations

import json
from pathlib import Path

from demotrace.schema import ButtonEvent, KeyEvent, MoveEvent, RawEvent, ScrollEvent


def load(path: Path) -> list[RawEvent]:
    lines = [json.loads(s) for s in path.read_text().splitlines() if s.strip()]
    t0 = lines[0]["time_stamp"]
    out: list[RawEvent] = []
    for seq, d in enumerate(lines):
        t = d["time_stamp"] - t0
        a = d["action"]
        if a == "move":
            out.append(MoveEvent(t, round(d["x"]), round(d["y"]), seq=seq))
        elif a == "click":
            out.append(ButtonEvent(t, round(d["x"]), round(d["y"]), d["button"], d["pressed"], seq=seq))
        elif a == "scroll":
            # pynput's dy > 0 scrolls up; the schema's dy > 0 scrolls down.
            out.append(ScrollEvent(t, round(d["x"]), round(d["y"]), d["dx"], -d["dy"], seq=seq))
        elif a in ("press", "release"):
            out.append(KeyEvent(t, a == "press", d["name"], seq=seq))
    return out
