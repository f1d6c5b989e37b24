"""Where an episode's instruction comes from, and a drafted one where nobody gave it.

Sources (DESIGN, "Export formats"), strongest first: `reviewer` (an edit in the service's review
queue, passed in by episode id), `person` (a `demotrace task start` mark or the recorder's
`SessionMeta.task`), `import` (the imported recording's task name) and `drafted`.

A drafted instruction is written from templates over the episode's steps: per app/site, in order,
the clicks on named targets, the text typed and the keys pressed, e.g. "In xcalc, click 7, +, 8
and =; then on demo.localhost type 'weather in lisbon' and press Enter". No model ships with
demotrace, so templates are what we use (an instruction that only restates the actions is still
better for training than none, and it is marked `drafted` so a trainer can filter it out).
"""

from __future__ import annotations

from typing import Any

from ..schema import Step
from .model import step_place

SOURCES = ("reviewer", "person", "import", "drafted")
MAX_PARTS = 4
"""Phrases per app/site in a drafted instruction (the rest becomes "…")."""


def draft_instruction(steps: list[Step]) -> str:
    """A short imperative sentence from the steps: grouped by app/site, in order."""
    groups: list[tuple[str, list[str]]] = []
    for s in steps:
        phrase = _phrase(s)
        if not phrase:
            continue
        place = step_place(s) or "the desktop"
        if not groups or groups[-1][0] != place:
            groups.append((place, []))
        parts = groups[-1][1]
        if not parts or parts[-1] != phrase:
            parts.append(phrase)
    if not groups:
        return "Use the computer as shown"
    sentences = []
    for place, parts in groups[:MAX_PARTS]:
        parts = _join_clicks(parts)
        shown = parts[:MAX_PARTS] + (["…"] if len(parts) > MAX_PARTS else [])
        prep = "on" if "." in place or place == "the desktop" else "in"
        sentences.append(f"{prep} {place}, {_and(shown)}")
    text = "; then ".join(sentences)
    return text[0].upper() + text[1:]


def _phrase(s: Step) -> str:
    a = s.action
    kind = a.get("type")
    name = _target_name(s.target)
    if kind in ("click", "double_click", "triple_click", "right_click", "middle_click"):
        verb = {"click": "click", "double_click": "double-click", "triple_click": "triple-click"}.get(
            str(kind), "right-click" if kind == "right_click" else "middle-click"
        )
        if s.target and s.target.get("role") == "option" and name:
            return f"choose {name}"
        return f"{verb} {name}" if name else ""
    if kind == "type" and a.get("text"):
        text = str(a["text"])
        return f"type '{text[:40]}{'…' if len(text) > 40 else ''}'"
    if kind == "key" and a.get("key"):
        return f"press {_key(str(a['key']))}"
    if kind == "hotkey" and a.get("keys"):
        return "press " + "+".join(_key(str(k)) for k in a["keys"])
    if kind == "scroll":
        return "scroll down" if (a.get("dy") or 0) > 0 else "scroll up"
    if kind == "drag":
        return "drag " + name if name else "drag"
    if kind == "secure_input":
        return f"enter the {a.get('field') or 'secret'}"
    return ""


def _target_name(target: dict[str, Any] | None) -> str:
    if not target:
        return ""
    name = target.get("name")
    if isinstance(name, str) and name.strip():
        n = " ".join(name.split())
        return n if len(n) <= 30 else n[:29] + "…"
    return ""


def _key(k: str) -> str:
    return k.capitalize() if len(k) > 1 else k.upper()


def _join_clicks(parts: list[str]) -> list[str]:
    """ "click 7", "click +", "click 8" → "click 7, + and 8"."""
    out: list[str] = []
    run: list[str] = []
    for p in [*parts, ""]:
        if p.startswith("click "):
            run.append(p[len("click ") :])
            continue
        if run:
            out.append("click " + _and(run) if len(run) > 1 else "click " + run[0])
            run = []
        if p:
            out.append(p)
    return out


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe_action(step: Step) -> str:
    """One step in words ("Click Search", "Type 'hello'"), for formats with a per-step action
    description (AgentNet's `value.action`)."""
    phrase = _phrase(step) or str(step.action.get("type", "act")).replace("_", " ")
    return phrase[0].upper() + phrase[1:]
