"""The frame (OCR) pass, reached through its command-line contract (DESIGN.md):
`demotrace redact frames IN_DIR --out DIR [--policy FILE]` writes every image of IN_DIR, redacted,
under the same names. Running it as a child process keeps the service independent of how the
OCR engine is built and bounds it with a timeout; any failure raises FramePassError, which keeps
the session quarantined with an alert (fail closed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DEFAULT_CMD = [sys.executable, "-c", "from demotrace.cli import main; main()", "redact", "frames"]


class FramePassError(Exception):
    pass


def redact_frames(
    bundle_dir: Path,
    out_dir: Path,
    frames: list[str],
    cmd: list[str] | None = None,
    policy_file: Path | None = None,
    timeout: float = 900.0,
) -> dict[str, Path]:
    """Run the pass over `bundle_dir`; returns each frame's path in the bundle → its redacted file."""
    if not frames:
        return {}
    argv = [*(cmd or DEFAULT_CMD), str(bundle_dir), "--out", str(out_dir)]
    if policy_file is not None:
        argv += ["--policy", str(policy_file)]
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise FramePassError(f"frame redaction pass did not run: {e}") from None
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]
        raise FramePassError(f"frame redaction pass failed: {last[:300]}")
    out: dict[str, Path] = {}
    for rel in frames:
        for cand in (out_dir / rel, out_dir / Path(rel).name):
            if cand.is_file() and cand.stat().st_size > 0:
                out[rel] = cand
                break
        else:
            raise FramePassError(f"frame redaction pass wrote no redacted copy of {rel}")
    return out
