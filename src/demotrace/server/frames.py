"""The frame (OCR) pass of the redaction package, reached through a lazy import of
`demotrace.redact.frames.redact_frames_dir` (structural boxes + OCR + text engine over every image
of a bundle, written under the same names). `frame_pass_cmd` in service.json replaces it with a
command that follows the CLI contract (`<cmd> IN_DIR --out DIR`, as `demotrace redact frames`).
Any failure — import, exception, exit status, timeout, a frame without its redacted copy —
raises FramePassError, which keeps the session quarantined with an alert (fail closed)."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path
from typing import Any

from ..policy import Policy
from ..redact import TextRedactor

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


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


def _in_process(bundle_dir: Path, out_dir: Path, policy: Policy, timeout: float) -> None:
    """The pass in a thread of this worker, waited for at most `timeout` s: past it the session
    fails closed (the thread cannot be stopped; it finishes into a folder nobody reads)."""
    try:
        from ..redact.frames import redact_frames_dir
    except ImportError as e:
        raise FramePassError(f"frame redaction pass unavailable: {e}") from None
    failed: list[BaseException] = []

    def run() -> None:
        try:
            redactor = TextRedactor(policy.confidential_terms, policy.sensitive_topics)
            redact_frames_dir(bundle_dir, out_dir, redactor, key=None)
        except Exception as e:
            failed.append(e)

    worker = threading.Thread(target=run, name="demotrace-frame-pass", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise FramePassError(f"frame redaction pass timed out after {timeout:.0f} s")
    if failed:
        err = failed[0]
        raise FramePassError(f"frame redaction pass failed: {type(err).__name__}: {err}") from None


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
) -> dict[str, Path]:
    """Run the pass over `bundle_dir`; returns each frame's path in the bundle → its redacted file.
    `timeout` bounds the whole pass (the caller gives it per frame × frames)."""
    if not frames:
        return {}
    out_dir.mkdir(parents=True, exist_ok=True)
    if cmd:
        _command(cmd, bundle_dir, out_dir, timeout)
    else:
        _in_process(bundle_dir, out_dir, policy, timeout)
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
