"""`osworld`: OSWorld `computer_13` actions, `osworld.jsonl` + `screenshots/`.

One episode a line: `{"episode_id", "instruction", "steps": [{"index", "screenshot", "action"}]}`
with `action` = `{"action_type", "parameters"}` in the screenshot's px. computer_13 has no
press-to-release drag, modifier-click or positioned scroll, so one step can become several
entries sharing its `index` and screenshot: MOVE_TO + DRAG_TO; KEY_DOWN…CLICK…KEY_UP;
MOVE_TO + SCROLL. SCROLL's `dy` follows pyautogui (> 0 up). The episode ends with DONE.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...schema import SessionMeta, Step
from ..frames import FrameSource, ext_of
from ..model import Episode
from ._base import Exporter, Rendered, dumps, last_image_ref, px, pyautogui_key

NUM_CLICKS = {"click": 1, "double_click": 2, "triple_click": 3, "right_click": 1, "middle_click": 1}
BUTTON = {"right_click": "right", "middle_click": "middle"}


def _act(kind: str, **params: Any) -> dict[str, Any]:
    return {"action_type": kind, "parameters": params}


def computer13(step: Step, meta: SessionMeta) -> list[dict[str, Any]]:
    a = step.action
    kind = a["type"]
    mods = [pyautogui_key(k, meta.os) for k in a.get("modifiers", [])]
    if kind in NUM_CLICKS:
        x, y = px(step, a["x"], a["y"])
        button = BUTTON.get(kind) or a.get("button") or "left"
        click = _act("CLICK", button=button, x=x, y=y, num_clicks=NUM_CLICKS[kind])
        return [
            *(_act("KEY_DOWN", key=k) for k in mods),
            click,
            *(_act("KEY_UP", key=k) for k in reversed(mods)),
        ]
    if kind == "drag":
        x, y = px(step, a["x"], a["y"])
        tx, ty = px(step, a["to_x"], a["to_y"])
        return [_act("MOVE_TO", x=x, y=y), _act("DRAG_TO", x=tx, y=ty)]
    if kind == "scroll":
        x, y = px(step, a["x"], a["y"])
        return [
            _act("MOVE_TO", x=x, y=y),
            _act("SCROLL", dx=int(a.get("dx") or 0), dy=-int(a.get("dy") or 0)),
        ]
    if kind == "type":
        return [_act("TYPING", text=a["text"])]
    if kind == "key":
        key = pyautogui_key(a["key"], meta.os)
        return [_act("HOTKEY", keys=[*mods, key])] if mods else [_act("PRESS", key=key)]
    if kind == "hotkey":
        return [_act("HOTKEY", keys=[pyautogui_key(k, meta.os) for k in a["keys"]])]
    if kind == "move":
        x, y = px(step, a["x"], a["y"])
        return [_act("MOVE_TO", x=x, y=y)]
    raise ValueError(f"action type {kind!r} has no computer_13 form")


class OSWorldExporter(Exporter):
    name: ClassVar[str] = "osworld"
    jsonl_name: ClassVar[str | None] = "osworld.jsonl"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            steps: list[dict[str, Any]] = []

            def shot(ref: str | None, i: int, ep: Episode = ep) -> str | None:
                blob = frames.try_read(ref)
                if ref is None or blob is None:
                    return None
                rel = f"screenshots/{ep.episode_id}_{i}.{ext_of(ref)}"
                out.files.append((rel, blob))
                return rel

            for s in ep.steps:
                path = shot(s.observation.before, s.index)
                steps += [
                    {"index": s.index, "screenshot": path, "action": act} for act in computer13(s, meta)
                ]
            n = len(ep.steps)
            steps.append({"index": n, "screenshot": shot(last_image_ref(ep), n), "action": _act("DONE")})
            out.lines.append(
                dumps({"episode_id": ep.episode_id, "instruction": ep.instruction, "steps": steps})
            )
        return out
