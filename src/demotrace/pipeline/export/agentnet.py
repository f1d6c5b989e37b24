"""`agentnet`: AgentNet / OpenCUA JSON lines, `agentnet.jsonl` + `images/`.

One episode a line: `{"task_id", "instruction", "traj": [{"index", "image", "value": {"code"}}]}`.
`code` is pyautogui in AgentNet's dialect (`hotkey(keys=[…])`, `press(keys=[…])`,
`write(message=…)`), coordinates are the frame's, normalised to 0–1 with 4 decimals; the last
entry is `computer.terminate(status='success')` on the final screen. `image` names the file
under `images/` (null when the recording has no images).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...schema import SessionMeta, Step
from ..frames import FrameSource, ext_of
from ..model import Episode
from ._base import Exporter, Rendered, dumps, last_image_ref, norm, pyautogui_key

CLICK_FN = {
    "click": "click",
    "double_click": "doubleClick",
    "triple_click": "tripleClick",
    "right_click": "rightClick",
    "middle_click": "middleClick",
}
TERMINATE = "computer.terminate(status='success')"


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
    raise ValueError(f"action type {kind!r} has no pyautogui form")


class AgentNetExporter(Exporter):
    name: ClassVar[str] = "agentnet"
    jsonl_name: ClassVar[str | None] = "agentnet.jsonl"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            traj: list[dict[str, Any]] = []

            def image(ref: str | None, i: int, ep: Episode = ep) -> str | None:
                blob = frames.try_read(ref)
                if ref is None or blob is None:
                    return None
                name = f"{ep.episode_id}_{i}.{ext_of(ref)}"
                out.files.append((f"images/{name}", blob))
                return name

            for s in ep.steps:
                code = pyautogui_code(s, meta)
                traj.append(
                    {"index": s.index, "image": image(s.observation.before, s.index), "value": {"code": code}}
                )
            n = len(ep.steps)
            traj.append({"index": n, "image": image(last_image_ref(ep), n), "value": {"code": TERMINATE}})
            out.lines.append(dumps({"task_id": ep.episode_id, "instruction": ep.instruction, "traj": traj}))
        return out
