"""`anthropic`: Claude computer-use transcripts, `anthropic/<episode_id>.json` = exactly
`{"tools", "messages"}` (ready to pass to the Messages API; the episode is the file name).

The `computer` tool (computer_20250124) declares `display_width_px`/`display_height_px` = the
screenshots' size, and coordinates are screenshot px. The user's first turn gives the
instruction; the assistant takes a screenshot, then each action is an assistant `tool_use` turn
answered by a user `tool_result` turn carrying the next screenshot (base64): the before frame of
the next step, so every action is decided on exactly the screen the person saw. A scroll on both
axes is two tool calls. Key names are xdotool's (`Return`, `ctrl+s`), as the tool expects. A
`secure_input` step is a `wait` call preceded by a text block saying which kind of field was typed
into (never what). The file stays exactly `{"tools", "messages"}` (DESIGN), so the recording's
metadata (OS, screens, scale, versions, locale, apps) is a second text block of the first user
turn, after the instruction: the environment in words, then the metadata as JSON after
`Metadata: `.
"""

from __future__ import annotations

import base64
from typing import Any, ClassVar

from ...schema import SessionMeta, Step
from ..frames import FrameSource, image_size, media_type
from ..metadata import recording_metadata
from ..model import Episode
from ._base import (
    Exporter,
    Rendered,
    digest,
    dumps,
    frame_size,
    last_image_ref,
    marker_note,
    px,
    xdotool_key,
)

TOOL = "computer_20250124"
CLICKS = {
    "click": "left_click",
    "double_click": "double_click",
    "triple_click": "triple_click",
    "right_click": "right_click",
    "middle_click": "middle_click",
}


def tool_inputs(step: Step) -> list[dict[str, Any]]:
    a = step.action
    kind = a["type"]
    mods = "+".join(xdotool_key(k) for k in a.get("modifiers", []))
    if kind in CLICKS:
        name = CLICKS[kind]
        if kind == "click" and a.get("button") == "right":
            name = "right_click"
        elif kind == "click" and a.get("button") == "middle":
            name = "middle_click"
        d: dict[str, Any] = {"action": name, "coordinate": list(px(step, a["x"], a["y"]))}
        if mods:
            d["text"] = mods
        return [d]
    if kind == "drag":
        return [
            {
                "action": "left_click_drag",
                "start_coordinate": list(px(step, a["x"], a["y"])),
                "coordinate": list(px(step, a["to_x"], a["to_y"])),
            }
        ]
    if kind == "scroll":
        at = list(px(step, a["x"], a["y"]))
        out = []
        dy, dx = int(a.get("dy") or 0), int(a.get("dx") or 0)
        if dy:
            out.append(
                {
                    "action": "scroll",
                    "coordinate": at,
                    "scroll_direction": "down" if dy > 0 else "up",
                    "scroll_amount": abs(dy),
                }
            )
        if dx:
            out.append(
                {
                    "action": "scroll",
                    "coordinate": at,
                    "scroll_direction": "right" if dx > 0 else "left",
                    "scroll_amount": abs(dx),
                }
            )
        return out
    if kind == "type":
        return [{"action": "type", "text": a["text"]}]
    if kind == "key":
        key = xdotool_key(a["key"])
        return [{"action": "key", "text": f"{mods}+{key}" if mods else key}]
    if kind == "hotkey":
        return [{"action": "key", "text": "+".join(xdotool_key(k) for k in a["keys"])}]
    if kind == "move":
        return [{"action": "mouse_move", "coordinate": list(px(step, a["x"], a["y"]))}]
    if kind in ("secure_input", "wait"):
        return [{"action": "wait", "duration": 1}]
    raise ValueError(f"action type {kind!r} has no computer-use form")


class AnthropicExporter(Exporter):
    name: ClassVar[str] = "anthropic"

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        out = Rendered()
        for ep in episodes:
            out.files.append((f"anthropic/{ep.episode_id}.json", dumps(self.transcript(ep, frames, meta))))
        return out

    def transcript(self, ep: Episode, frames: FrameSource, meta: SessionMeta) -> dict[str, Any]:
        width, height = self._display(ep, frames, meta)
        ids = iter(f"toolu_{digest(ep.episode_id, str(i))}" for i in range(1_000_000))

        def result(tool_id: str, ref: str | None) -> dict[str, Any]:
            got = frames.image(ref, self.image_format)
            if got is None:
                content: list[dict[str, Any]] = [{"type": "text", "text": "(no screenshot recorded)"}]
            else:
                src = {
                    "type": "base64",
                    "media_type": media_type(got[1]),
                    "data": base64.b64encode(got[0]).decode(),
                }
                content = [{"type": "image", "source": src}]
            return {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": tool_id, "content": content}],
            }

        def call(tool_id: str, inp: dict[str, Any], note: str | None = None) -> dict[str, Any]:
            use = {"type": "tool_use", "id": tool_id, "name": "computer", "input": inp}
            text = [{"type": "text", "text": f"({note})"}] if note else []
            return {"role": "assistant", "content": [*text, use]}

        task = ep.instruction or "(no instruction was recorded for this task)"
        env = {"type": "text", "text": _environment(meta, ep, width, height)}
        messages: list[dict[str, Any]] = [{"role": "user", "content": [{"type": "text", "text": task}, env]}]
        first = next(ids)
        messages += [call(first, {"action": "screenshot"}), result(first, ep.steps[0].observation.before)]
        for i, s in enumerate(ep.steps):
            nxt = ep.steps[i + 1].observation.before if i + 1 < len(ep.steps) else last_image_ref(ep)
            inputs = tool_inputs(s)
            for j, inp in enumerate(inputs):
                tid = next(ids)
                note = marker_note(s) if s.action["type"] == "secure_input" else None
                messages.append(call(tid, inp, note))
                messages.append(result(tid, nxt if j == len(inputs) - 1 else s.observation.after or nxt))
        messages.append({"role": "assistant", "content": [{"type": "text", "text": "The task is done."}]})
        tool = {"type": TOOL, "name": "computer", "display_width_px": width, "display_height_px": height}
        return {"tools": [tool], "messages": messages}

    @staticmethod
    def _display(ep: Episode, frames: FrameSource, meta: SessionMeta) -> tuple[int, int]:
        blob = frames.try_read(ep.steps[0].observation.before)
        if blob is not None:
            return image_size(blob)
        return frame_size(ep.steps[0], meta)


def _environment(meta: SessionMeta, ep: Episode, width: int, height: int) -> str:
    """The environment, in words, from the recording's metadata."""
    md = recording_metadata(meta, ep)
    screens = (
        ", ".join(f"{m['width']}x{m['height']} at scale {m['scale']}" for m in md["screens"]) or "unknown"
    )
    apps = ", ".join(a["place"] + (f" ({a['version']})" if a["version"] else "") for a in md["apps"])
    return (
        f"The computer: OS {md['os'] or 'unknown'}; screen(s) {screens}; screenshots "
        f"{width}x{height} px; locale {md['locale'] or 'unknown'}; apps/sites used: {apps or 'unknown'}. "
        f"Recorded by {' '.join(filter(None, (md['recorder'], md['recorder_version'])))}, "
        f"policy v{md['policy_version']}. "
        f"Metadata: {dumps(md).decode()}"
    )
