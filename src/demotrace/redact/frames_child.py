"""The frame (OCR) pass as a child process for the service (`server/frames.py`), so that a stuck
frame can be killed with its Tesseract runs: `python -m demotrace.redact.frames_child IN OUT`
reads {"terms": [...], "topics": [...]} on stdin and writes one line per event on stdout:
`ready` once the redactor is loaded, `frame <path>` after each frame, then `done` or
`error <message>`. Only the redaction package is imported (not the service)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    def say(line: str) -> None:
        sys.stdout.write(line.replace("\n", " ") + "\n")
        sys.stdout.flush()

    try:
        from . import TextRedactor
        from .frames import redact_frames_dir

        cfg = json.loads(sys.stdin.read() or "{}")
        redactor = TextRedactor(tuple(cfg.get("terms", ())), tuple(cfg.get("topics", ())))
        say("ready")
        redact_frames_dir(
            Path(argv[0]), Path(argv[1]), redactor, key=None, progress=lambda rel: say(f"frame {rel}")
        )
    except ImportError as e:
        say(f"error frame redaction pass unavailable: {e}")
        return 1
    except Exception as e:
        say(f"error frame redaction pass failed: {type(e).__name__}: {e}")
        return 1
    say("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
