"""`osworld`: OSWorld `computer_13` actions, `osworld.jsonl` + `screenshots/`.

One episode a line: `{"episode_id", "instruction", "instruction_source", "metadata", "steps":
[{"index", "step", "screenshot", "action"}]}` with `action` = `{"action_type", "parameters"}` in the
screenshot's px. `index` is unique and 0-based over the entries; `step` is the trajectory step an
entry belongs to (null for DONE). computer_13 has no press-to-release drag, modifier-click or
positioned scroll, so one step can become several entries sharing its `step` and screenshot:
MOVE_TO + DRAG_TO (a left drag), MOVE_TO + MOUSE_DOWN + MOVE_TO + MOUSE_UP with the button for
another button; KEY_DOWN…CLICK…KEY_UP; MOVE_TO + SCROLL. SCROLL's `dy` follows pyautogui (> 0
up). Entries of a step with a DOM/accessibility target carry it (`target`: role, name, bbox …).
A `secure_input` step is a WAIT carrying `secure_input: <field>`; where more than `wait_gap`
seconds pass before the next action a WAIT (with `seconds`, on the screen after the step) shows
it. The episode ends with DONE. Screenshots are PNG unless `--image-format` says otherwise, one
file per distinct image of an episode.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...schema import SessionMeta, Step
from ..frames import FrameSource
from ..metadata import recording_metadata
from ..model import Episode
from ._base import EpisodeImages, Exporter, Rendered, dumps, last_image_ref, px, pyautogui_key

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
        button = a.get("button") or "left"
        if button == "left":
            return [_act("MOVE_TO", x=x, y=y), _act("DRAG_TO", x=tx, y=ty)]
        return [
            _act("MOVE_TO", x=x, y=y),
            _act("MOUSE_DOWN", button=button),
            _act("MOVE_TO", x=tx, y=ty),
            _act("MOUSE_UP", button=button),
        ]
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
    if kind in ("secure_input", "wait"):
        return [_act("WAIT")]
    raise ValueError(f"action type {kind!r} has no computer_13 form")


def _entry(
    steps: list[dict[str, Any]],
    step: int | None,
    shot: str | None,
    act: dict[str, Any],
    extra: dict[str, Any],
) -> None:
    steps.append({"index": len(steps), "step": step, "screenshot": shot, "action": act, **extra})


def linearized_tree(rows: list[Any], step: Step) -> str:
    """OSWorld's linearized accessibility tree (the text its agents are prompted with): one
    tab-separated line per node, `tag name position size`, in the screenshot's pixels."""
    ox, oy = step.observation.origin
    lines = ["tag\tname\tposition (top-left x&y)\tsize (w&h)"]
    for _depth, role, name, bbox, _states in rows:
        if bbox is None:
            continue
        x0, y0, x1, y1 = bbox
        lines.append(f"{role}\t{name}\t({x0 - ox}, {y0 - oy})\t({x1 - x0}, {y1 - y0})")
    return "\n".join(lines)


class OSWorldExporter(Exporter):
    name: ClassVar[str] = "osworld"
    jsonl_name: ClassVar[str | None] = "osworld.jsonl"
    default_image_format: ClassVar[str | None] = "png"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            images = EpisodeImages(out, frames, self.image_format, f"screenshots/{ep.episode_id}_")
            steps: list[dict[str, Any]] = []

            for i, s in enumerate(ep.steps):
                path = images.add(s.observation.before)
                marker: dict[str, Any] = {"target": s.target} if s.target else {}
                if s.observation.accessibility_tree:
                    marker["accessibility_tree"] = linearized_tree(s.observation.accessibility_tree, s)
                if s.action["type"] == "secure_input":
                    marker["secure_input"] = s.action.get("field") or "secure"
                for act in computer13(s, meta):
                    _entry(steps, s.index, path, act, marker)
                nxt = ep.steps[i + 1].t if i + 1 < len(ep.steps) else None
                if nxt is not None and nxt - s.t > self.config.wait_gap:
                    after = images.add(s.observation.after) or path
                    _entry(steps, s.index, after, _act("WAIT"), {"seconds": round(nxt - s.t, 3)})
            _entry(steps, None, images.add(last_image_ref(ep)), _act("DONE"), {})
            line = {
                "episode_id": ep.episode_id,
                "instruction": ep.instruction,
                "instruction_source": ep.instruction_source,
                "metadata": recording_metadata(meta, ep),
                "steps": steps,
            }
            out.lines.append(dumps(line))
        return out
