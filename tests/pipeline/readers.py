"""Read every export format back into DESIGN actions (screen px), for round-trip and golden tests.

Each reader uses the format's own conventions only (plus the native export of the same input for
the frame geometry where a format keeps none), so a test fails when an exporter drifts.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from PIL import Image

from .builders import png  # noqa: F401  (re-exported for tests)

MODS = {"ctrl", "shift", "alt", "cmd", "altgr"}
PYAUTOGUI_BACK = {"win": "cmd", "command": "cmd", "altright": "altgr"}
XDOTOOL_BACK = {
    "Return": "enter",
    "Tab": "tab",
    "Escape": "escape",
    "BackSpace": "backspace",
    "Delete": "delete",
    "Insert": "insert",
    "Up": "up",
    "Down": "down",
    "Left": "left",
    "Right": "right",
    "Home": "home",
    "End": "end",
    "Page_Up": "pageup",
    "Page_Down": "pagedown",
    "super": "cmd",
}


def canonical(a: dict[str, Any]) -> dict[str, Any]:
    """Fold the two spellings of a chord (`key`+modifiers vs `hotkey`) and drop a default button."""
    a = dict(a)
    if a["type"] == "key" and a.get("modifiers"):
        a = {"type": "hotkey", "keys": [*a["modifiers"], a["key"]]}
    if a["type"] == "click" and a.get("button") == "left":
        a.pop("button")
    if a["type"] == "drag":
        a.setdefault("button", "left")
    if not a.get("modifiers"):
        a.pop("modifiers", None)
    return a


def native_episodes(out: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (out / "trajectories.jsonl").read_text().splitlines()]


def to_screen(obs: dict[str, Any], fx: float, fy: float) -> tuple[float, float]:
    s = obs.get("scale") or 1.0
    return (fx / s + obs["origin"][0], fy / s + obs["origin"][1])


# -- agentnet ------------------------------------------------------------------------------------


def _calls(code: str) -> list[tuple[str, list[Any], dict[str, Any]]]:
    out = []
    for stmt in ast.parse(code).body:
        assert isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call), code
        call = stmt.value
        name = ast.unparse(call.func)
        args = [ast.literal_eval(a) for a in call.args]
        kw = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
        out.append((name, args, kw))
    return out


def agentnet_action(code: str, obs: dict[str, Any]) -> dict[str, Any] | None:
    """One trajectory entry's code → a DESIGN action in screen px (None for terminate)."""
    calls = _calls(code)
    if calls[0][0] == "computer.terminate":
        return None
    if calls[0][0] == "computer.wait":
        return {"type": "wait"}
    w, h = obs["width"], obs["height"]

    def pt(kw: dict[str, Any]) -> tuple[float, float]:
        return to_screen(obs, kw["x"] * w, kw["y"] * h)

    mods = [PYAUTOGUI_BACK.get(a[0], a[0]) for n, a, _ in calls if n == "pyautogui.keyDown"]
    calls = [c for c in calls if c[0] not in ("pyautogui.keyDown", "pyautogui.keyUp")]
    name, _args, kw = calls[0]
    clicks = {
        "pyautogui.click": "click",
        "pyautogui.doubleClick": "double_click",
        "pyautogui.tripleClick": "triple_click",
        "pyautogui.rightClick": "right_click",
        "pyautogui.middleClick": "middle_click",
    }
    if name in clicks:
        x, y = pt(kw)
        a: dict[str, Any] = {"type": clicks[name], "x": x, "y": y}
        if clicks[name] == "click":
            a["button"] = kw.get("button", "left")
        if mods:
            a["modifiers"] = mods
        return a
    if name == "pyautogui.moveTo" and len(calls) == 1:
        x, y = pt(kw)
        return {"type": "move", "x": x, "y": y}
    if name == "pyautogui.moveTo" and calls[1][0] == "pyautogui.dragTo":
        x, y = pt(kw)
        tx, ty = pt(calls[1][2])
        return {"type": "drag", "x": x, "y": y, "to_x": tx, "to_y": ty, "button": calls[1][2]["button"]}
    if name == "pyautogui.moveTo":
        x, y = pt(kw)
        dy = dx = 0
        for n, a_, _ in calls[1:]:
            if n == "pyautogui.scroll":
                dy = -a_[0]
            elif n == "pyautogui.hscroll":
                dx = a_[0]
        return {"type": "scroll", "x": x, "y": y, "dx": dx, "dy": dy}
    if name == "pyautogui.write":
        return {"type": "type", "text": kw["message"]}
    if name == "pyautogui.press":
        (k,) = kw["keys"]
        return {"type": "key", "key": PYAUTOGUI_BACK.get(k, k)}
    if name == "pyautogui.hotkey":
        return {"type": "hotkey", "keys": [PYAUTOGUI_BACK.get(k, k) for k in kw["keys"]]}
    raise AssertionError(f"unexpected code {code!r}")


def agentnet_entry(entry: dict[str, Any], obs: dict[str, Any]) -> dict[str, Any] | None:
    """One `traj` entry → a DESIGN action: a secure-input marker is named on the entry."""
    if "secure_input" in entry:
        assert entry["value"]["code"] == "computer.wait()"
        return {"type": "secure_input", "field": entry["secure_input"]}
    return agentnet_action(entry["value"]["code"], obs)


# -- osworld -------------------------------------------------------------------------------------


def osworld_action(entries: list[dict[str, Any]], obs: dict[str, Any]) -> dict[str, Any] | None:
    """The entries of one step (same `step`) → a DESIGN action; a WAIT that shows time passing
    (it carries `seconds`) is not an action of the person and is left out."""
    entries = [e for e in entries if "seconds" not in e]
    acts = [e["action"] for e in entries]
    kinds = [a["action_type"] for a in acts]
    if kinds == ["DONE"]:
        return None
    mods = [
        PYAUTOGUI_BACK.get(a["parameters"]["key"], a["parameters"]["key"])
        for a in acts
        if a["action_type"] == "KEY_DOWN"
    ]
    acts = [a for a in acts if a["action_type"] not in ("KEY_DOWN", "KEY_UP")]
    first = acts[0]
    p = first["parameters"]
    t = first["action_type"]
    if t == "CLICK":
        x, y = to_screen(obs, p["x"], p["y"])
        n = p["num_clicks"]
        kind = {1: "click", 2: "double_click", 3: "triple_click"}[n]
        if p["button"] == "right":
            kind = "right_click"
        elif p["button"] == "middle":
            kind = "middle_click"
        a: dict[str, Any] = {"type": kind, "x": x, "y": y}
        if kind == "click":
            a["button"] = p["button"]
        if mods:
            a["modifiers"] = mods
        return a
    if t == "MOVE_TO" and len(acts) == 1:
        x, y = to_screen(obs, p["x"], p["y"])
        return {"type": "move", "x": x, "y": y}
    if t == "MOVE_TO" and acts[1]["action_type"] == "DRAG_TO":
        x, y = to_screen(obs, p["x"], p["y"])
        q = acts[1]["parameters"]
        tx, ty = to_screen(obs, q["x"], q["y"])
        return {"type": "drag", "x": x, "y": y, "to_x": tx, "to_y": ty, "button": "left"}
    if t == "MOVE_TO" and acts[1]["action_type"] == "MOUSE_DOWN":
        assert [a["action_type"] for a in acts] == ["MOVE_TO", "MOUSE_DOWN", "MOVE_TO", "MOUSE_UP"], acts
        x, y = to_screen(obs, p["x"], p["y"])
        q = acts[2]["parameters"]
        tx, ty = to_screen(obs, q["x"], q["y"])
        button = acts[1]["parameters"]["button"]
        assert acts[3]["parameters"]["button"] == button
        return {"type": "drag", "x": x, "y": y, "to_x": tx, "to_y": ty, "button": button}
    if t == "WAIT" and "secure_input" in entries[0]:
        return {"type": "secure_input", "field": entries[0]["secure_input"]}
    if t == "MOVE_TO" and acts[1]["action_type"] == "SCROLL":
        x, y = to_screen(obs, p["x"], p["y"])
        q = acts[1]["parameters"]
        return {"type": "scroll", "x": x, "y": y, "dx": q["dx"], "dy": -q["dy"]}
    if t == "TYPING":
        return {"type": "type", "text": p["text"]}
    if t == "PRESS":
        return {"type": "key", "key": PYAUTOGUI_BACK.get(p["key"], p["key"])}
    if t == "HOTKEY":
        return {"type": "hotkey", "keys": [PYAUTOGUI_BACK.get(k, k) for k in p["keys"]]}
    raise AssertionError(f"unexpected entries {entries}")


# -- anthropic -----------------------------------------------------------------------------------


def anthropic_calls(transcript: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        c["input"]
        for m in transcript["messages"]
        if m["role"] == "assistant"
        for c in m["content"]
        if c["type"] == "tool_use" and c["input"]["action"] != "screenshot"
    ]


def anthropic_expected(a: dict[str, Any]) -> list[dict[str, Any]]:
    """What the Anthropic transcript should hold for a DESIGN action (frame px, xdotool keys) —
    written independently of the exporter, from the tool's documentation."""
    keys = {v: k for k, v in XDOTOOL_BACK.items()}
    k = lambda name: keys.get(name, name)  # noqa: E731
    t = a["type"]
    if t in ("click", "double_click", "triple_click", "right_click", "middle_click"):
        name = {"click": "left_click"}.get(t, t)
        d: dict[str, Any] = {"action": name, "coordinate": [a["x"], a["y"]]}
        if a.get("modifiers"):
            d["text"] = "+".join(k(m) for m in a["modifiers"])
        return [d]
    if t == "drag":
        return [
            {
                "action": "left_click_drag",
                "start_coordinate": [a["x"], a["y"]],
                "coordinate": [a["to_x"], a["to_y"]],
            }
        ]
    if t == "scroll":
        out = []
        if a["dy"]:
            out.append(
                {
                    "action": "scroll",
                    "coordinate": [a["x"], a["y"]],
                    "scroll_direction": "down" if a["dy"] > 0 else "up",
                    "scroll_amount": abs(a["dy"]),
                }
            )
        if a["dx"]:
            out.append(
                {
                    "action": "scroll",
                    "coordinate": [a["x"], a["y"]],
                    "scroll_direction": "right" if a["dx"] > 0 else "left",
                    "scroll_amount": abs(a["dx"]),
                }
            )
        return out
    if t == "type":
        return [{"action": "type", "text": a["text"]}]
    if t == "key":
        return [{"action": "key", "text": "+".join([*(k(m) for m in a.get("modifiers", [])), k(a["key"])])}]
    if t == "hotkey":
        return [{"action": "key", "text": "+".join(k(m) for m in a["keys"])}]
    if t == "move":
        return [{"action": "mouse_move", "coordinate": [a["x"], a["y"]]}]
    if t in ("secure_input", "wait"):
        return [{"action": "wait", "duration": 1}]
    raise AssertionError(t)


# -- parquet / webdataset --------------------------------------------------------------------------


def parquet_rows(out: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in sorted((out / "data").glob("*.parquet")):
        rows += pq.read_table(p).to_pylist()
    return rows


def tar_samples(out: Path) -> list[dict[str, Any]]:
    """Samples of every shard, grouped by key (plain tarfile; the webdataset package is tested
    separately)."""
    samples: dict[str, dict[str, Any]] = {}
    for p in sorted((out / "shards").glob("*.tar")):
        with tarfile.open(p) as tar:
            for m in tar.getmembers():
                key, ext = m.name.split(".", 1)
                f = tar.extractfile(m)
                assert f is not None
                samples.setdefault(key, {"__key__": key})[ext] = f.read()
    return [samples[k] for k in sorted(samples)]


def from_frame_px(a: dict[str, Any], obs: dict[str, Any]) -> dict[str, Any]:
    a = dict(a)
    for fx, fy in (("x", "y"), ("to_x", "to_y")):
        if fx in a:
            a[fx], a[fy] = to_screen(obs, a[fx], a[fy])
    return a


# -- images --------------------------------------------------------------------------------------


def frame_number(data: bytes) -> int:
    """Which builder frame (solid colour n) an image shows, whatever it was re-encoded as."""
    with Image.open(io.BytesIO(data)) as im:
        r, g, b = im.convert("RGB").getpixel((0, 0))  # type: ignore[misc]
    best = min(
        range(1, 200),
        key=lambda n: abs((n * 37) % 256 - r) + abs((n * 91) % 256 - g) + abs((n * 53) % 256 - b),
    )
    return best


def b64_frame(data: str) -> int:
    return frame_number(base64.b64decode(data))
