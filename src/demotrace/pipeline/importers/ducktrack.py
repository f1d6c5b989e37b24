"""DuckTrack / AgentNetTool raw recordings → a plain session bundle.

Input (a folder): `events.jsonl` (one event a line: `time_stamp` (perf_counter seconds),
`action` ∈ move/click/scroll/press/release (and pause/resume), `x`, `y`, `button`, `pressed`,
`dx`, `dy`, `name`), `metadata.json` (`screen_width`, `screen_height`, `system`,
`scroll_direction`, `start_time`, `stop_time`, `obs_record_state_timings`), optionally a screen
video (`*.mp4`, `*.mkv`, `*.mov`) and AgentNetTool's `task_name.json` (the task → `task`).

Conversion: events become raw events (t = seconds since the video started, else since the first
event; coordinates rounded to screen px), reduced by `demotrace.reduce.reduce_events`; each
action becomes a step. Consecutive wheel ticks at one place (within IMPORT_SCROLL_DISTANCE px of
the first) less than IMPORT_SCROLL_GAP apart become one scroll. With a video, the bundle gets it
as `video/000001.mp4` plus its frame-time index and the pipeline aligns observations from it;
without one there are no images at all and the steps carry none (`observation.before` is null,
width/height = the screen).

Scroll sign: DuckTrack stores pynput's deltas (dy > 0 = up), already in the direction the content
moved; `scroll_direction` (-1 with macOS natural scrolling) is what DuckTrack's *player*
multiplies synthetic ticks by, so it is kept in `extra` and not applied: DESIGN's dy = -dy.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
from ulid import ULID

from ...bundle import BundleWriter
from ...errors import UsageError
from ...schema import ButtonEvent, KeyEvent, Monitor, MoveEvent, RawEvent, ScrollEvent, SessionMeta, Step
from ...schema.steps import Observation

VIDEO_SUFFIXES = (".mp4", ".mkv", ".mov", ".webm")
BUTTONS = {"left", "right", "middle", "x1", "x2"}
INDEX_SPACING = 0.25
IMPORT_SCROLL_GAP = 1.0
"""Seconds: consecutive wheel ticks at one place closer than this are one scroll on import, as
AgentNetTool's reviewed trajectories merge them (a trackpad flick arrives as bursts of ticks
with pauses of a few hundred ms between them; the live recorder's own threshold is 0.4 s)."""
IMPORT_SCROLL_DISTANCE = 100
"""Pixels: ticks further than this from the scroll's first tick start another scroll."""
"""Seconds between the video frames listed in the frame-time index (the rest are not aligned to)."""


@dataclass(slots=True)
class ImportResult:
    bundle: Path
    session_id: str
    events: int
    steps: int
    video: bool
    skipped: dict[str, int] = field(default_factory=dict)
    """Input lines not imported, by reason."""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "bundle": str(self.bundle),
            "session_id": self.session_id,
            "events": self.events,
            "steps": self.steps,
            "video": self.video,
            "skipped": dict(sorted(self.skipped.items())),
            "events_per_second": round(self.events / self.seconds) if self.seconds else None,
        }


def import_ducktrack(raw_dir: Path, out: Path) -> ImportResult:
    from ...reduce import ReduceConfig, reduce_events

    if not raw_dir.is_dir():
        raise UsageError(f"{raw_dir}: no such folder")
    events_path = raw_dir / "events.jsonl"
    meta_path = raw_dir / "metadata.json"
    for p in (events_path, meta_path):
        if not p.is_file():
            raise UsageError(f"{raw_dir}: missing {p.name} (not a DuckTrack/AgentNetTool recording)")
    md = _load_json(meta_path)
    if not isinstance(md, dict):
        raise UsageError(f"{meta_path}: expected a JSON object")
    try:
        width, height = int(md["screen_width"]), int(md["screen_height"])
    except (KeyError, TypeError, ValueError):
        raise UsageError(f"{meta_path}: needs integer screen_width and screen_height") from None
    raw = events_path.read_bytes()
    lines = _parse_events(events_path, raw)
    video = _find_video(raw_dir)
    t0 = _origin(md, lines)
    skipped: dict[str, int] = {}
    started = time.perf_counter()
    events = _to_raw_events(lines, t0, skipped)
    cfg = ReduceConfig(scroll_gap=IMPORT_SCROLL_GAP, scroll_distance=IMPORT_SCROLL_DISTANCE)
    actions = reduce_events(events, cfg)
    reduce_seconds = time.perf_counter() - started

    sid = _session_id(md, raw)
    meta = SessionMeta(
        id=sid,
        os=str(md.get("system", "")),
        monitors=[Monitor(0, 0, width, height)],
        double_click_interval=cfg.double_click_interval,
        double_click_distance=cfg.double_click_distance,
        start=_wall(md.get("start_time")) or 0.0,
        stop=_wall(md.get("stop_time")),
        source="ducktrack",
        task=_task_name(raw_dir),
        extra={
            "scroll_direction": md.get("scroll_direction"),
            "model": md.get("model"),
            "imported_from": raw_dir.name,
            "video": bool(video),
        },
    )
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{sid}.importing"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    w = BundleWriter(tmp, meta, key=None)
    for i, a in enumerate(actions):
        obs = Observation(width=width, height=height)
        st = Step(index=i, t=a.t, action=a.to_dict(), observation=obs, context={})
        w.add("step", {**st.to_dict(), "t_end": a.t_end})
        if (i + 1) % 500 == 0:
            w.seal()
    for ln in lines:
        if ln.get("action") in ("pause", "resume"):
            w.add("mark", {"what": ln["action"], "t": round(float(ln["time_stamp"]) - t0, 6)})
    if video is not None:
        blob, index = _video(video, t0, md)
        w.write_blob("video/000001.mp4", blob)
        w.write_blob("video/000001.json", json.dumps({"frames": index}).encode())
    w.close(stop_wall=meta.stop if meta.stop is not None else meta.start)
    final = out / sid
    shutil.rmtree(final, ignore_errors=True)
    (tmp / sid).rename(final)
    shutil.rmtree(tmp, ignore_errors=True)
    return ImportResult(final, sid, len(events), len(actions), video is not None, skipped, reduce_seconds)


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: not valid JSON ({e})") from None


def _parse_events(path: Path, raw: bytes) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            raise UsageError(f"{path}:{n}: not a JSON object") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("time_stamp"), int | float):
            raise UsageError(f"{path}:{n}: an event needs a numeric time_stamp")
        out.append(obj)
    if not out:
        raise UsageError(f"{path}: no events")
    out.sort(key=lambda e: float(e["time_stamp"]))
    return out


def _origin(md: dict[str, Any], lines: list[dict[str, Any]]) -> float:
    """t = 0: when the screen video started (OBS), else the first event."""
    first = float(lines[0]["time_stamp"])
    timings = md.get("obs_record_state_timings")
    if isinstance(timings, dict):
        started = timings.get("OBS_WEBSOCKET_OUTPUT_STARTED")
        ok = isinstance(started, list) and started and isinstance(started[0], int | float)
        if ok and float(started[0]) <= first:  # type: ignore[index]
            return float(started[0])  # type: ignore[index]
    return first


def _to_raw_events(lines: list[dict[str, Any]], t0: float, skipped: dict[str, int]) -> list[RawEvent]:
    from ...reduce import normalize_key

    out: list[RawEvent] = []

    def skip(why: str) -> None:
        skipped[why] = skipped.get(why, 0) + 1

    for seq, e in enumerate(lines):
        t = round(float(e["time_stamp"]) - t0, 6)
        kind = e.get("action")
        try:
            if kind == "move":
                out.append(MoveEvent(t, round(float(e["x"])), round(float(e["y"])), seq))
            elif kind == "click":
                button = str(e.get("button", "left"))
                if button not in BUTTONS:
                    skip(f"unknown button {button}")
                    continue
                x, y = round(float(e["x"])), round(float(e["y"]))
                out.append(ButtonEvent(t, x, y, button, bool(e["pressed"]), seq))  # type: ignore[arg-type]
            elif kind == "scroll":
                x, y = round(float(e["x"])), round(float(e["y"]))
                out.append(ScrollEvent(t, x, y, int(e.get("dx", 0)), -int(e.get("dy", 0)), seq))
            elif kind in ("press", "release"):
                name = e.get("name")
                if not isinstance(name, str) or not name:
                    skip("key without a name")
                    continue
                out.append(KeyEvent(t, kind == "press", normalize_key(name), None, seq))
            elif kind in ("pause", "resume"):
                continue
            else:
                skip(f"unknown action {kind}")
        except (KeyError, TypeError, ValueError):
            skip(f"malformed {kind}")
    return out


def _session_id(md: dict[str, Any], raw: bytes) -> str:
    """Deterministic: the recording's start time and a hash of its events."""
    wall = _wall(md.get("start_time")) or 0.0
    digest = hashlib.sha256(raw).digest()
    return str(ULID.from_bytes(int(wall * 1000).to_bytes(6, "big") + digest[:10]))


def _wall(value: Any) -> float | None:
    """DuckTrack writes local time without a zone ("2023-10-20 17:19:53"); read as UTC."""
    if not isinstance(value, str):
        return None
    try:
        return float(calendar.timegm(time.strptime(value, "%Y-%m-%d %H:%M:%S")))
    except ValueError:
        return None


def _task_name(raw_dir: Path) -> str | None:
    p = raw_dir / "task_name.json"
    if not p.is_file():
        return None
    obj = _load_json(p)
    if isinstance(obj, str):
        return obj.strip() or None
    if isinstance(obj, dict):
        for k in ("task_name", "task", "instruction", "name", "description"):
            v = obj.get(k)
            if isinstance(v, str) and v.strip():
                return v.strip()
    raise UsageError(f"{p}: expected a string or an object with task_name")


def _find_video(raw_dir: Path) -> Path | None:
    vids = sorted(p for p in raw_dir.iterdir() if p.suffix.lower() in VIDEO_SUFFIXES and p.is_file())
    return vids[0] if vids else None


def _video(path: Path, t0: float, md: dict[str, Any]) -> tuple[bytes, list[dict[str, Any]]]:
    """The video as MP4 (remuxed when it is another container) and its frame-time index."""
    data = path.read_bytes()
    try:
        if path.suffix.lower() != ".mp4":
            data = _remux_mp4(data)
        index: list[dict[str, Any]] = []
        with av.open(io.BytesIO(data), mode="r") as c:
            stream = c.streams.video[0]
            tb = float(stream.time_base) if stream.time_base else 0.0
            start = float(stream.start_time or 0) * tb
            pts = sorted(int(p.pts) for p in c.demux(stream) if p.pts is not None)
    except av.error.FFmpegError as e:
        raise UsageError(f"{path}: not a readable video ({e})") from None
    started = _origin(md, [{"time_stamp": t0}])
    last = float("-inf")
    for p in pts:
        t = round(started - t0 + p * tb - start, 6)
        if t - last >= INDEX_SPACING:  # OBS records 30-60 fps; alignment needs far fewer
            index.append({"t": t, "pts": p})
            last = t
    return data, index


def _remux_mp4(data: bytes) -> bytes:
    buf = io.BytesIO()
    with av.open(io.BytesIO(data), mode="r") as src, av.open(buf, mode="w", format="mp4") as dst:
        ins = src.streams.video[0]
        outs = dst.add_stream_from_template(ins)
        for pkt in src.demux(ins):
            if pkt.dts is None:
                continue
            pkt.stream = outs
            dst.mux(pkt)
    return buf.getvalue()
