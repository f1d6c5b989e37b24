"""The frame (OCR) pass of the redaction package, reached through a lazy import of
`demotrace.redact.frames.redact_frames_dir` (structural boxes + OCR + text engine over every image
of a bundle, written under the same names), run in a child process that is killed (with its
Tesseract runs) at the per-frame timeout, so nothing of a stopped pass runs on.
`frame_pass_cmd` in service.json replaces it with a command that follows the CLI contract
(`<cmd> IN_DIR --out DIR`, as `demotrace redact frames`). Any failure — import, exception, exit
status, timeout, a frame without its redacted copy — raises FramePassError, which keeps the
session quarantined with an alert (fail closed)."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from ..policy import Policy
from ..redact import TextRedactor

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")
START_S = 60.0
"""For the child to start and load the redactor, before the per-frame timeouts begin."""


class FramePassError(Exception):
    pass


def frame_paths(bundle_dir: Path) -> list[str]:
    """The images of a bundle that the pass must redact (other files under frames/ are not released)."""
    d = bundle_dir / "frames"
    if not d.is_dir():
        return []
    return sorted(
        f"frames/{p.relative_to(d).as_posix()}"
        for p in d.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")
    )


def _child(bundle_dir: str, out_dir: str, terms: tuple[str, ...], topics: tuple[str, ...], conn: Any) -> None:
    """The pass, in a child process of its own session (its Tesseract runs are its children):
    sends ("ready", "") once started, ("frame", rel) after each frame, then ("done", "") or
    ("error", message)."""
    os.setsid()
    try:
        from ..redact.frames import redact_frames_dir

        redactor = TextRedactor(terms, topics)
        conn.send(("ready", ""))
        redact_frames_dir(
            Path(bundle_dir),
            Path(out_dir),
            redactor,
            key=None,
            progress=lambda rel: conn.send(("frame", rel)),
        )
        conn.send(("done", ""))
    except ImportError as e:
        conn.send(("error", f"frame redaction pass unavailable: {e}"))
    except Exception as e:
        conn.send(("error", f"frame redaction pass failed: {type(e).__name__}: {e}"))
    finally:
        conn.close()


def _in_child(bundle_dir: Path, out_dir: Path, policy: Policy, timeout: float, per_frame: float) -> None:
    """The pass in a child process, killed with everything it started (Tesseract) when it takes
    over `START_S` s to start, a frame over `per_frame` s or the whole pass over `timeout` s: the
    session fails closed and nothing runs on."""
    ctx = mp.get_context("spawn")  # never fork a worker that runs threads; the environment of now
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child,
        args=(str(bundle_dir), str(out_dir), policy.confidential_terms, policy.sensitive_topics, child),
        name="demotrace-frame-pass",
        daemon=True,
    )
    proc.start()
    child.close()
    end = time.monotonic() + timeout
    frame_end = time.monotonic() + START_S
    frames, ready = 0, False
    result: tuple[str, str] | None = None
    try:
        while result is None:
            now = time.monotonic()
            if now >= min(end, frame_end):
                what = f"a frame took over {per_frame:.0f} s" if frame_end <= end else f"over {timeout:.0f} s"
                if not ready:
                    what = f"not started within {START_S:.0f} s"
                raise FramePassError(
                    f"frame redaction pass timed out ({what}, after {frames} frames); stopped"
                )
            if not parent.poll(min(end, frame_end) - now):
                continue
            try:
                kind, text = parent.recv()
            except EOFError:  # died without a word (killed, out of memory)
                proc.join(5)
                raise FramePassError(f"frame redaction pass died (exit status {proc.exitcode})") from None
            if kind in ("ready", "frame"):
                frames += kind == "frame"
                ready = True
                frame_end = time.monotonic() + per_frame
            else:
                result = (kind, text)
    finally:
        if proc.is_alive() and result is None:
            _kill_group(proc.pid)
        proc.join(10)
        parent.close()
    if result[0] == "error":
        raise FramePassError(result[1])


def _kill_group(pid: int | None) -> None:
    """The child first (so it starts nothing more), then its process group (what it started);
    the group does not exist when the child had not yet made it."""
    if pid is None:
        return
    for kill in (os.kill, os.killpg):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _command(cmd: list[str], bundle_dir: Path, out_dir: Path, timeout: float) -> None:
    argv = [*cmd, str(bundle_dir), "--out", str(out_dir)]
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise FramePassError(f"frame redaction pass did not run: {e}") from None
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]
        raise FramePassError(f"frame redaction pass failed: {last[:300]}")


def redact_frames(
    bundle_dir: Path,
    out_dir: Path,
    frames: list[str],
    policy: Policy,
    cmd: list[str] | None = None,
    timeout: float = 900.0,
    per_frame: float | None = None,
) -> dict[str, Path]:
    """Run the pass over `bundle_dir`; returns each frame's path in the bundle → its redacted file.
    `timeout` bounds the whole pass (the caller gives it per frame × frames); the in-process pass
    also stops at the first frame that takes over `per_frame` s."""
    if not frames:
        return {}
    out_dir.mkdir(parents=True, exist_ok=True)
    if cmd:
        _command(cmd, bundle_dir, out_dir, timeout)
    else:
        _in_child(bundle_dir, out_dir, policy, timeout, per_frame if per_frame is not None else timeout)
    out: dict[str, Path] = {}
    for rel in frames:
        cand = out_dir / rel
        if not (cand.is_file() and cand.stat().st_size > 0):
            raise FramePassError(f"frame redaction pass wrote no redacted copy of {rel}")
        out[rel] = cand
    return out


def frame_masks(out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The OCR masks the pass listed per frame (`frame-masks.json`; {} from a command that lists
    none): what each hides and its box in frame pixels."""
    path = out_dir / "frame-masks.json"
    if not path.is_file():
        return {}
    try:
        got = json.loads(path.read_text())
    except ValueError as e:
        raise FramePassError(f"frame redaction pass wrote an unreadable {path.name}: {e}") from None
    return got if isinstance(got, dict) else {}


def list_frame_masks(step: dict[str, Any], masks: dict[str, list[dict[str, Any]]]) -> None:
    """Add the OCR masks of the step's before/after frames to its `redactions` (as the recorder lists
    its own pixel masks: field, kind, box; `source: ocr`)."""
    obs = step.get("observation") or {}
    found = [
        {"field": f"observation.{name}", "kind": m.get("kind"), "box": m.get("box"), "source": "ocr"}
        for name in ("before", "after")
        if isinstance(obs.get(name), str)
        for m in masks.get(obs[name], [])
    ]
    if found:
        step["redactions"] = [*(step.get("redactions") or []), *found]
