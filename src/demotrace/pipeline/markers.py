"""Marker steps from the recorder's marks: where keys went to a secure field and were dropped.

The recorder writes `{"kind": "mark", "what": "secure_input", "t"}` once per run of keys it
dropped because a secure field (password, one-time code, card) had focus — never their content
or count. Each becomes a step `{"type": "secure_input", "field": …}` between its neighbours, so a
trajectory does not jump from "click Password" to "click Sign in" with no cause: its before frame
is the screen after the previous action, its after frame the next action's before frame, its
context the previous step's. `field` comes from the mark when it names one, else from the clicked
field's target (its name or selector says password / one-time code / card), else `secure`.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

from ..schema import Observation, Step

_KINDS = (("otp", ("otp", "one-time", "one time", "2fa", "verification")), ("card", ("card", "cvc", "cvv")))


def with_marker_steps(steps: list[Step], marks: list[dict[str, Any]]) -> list[Step]:
    """`steps` (time order) with a `secure_input` step for each such mark, in time order."""
    found = [m for m in marks if m.get("what") == "secure_input" and isinstance(m.get("t"), int | float)]
    if not found:
        return steps
    times = [s.t for s in steps]
    out = list(steps)
    for m in found:
        t = float(m["t"])
        i = bisect.bisect_right(times, t)
        prev = steps[i - 1] if i > 0 else None
        nxt = steps[i] if i < len(steps) else None
        near = prev or nxt
        if near is None:
            continue
        field = m.get("field") if isinstance(m.get("field"), str) else _field_kind(prev)
        o = near.observation
        before = (prev.observation.after or prev.observation.before) if prev else o.before
        after = nxt.observation.before if nxt else None
        obs = dataclasses.replace(o, before=before, after=after) if isinstance(o, Observation) else o
        idx = prev.index if prev else 0
        out.append(Step(idx, t, {"type": "secure_input", "field": field}, obs, dict(near.context)))
    out.sort(key=lambda s: s.t)
    return out


def _field_kind(prev: Step | None) -> str:
    """password, otp or card from the field the person clicked before typing, else `secure`."""
    target = prev.target if prev is not None else None
    if not target:
        return "secure"
    words = " ".join(str(target.get(k) or "") for k in ("name", "selector", "type", "autocomplete")).lower()
    for kind, needles in _KINDS:
        if any(n in words for n in needles):
            return kind
    return "password" if "password" in words or "passw" in words else "secure"
