"""The frame (OCR) pass of the redaction package, reached through a lazy import of
`demotrace.redact.frames.redact_frames_dir` (structural boxes + OCR + text engine over every image
of a bundle, written under the same names), run in a child process (`redact/frames_child.py`)
that is killed with its Tesseract runs at the per-frame timeout, so nothing of a stopped pass
runs on.
`frame_pass_cmd` in service.json replaces it with a command that follows the CLI contract
(`<cmd> IN_DIR --out DIR`, as `demotrace redact frames`). Any failure — import, exception, exit
status, timeout, a frame without its redacted copy — raises FramePassError, which keeps the
session quarantined with an alert (fail closed)."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..policy import Policy

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


def _in_child(bundle_dir: Path, out_dir: Path, policy: Policy, timeout: float, per_frame: float) -> None:
    """The pass in a child process (`redact/frames_child.py`, a session of its own), killed with
    everything it started (Tesseract) when it takes over `START_S` s to start, a frame over
    `per_frame` s or the whole pass over `timeout` s: the session fails closed and nothing runs
    on."""
    cfg = json.dumps({"terms": list(policy.confidential_terms), "topics": list(policy.sensitive_topics)})
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "demotrace.redact.frames_child", str(bundle_dir), str(out_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as e:
        raise FramePassError(f"frame redaction pass did not start: {e}") from None
    assert proc.stdin is not None and proc.stdout is not None
    end = time.monotonic() + timeout
    frame_end = time.monotonic() + START_S
    frames, ready, result = 0, False, ""
    try:
        try:
            proc.stdin.write(cfg.encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass  # it died at once: its stdout says so (EOF)
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            buf = b""
            while not result:
                now = time.monotonic()
                if now >= min(end, frame_end):
                    if not ready:
                        what = f"not started within {START_S:.0f} s"
                    elif frame_end <= end:
                        what = f"a frame took over {per_frame:.0f} s"
                    else:
                        what = f"over {timeout:.0f} s"
                    raise FramePassError(
                        f"frame redaction pass timed out ({what}, after {frames} frames); stopped"
                    )
                if not sel.select(min(end, frame_end) - now):
                    continue
                got = os.read(proc.stdout.fileno(), 65536)
                if not got:  # died without a word (killed, out of memory)
                    proc.wait(5)
                    raise FramePassError(f"frame redaction pass died (exit status {proc.returncode})")
                buf += got
                *lines, buf = buf.split(b"\n")
                for raw in lines:
                    line = raw.decode(errors="replace")
                    if line in ("ready",) or line.startswith("frame "):
                        frames += line.startswith("frame ")
                        ready = True
                        frame_end = time.monotonic() + per_frame
                    elif line == "done" or line.startswith("error "):
                        result = line
                        break
    finally:
        if result != "done":
            _kill_group(proc.pid)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            proc.wait(5)
        proc.stdout.close()
    if result.startswith("error "):
        raise FramePassError(result.removeprefix("error "))


def _kill_group(pid: int) -> None:
    """The child leads a session of its own: its group holds it and every Tesseract it started."""
    try:
        os.killpg(pid, signal.SIGKILL)
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
