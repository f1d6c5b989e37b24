"""What the recorder says about itself: the status the control socket, `demotrace status` and
the service's fleet view show while it runs, and the summary it returns when it stops.

A status is asked for from other threads and before `Recorder.run` has built its parts, so
every part is read as possibly absent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .recorder import Recorder


def status(rec: Recorder) -> dict[str, Any]:
    """`state` (recording, paused or blocked), `why`, and the counts so far."""
    front = front_browser_block(rec)
    if rec.failure:
        state, why = "blocked", rec.failure
    elif rec.paused:
        state, why = "paused", "paused by the person recorded"
    elif rec.state_why:
        state, why = "blocked", rec.state_why
    elif front:
        state, why = "blocked", front
    else:
        state, why = "recording", ""
    sw = getattr(rec, "steps", None)
    return {
        "state": state,
        "why": why,
        "session": getattr(rec, "meta", None) and rec.meta.id,
        "policy_version": rec.policy.version,
        "actions": sw.counts["steps"] if sw else 0,
        "frames": sw.counts["frames"] if sw else 0,
        "events": rec.counts["events"],
        "dropped": {k[8:]: v for k, v in rec.counts.items() if k.startswith("dropped:")},
        "bytes": rec.writer.bytes_written if hasattr(rec, "writer") else 0,
        "browser_connected": bridge.connected if (bridge := getattr(rec, "browser", None)) else None,
        "secure_input": ev.secure_input() if (ev := getattr(rec, "events", None)) else None,
        "a11y": a11y.state() if (a11y := getattr(rec, "a11y", None)) else "off",
    }


def front_browser_block(rec: Recorder) -> str:
    """A browser in front that cannot be recorded (no extension, not paired, no tab matching
    the window): said in `status`, not hidden behind "recording"."""
    events = getattr(rec, "events", None)
    if events is None or not events.samples:
        return ""
    s = events.samples[-1]
    if s.allowed or s.ctx is None or not rec.policy.is_browser(s.ctx):
        return ""
    return f"browser in front not recorded: {s.reason}"


def summary(rec: Recorder) -> dict[str, Any]:
    """The status once stopped, with what the session holds: steps, frames, video frames, grabs,
    what was blocked and why, browser and accessibility joins."""
    s = status(rec)
    counts = rec.steps.counts
    s.update(
        state="stopped",
        bundle=str(rec.writer.root),
        steps=counts["steps"],
        frames=counts["frames"],
        video_frames=rec.video.frames if rec.video else 0,
        grabs=rec.screen.grabs,
        grabs_skipped_unchanged=rec.screen.skipped_unchanged,
        upload_pending=getattr(rec, "upload_pending", None),
        blocked=dict(rec.events.blocked_reasons),
        browser_clicks=counts["browser_clicks"],
        browser_clicks_joined=counts["browser_clicks_joined"],
        dropped_text={k: v for k, v in counts.items() if k.startswith("dropped_text:")},
        a11y_targets={k[5:]: v for k, v in counts.items() if k.startswith("a11y:")},
        a11y_lookups=rec.a11y.summary() if rec.a11y else {},
    )
    return s
