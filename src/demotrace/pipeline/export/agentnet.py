"""`agentnet`: AgentNet / OpenCUA JSON lines, `agentnet.jsonl` + `images/`.

One episode a line: `{"task_id", "instruction", "natural_language_task", "actual_task",
"instruction_source", "task_completed", "metadata", "traj": [{"index", "image", "value": {…}}]}`.
Each `value` has every per-step field OpenCUA's reader looks up, present even when empty:
`observation`, `thought`, `action` (the step in words), `code`, `reflection`, `last_step_correct`,
`last_step_redundant`. `code` is pyautogui in AgentNet's dialect (`hotkey(keys=[…])`,
`press(keys=[…])`, `write(message=…)`), coordinates are the frame's, normalised to 0–1 with 4
decimals; a `secure_input` step is `computer.wait()` with `secure_input: <field>` on the entry
(never what was typed); the last entry is `computer.terminate(status='success')` on the final
screen. `image` names the file under `images/` (PNG unless `--image-format` says otherwise; one
file per distinct image of an episode; null when the recording has no images).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...schema import SessionMeta, Step
from ..frames import FrameSource
from ..instructions import describe_action
from ..metadata import recording_metadata
from ..model import Episode
from ._base import EpisodeImages, Exporter, Rendered, dumps, last_image_ref, marker_note, norm, pyautogui_key

CLICK_FN = {
    "click": "click",
    "double_click": "doubleClick",
    "triple_click": "tripleClick",
    "right_click": "rightClick",
    "middle_click": "middleClick",
}
TERMINATE = "computer.terminate(status='success')"
WAIT = "computer.wait()"


def _xy(step: Step, meta: SessionMeta, x: Any, y: Any) -> str:
    nx, ny = norm(step, meta, x, y)
    return f"x={nx}, y={ny}"


def pyautogui_code(step: Step, meta: SessionMeta) -> str:
    a = step.action
    kind = a["type"]
    keys = [pyautogui_key(k, meta.os) for k in a.get("modifiers", [])]
    if kind in CLICK_FN:
        button = a.get("button")
        extra = f", button='{button}'" if kind == "click" and button and button != "left" else ""
        call = f"pyautogui.{CLICK_FN[kind]}({_xy(step, meta, a['x'], a['y'])}{extra})"
        if keys:
            down = [f"pyautogui.keyDown({k!r})" for k in keys]
            up = [f"pyautogui.keyUp({k!r})" for k in reversed(keys)]
            return "\n".join([*down, call, *up])
        return call
    if kind == "drag":
        button = a.get("button") or "left"
        return (
            f"pyautogui.moveTo({_xy(step, meta, a['x'], a['y'])})\n"
            f"pyautogui.dragTo({_xy(step, meta, a['to_x'], a['to_y'])}, button={button!r})"
        )
    if kind == "scroll":
        lines = [f"pyautogui.moveTo({_xy(step, meta, a['x'], a['y'])})"]
        if a.get("dy"):
            lines.append(f"pyautogui.scroll({-int(a['dy'])})")  # pyautogui: > 0 scrolls up
        if a.get("dx"):
            lines.append(f"pyautogui.hscroll({int(a['dx'])})")  # pyautogui: > 0 scrolls right
        return "\n".join(lines)
    if kind == "type":
        return f"pyautogui.write(message={a['text']!r})"
    if kind == "key":
        key = pyautogui_key(a["key"], meta.os)
        if keys:
            return f"pyautogui.hotkey(keys={[*keys, key]!r})"
        return f"pyautogui.press(keys={[key]!r})"
    if kind == "hotkey":
        return f"pyautogui.hotkey(keys={[pyautogui_key(k, meta.os) for k in a['keys']]!r})"
    if kind == "move":
        return f"pyautogui.moveTo({_xy(step, meta, a['x'], a['y'])})"
    if kind in ("secure_input", "wait"):
        return WAIT
    raise ValueError(f"action type {kind!r} has no pyautogui form")


def _value(code: str, action: str, thought: str = "") -> dict[str, Any]:
    return {
        "observation": "",
        "thought": thought,
        "action": action,
        "code": code,
        "reflection": "",
        "last_step_correct": True,
        "last_step_redundant": False,
    }


class AgentNetExporter(Exporter):
    name: ClassVar[str] = "agentnet"
    jsonl_name: ClassVar[str | None] = "agentnet.jsonl"
    default_image_format: ClassVar[str | None] = "png"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            images = EpisodeImages(out, frames, self.image_format, f"images/{ep.episode_id}_")

            def image(ref: str | None, images: EpisodeImages = images) -> str | None:
                rel = images.add(ref)
                return rel[len("images/") :] if rel else None

            traj: list[dict[str, Any]] = []
            for s in ep.steps:
                entry: dict[str, Any] = {
                    "index": s.index,
                    "image": image(s.observation.before),
                    "value": _value(pyautogui_code(s, meta), describe_action(s)),
                }
                if s.action["type"] == "secure_input":
                    entry["secure_input"] = s.action.get("field") or "secure"
                    entry["value"]["thought"] = marker_note(s)
                traj.append(entry)
            n = len(ep.steps)
            done = {
                "index": n,
                "image": image(last_image_ref(ep)),
                "value": _value(TERMINATE, "Finish the task"),
            }
            traj.append(done)
            line = {
                "task_id": ep.episode_id,
                "instruction": ep.instruction,
                "natural_language_task": ep.instruction,
                "actual_task": ep.instruction,
                "instruction_source": ep.instruction_source,
                "task_completed": None,
                "metadata": recording_metadata(meta, ep),
                "traj": traj,
            }
            out.lines.append(dumps(line))
        return out
