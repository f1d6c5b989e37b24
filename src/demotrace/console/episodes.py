"""Episodes of a session as the exporter cuts them (the pipeline's own `prepare_session`), so
the console's episode ids, steps and instructions are the ones every export carries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import DemotraceError
from ..pipeline.config import PipelineConfig
from ..pipeline.model import Episode
from ..pipeline.prepare import prepare_session
from ..schema import Step
from ..server.deps import bundle_dir
from ..store import ServiceData
from ..store.models import Session

EPISODE_ID = re.compile(r"([A-Za-z0-9_]{1,40})-(\d{3,6})")
CLICKS = {"click", "double_click", "triple_click", "right_click", "middle_click"}


@dataclass(slots=True)
class SessionEpisodes:
    episodes: list[Episode]
    drops: dict[str, Any]
    problem: str | None = None


def session_episodes(data: ServiceData, row: Session) -> SessionEpisodes:
    d = bundle_dir(data, row)
    if not (d / "session.json").exists():
        return SessionEpisodes([], {}, "nothing stored yet")
    try:
        prep = prepare_session(d, None, PipelineConfig())
    except DemotraceError as e:
        return SessionEpisodes([], {}, str(e).splitlines()[0][:200])
    return SessionEpisodes(prep.episodes, prep.drops.to_dict())


def split_episode_id(episode_id: str) -> tuple[str, int] | None:
    m = EPISODE_ID.fullmatch(episode_id)
    return (m.group(1), int(m.group(2))) if m else None


def frame_point(step: Step) -> dict[str, Any]:
    """The action's geometry in the stored frame's pixels (what the viewer draws)."""
    a, obs = step.action, step.observation
    ox, oy = obs.origin
    scale = float(obs.scale or 1.0)

    def px(x: Any, y: Any) -> list[float] | None:
        if isinstance(x, int | float) and isinstance(y, int | float):
            return [round((x - ox) * scale, 1), round((y - oy) * scale, 1)]
        return None

    out: dict[str, Any] = {"type": a.get("type", "")}
    p = px(a.get("x"), a.get("y"))
    if p:
        out["point"] = p
    q = px(a.get("to_x"), a.get("to_y"))
    if q:
        out["to"] = q
    path = a.get("path")
    if isinstance(path, list):
        pts = [px(*pt[:2]) for pt in path if isinstance(pt, list | tuple) and len(pt) >= 2]
        out["path"] = [pt for pt in pts if pt]
    if isinstance(a.get("text"), str):
        out["text"] = a["text"]
    keys = a.get("keys") or ([a["key"]] if isinstance(a.get("key"), str) else None)
    if keys:
        out["keys"] = [str(k) for k in keys]
    return out


def describe(action: dict[str, Any]) -> str:
    """One line that says what an action did (plain text; the template escapes it)."""
    t = str(action.get("type", "?"))
    if "text" in action:
        return f"{t}: {action.get('text')}"
    if action.get("keys"):
        return f"{t}: {'+'.join(str(k) for k in action['keys'])}"
    if "key" in action:
        return f"{t}: {action['key']}"
    if "x" in action and "y" in action:
        extra = f" → ({action.get('to_x')}, {action.get('to_y')})" if "to_x" in action else ""
        return f"{t} at ({action['x']}, {action['y']}){extra}"
    return t
