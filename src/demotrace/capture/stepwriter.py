"""From reduced actions to stored steps: context and text redaction, before/after frame choice,
masking, encoding (once per grab and window) and the step record.

Frame rule (see docs/ARCHITECTURE.md and capture/timeline.py): the *before* frame is the newest
grab completed before the action's first raw event, started after the previous action's effect
was drawn (else none, with `before_missing`); the *after* frame is the first grab started
`settle` after its last raw event, completed before the next action's first raw event (else the
newest grab in that window, else none, with `after_missing`). Both must have been taken while
the action's window was the allowlisted window in front, and are masked to it.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from ..redact import TextRedactor
from ..redact.fields import FieldRedactor
from ..schema import CLICK_TYPES, Action, WindowContext
from .screen import Grab, encode_masked
from .timeline import AfterChoice, FrameTimeline

TREE_NAMES_KEPT = 4096
"""Distinct accessibility names whose redaction a step writer remembers (then it starts over)."""


@dataclass
class PendingStep:
    action: Action
    ctx: WindowContext
    t0_mono: float
    """Monotonic time of the action's first raw event."""
    t1_mono: float
    emitted_mono: float
    grab_before: Grab | None = None
    grab_after: Grab | None = None
    before_done: bool = False
    after_done: bool = False
    after_held: Grab | None = None
    after_missing: str = ""
    prev_end: float = float("-inf")
    """Monotonic time of the previous action's last raw event."""


@dataclass
class StepWriter:
    writer: Any  # BundleWriter
    redactor: TextRedactor
    frame_format: str = "webp"
    frame_quality: int = 60
    settle: float = 0.3
    before_margin: float = 0.03
    drawn: float = 0.04
    """An app draws an input's effect within this long: a before frame must have started this long
    after the previous action's last raw event."""
    after_timeout: float = 0.6
    frames_enabled: bool = True
    browser: Any = None
    """The BrowserBridge, when one runs: clicks in the browser are joined to DOM events."""
    a11y: Any = None
    """The A11ySource (capture/a11y/): desktop targets and the accessibility tree."""
    timeline: FrameTimeline = field(default_factory=FrameTimeline)
    pending: list[PendingStep] = field(default_factory=list)
    seq: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    _field_redactor: FieldRedactor | None = None
    _tree_names: dict[str, Any] = field(default_factory=dict)
    _last_end: float = float("-inf")
    """Monotonic time of the last raw event of the newest action added."""

    # -- grabs ----------------------------------------------------------------------------------
    def add_grab(self, g: Grab) -> None:
        self.timeline.add_grab(g)

    # -- steps ----------------------------------------------------------------------------------
    def add(self, action: Action, ctx: WindowContext, mono0: float) -> None:
        t1 = action.t_end if action.t_end is not None else action.t
        p = PendingStep(action, ctx, mono0 + action.t, mono0 + t1, time.monotonic())
        p.prev_end = self._last_end
        self._last_end = max(self._last_end, p.t1_mono)
        self.pending.append(p)

    def _usable_for(self, p: PendingStep) -> Any:
        return lambda g: g.final and g.mask is not None and g.mask.window_id == p.ctx.window_id

    def _decide_frames(self, p: PendingStep, now: float, force: bool) -> bool:
        """Pick what can be picked now; True when both frames are decided."""
        if not self.frames_enabled:
            return True
        ok = self._usable_for(p)
        tl = self.timeline
        if not p.before_done:
            p.before_done, p.grab_before = tl.before(p.t0_mono, ok, p.prev_end + self.drawn)
            if force and not p.before_done:
                p.before_done = True
        if not p.after_done:
            got = tl.after(p.t1_mono, ok, p.after_held, now, self.after_timeout)
            if isinstance(got, AfterChoice):
                p.after_done, p.grab_after, p.after_missing = True, got.grab, got.reason
            else:
                p.after_held = got
                if force:
                    p.after_done, p.grab_after = True, got
                    p.after_missing = "" if got is not None else "recorder stopped before a grab"
        return p.before_done and p.after_done

    def pump(self, now: float, force: bool = False) -> int:
        """Write, in order, every pending step whose frames are decided. → steps written."""
        done = 0
        while self.pending:
            p = self.pending[0]
            if not self._decide_frames(p, now, force):
                break
            if p.grab_after is None and self.frames_enabled:
                self.counts["after_frame_missing"] += 1
            if p.grab_before is None and self.frames_enabled:
                self.counts["before_frame_missing"] += 1
            self.pending.pop(0)
            self._write(p)
            done += 1
        # the pins still needed: the undecided before frames, and the presses after the newest
        # action emitted (the one the reducer still holds: a long typing's first key)
        undecided = [q.t0_mono for q in self.pending if not q.before_done]
        self.timeline.release_before(min(undecided, default=self._last_end + 1e-4))
        return done

    def _frame(self, g: Grab | None, p: PendingStep) -> str | None:
        if g is None or not self.frames_enabled:
            return None
        key = f"{p.ctx.window_id:x}"
        done = f"{key} {g.mask!r}"  # grabs of identical pixels share `encoded`: same mask, same file
        rel = g.encoded.get(done)
        if rel is None:
            rel = f"frames/f{g.id:06d}-{key}.{'jpg' if self.frame_format == 'jpeg' else self.frame_format}"
            data = encode_masked(g, g.mask, self.frame_format, self.frame_quality)
            self.writer.write_blob(rel, data)
            g.encoded[done] = rel
            self.counts["frames"] += 1
        return rel

    def _write(self, p: PendingStep) -> None:
        a = p.action
        redactions: list[dict[str, str]] = []
        if a.type == "type" and a.text:
            r = self.redactor.redact(a.text)
            if r.dropped or r.text is None:
                self.counts[f"dropped_text:{(r.reason or 'redactor').split(':')[0]}"] += 1
                return
            redactions += [{"field": "action.text", "kind": f.kind} for f in r.findings]
            a.text = r.text
        target, ctx = self._join(p)
        if target is None and self.a11y is not None:
            target = self._a11y_target(p)
        context, ctx_red = self._context(ctx)
        redactions += ctx_red
        if target is not None:  # every string in it, nested ones too (control, options, path)
            target, t_red = self._fields().tree(target, "target")
            redactions += t_red
        before, after = self._frame(p.grab_before, p), self._frame(p.grab_after, p)
        g = p.grab_before or p.grab_after
        obs: dict[str, Any] = {
            "before": before,
            "after": after,
            "width": 0,
            "height": 0,
            "origin": [0, 0],
            "scale": 1.0,
        }
        if g is not None:
            obs.update(width=g.rect[2], height=g.rect[3], origin=[g.rect[0], g.rect[1]], monitor=g.monitor)
        mono0 = p.t0_mono - a.t
        for k, fg, rel in (("before_t", p.grab_before, before), ("after_t", p.grab_after, after)):
            if fg is not None and rel is not None:
                obs[k] = round(fg.t0 - mono0, 4)
        if p.after_missing and self.frames_enabled:
            obs["after_missing"] = p.after_missing
        if p.grab_before is None and self.frames_enabled:
            obs["before_missing"] = _before_missing(p)
        redactions += _pixel_redactions(p, before, after)
        if self.a11y is not None and (tree := self._a11y_tree(p.ctx.pid)) is not None:
            obs["accessibility_tree"] = tree
        step = {
            "index": self.seq,
            "t": round(a.t, 4),
            "t_end": round(a.t_end if a.t_end is not None else a.t, 4),
            "action": a.to_dict(),
            "observation": obs,
            "context": context,
            "redactions": redactions,
        }
        if target is not None:
            step["target"] = target
        self.writer.add("step", step)
        self.seq += 1
        self.counts["steps"] += 1

    def _join(self, p: PendingStep) -> tuple[dict[str, Any] | None, WindowContext]:
        """For a click in a browser window: the DOM event it caused (target and page URL)."""
        a = p.action
        if self.browser is None or p.ctx.url is None or a.type not in CLICK_TYPES or a.point is None:
            return None, p.ctx
        from .browser import join_click

        self.counts["browser_clicks"] += 1
        t_end = a.t_end if a.t_end is not None else a.t
        ev = join_click(a.point[0], a.point[1], a.t, self.browser.events_between(a.t - 1.0, t_end + 1.0))
        if ev is None:
            return None, p.ctx
        self.counts["browser_clicks_joined"] += 1
        return ev.target, replace(p.ctx, url=ev.url or p.ctx.url)

    def _a11y_target(self, p: PendingStep) -> dict[str, Any] | None:
        """The accessible clicked (looked up at the press) or, for keys, the one with the focus."""
        a = p.action
        if a.type in CLICK_TYPES:
            t = self.a11y.target_at(p.t0_mono, p.ctx.pid)
        elif a.type in ("type", "key", "hotkey"):
            t = self.a11y.focus_at(p.t0_mono, p.ctx.pid)
        else:
            return None
        self.counts[
            f"a11y:{a.type if a.type == 'type' else 'click' if a.type in CLICK_TYPES else 'key'}"
        ] += 1
        if t is not None:
            self.counts["a11y:joined"] += 1
        return dict(t) if t is not None else None

    def _a11y_tree(self, pid: int | None) -> list[Any] | None:
        """The focused window's compact tree, every name through the text redactor: the names not
        redacted before in one `redact_many` batch (a window's tree repeats from step to step,
        so the rest come from the memo of this redactor)."""
        nodes = self.a11y.tree_for(pid)
        if not nodes:
            return None
        cache = self._tree_names
        if cache.get("", None) is not self.redactor:
            cache.clear()
            cache[""] = self.redactor
        missing = list(dict.fromkeys(n[2] for n in nodes if n[2] and n[2] not in cache))
        if missing:
            if len(cache) + len(missing) > TREE_NAMES_KEPT:  # start over with this tree's names
                cache.clear()
                cache[""] = self.redactor
                missing = list(dict.fromkeys(n[2] for n in nodes if n[2]))
            for name, r in zip(missing, self.redactor.redact_many(missing), strict=True):
                cache[name] = "[REDACTED]" if r.dropped or r.text is None else r.text
        # cache[name], never a default: a name missing here is a bug, not a reason to store it raw
        return [
            [depth, role, cache[name] if name else "", bbox, states]
            for depth, role, name, bbox, states in nodes
        ]

    def _fields(self) -> FieldRedactor:
        if self._field_redactor is None or self._field_redactor.redactor is not self.redactor:
            self._field_redactor = FieldRedactor(self.redactor)  # a new policy brings a new redactor
        return self._field_redactor

    def _context(self, ctx: WindowContext) -> tuple[dict[str, Any], list[dict[str, str]]]:
        """Every string of the context through the redactor (the URL as a URL)."""
        d: dict[str, Any] = {"app": ctx.app, "title": ctx.title}
        if ctx.url:
            d["url"] = ctx.url
        d["wm_class"] = ctx.wm_class
        out, red = self._fields().tree(d, "context")
        out.update(window=list(ctx.geometry), monitor=ctx.monitor)
        return out, red


def _before_missing(p: PendingStep) -> str:
    gap = p.t0_mono - p.prev_end
    if gap < 5.0:
        return f"previous action {max(gap, 0.0):.2f} s earlier, before any grab"
    return "no grab of the window before it"


def _pixel_redactions(p: PendingStep, before: str | None, after: str | None) -> list[dict[str, Any]]:
    """Every pixel mask of the stored frames: what it hides and its box in frame pixels."""
    out: list[dict[str, Any]] = []
    for name, g, rel in (("before", p.grab_before, before), ("after", p.grab_after, after)):
        if g is None or rel is None or g.mask is None:
            continue
        ox, oy = g.rect[0], g.rect[1]
        for (x, y, w, h), kind in g.mask.covers():
            box = [x - ox, y - oy, x + w - ox, y + h - oy]
            out.append({"field": f"observation.{name}", "kind": kind, "box": box})
    return out
