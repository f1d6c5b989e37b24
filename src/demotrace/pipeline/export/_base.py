"""What every exporter shares: its interface, and the coordinate and key-name conversions.

An exporter turns one session's episodes into output: whole files (`files`, paths relative to
`--out`) and, for the formats that gather every episode into one JSON-lines file, its lines
(`lines`; the engine concatenates them in session order into `jsonl_name`). It must be a pure
function of its input, so that any engine, any number of workers and any resume give the same
bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

import orjson

from ...schema import SessionMeta, Step
from ..config import PipelineConfig
from ..frames import FrameSource, content_name
from ..model import Episode


@dataclass(slots=True)
class Rendered:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)


class Exporter:
    name: ClassVar[str]
    jsonl_name: ClassVar[str | None] = None
    default_image_format: ClassVar[str | None] = None
    """What the format's own tooling expects (None: each frame as stored)."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.image_format = self.config.image_format or self.default_image_format

    def render(self, episodes: list[Episode], frames: FrameSource, meta: SessionMeta) -> Rendered:
        raise NotImplementedError


class EpisodeImages:
    """Writes an episode's frames, each distinct image once: files are named by content under
    `prefix`, so identical frames (an unchanged screen) share one file and one reference."""

    def __init__(self, out: Rendered, frames: FrameSource, image_format: str | None, prefix: str) -> None:
        self.out, self.frames, self.image_format, self.prefix = out, frames, image_format, prefix
        self._written: set[str] = set()

    def add(self, ref: str | None) -> str | None:
        got = self.frames.image(ref, self.image_format)
        if got is None:
            return None
        data, ext = got
        rel = f"{self.prefix}{content_name(data)}.{ext}"
        if rel not in self._written:
            self._written.add(rel)
            self.out.files.append((rel, data))
        return rel


SECURE_NOTE = "typed into a {field} field; what was typed is not recorded"
MARKER_TYPES = ("secure_input", "wait")
"""Steps that mark what happened without an action to replay (DESIGN, "secure_input")."""


def marker_note(step: Step) -> str:
    a = step.action
    if a.get("type") == "secure_input":
        return SECURE_NOTE.format(field=a.get("field") or "secure")
    return "waited for the screen to change"


def dumps(obj: Any) -> bytes:
    """Deterministic JSON (sorted keys, no spaces, UTF-8)."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


def digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


# -- coordinates ---------------------------------------------------------------------------------


def frame_point(step: Step, x: float, y: float) -> tuple[float, float]:
    """Screen (virtual-desktop) px → the stored frame's px (DESIGN: coordinates follow frames)."""
    o = step.observation
    return ((x - o.origin[0]) * o.scale, (y - o.origin[1]) * o.scale)


def screen_point(step: Step, fx: float, fy: float) -> tuple[float, float]:
    """The inverse of `frame_point`."""
    o = step.observation
    s = o.scale or 1.0
    return (fx / s + o.origin[0], fy / s + o.origin[1])


def frame_size(step: Step, meta: SessionMeta) -> tuple[int, int]:
    """The observation's size; without an image, the size of the monitor the action was on."""
    o = step.observation
    if o.width > 0 and o.height > 0:
        return (o.width, o.height)
    x, y = step.action.get("x"), step.action.get("y")
    i = meta.monitor_at(int(x), int(y)) if isinstance(x, int | float) and isinstance(y, int | float) else None
    if meta.monitors:
        m = meta.monitors[i or 0]
        return (round(m.width * o.scale), round(m.height * o.scale))
    return (0, 0)


def px(step: Step, x: Any, y: Any) -> tuple[int, int]:
    """Frame px as ints, kept inside the frame (a point on the screen's last pixel column maps
    to the frame's last column however the scale rounds)."""
    fx, fy = frame_point(step, float(x), float(y))
    ix, iy = round(fx), round(fy)
    o = step.observation
    if o.width > 0 and o.height > 0:
        ix, iy = min(max(ix, 0), o.width - 1), min(max(iy, 0), o.height - 1)
    return (ix, iy)


def norm(step: Step, meta: SessionMeta, x: Any, y: Any) -> tuple[float, float]:
    """Frame px normalised to 0–1 (4 decimals), the way AgentNet writes coordinates."""
    w, h = frame_size(step, meta)
    fx, fy = frame_point(step, float(x), float(y))
    return (round(fx / w, 4) if w else 0.0, round(fy / h, 4) if h else 0.0)


# -- key names -----------------------------------------------------------------------------------

_PYAUTOGUI_RENAME = {"altgr": "altright", "cmd": "win"}


def pyautogui_key(key: str, os_name: str = "") -> str:
    """demotrace's key names are pyautogui's already (schema/events.py), except the super key
    (`cmd` → `win`, or `command` for a macOS recording) and AltGr."""
    if key == "cmd" and os_name.lower() in ("darwin", "macos", "mac"):
        return "command"
    return _PYAUTOGUI_RENAME.get(key, key)


# xdotool keysym names, which Anthropic's computer tool takes for `key`.
_XDOTOOL = {
    "enter": "Return",
    "return": "Return",
    "tab": "Tab",
    "escape": "Escape",
    "esc": "Escape",
    "backspace": "BackSpace",
    "delete": "Delete",
    "insert": "Insert",
    "space": "space",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pageup": "Page_Up",
    "pagedown": "Page_Down",
    "capslock": "Caps_Lock",
    "ctrl": "ctrl",
    "shift": "shift",
    "alt": "alt",
    "cmd": "super",
    "altgr": "ISO_Level3_Shift",
    "menu": "Menu",
    "printscreen": "Print",
}


def xdotool_key(key: str) -> str:
    if key in _XDOTOOL:
        return _XDOTOOL[key]
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return "F" + key[1:]
    return key


def from_xdotool_key(name: str) -> str:
    rev = {v: k for k, v in _XDOTOOL.items() if k not in ("return", "esc")}
    if name in rev:
        return rev[name]
    if len(name) > 1 and name[0] == "F" and name[1:].isdigit():
        return "f" + name[1:]
    return name


def frame_action(step: Step) -> dict[str, Any]:
    """The step's action with its points in the stored frame's px (ints)."""
    a = dict(step.action)
    for fx, fy in (("x", "y"), ("to_x", "to_y")):
        if a.get(fx) is not None and a.get(fy) is not None:
            a[fx], a[fy] = px(step, a[fx], a[fy])
    return a


def last_image_ref(ep: Episode) -> str | None:
    """The screen after the episode's last action (its after frame, else its before frame)."""
    if not ep.steps:
        return None
    o = ep.steps[-1].observation
    return o.after or o.before
