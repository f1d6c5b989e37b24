"""What running the built-in frame (OCR) pass in a killable child process costs per session.

    .venv/bin/python bench/bench_frame_child.py [--frames 1 4] [--repeat 3]

The pass (`server/frames.py`) spawns one child per session so that a stuck frame can be killed
with its Tesseract runs. Prints, per frame count, the seconds of `redact_frames` over text
frames (median of `--repeat`), and the same work run in this process (`redact_frames_dir`
directly, as the thread that could not be stopped did): the difference is the child's start-up.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from demotrace.policy import Policy
from demotrace.redact import TextRedactor
from demotrace.redact.frames import redact_frames_dir
from demotrace.server.frames import redact_frames


def _frames(d: Path, n: int) -> list[str]:
    (d / "frames").mkdir(parents=True)
    font = ImageFont.load_default(size=28)
    for i in range(n):
        img = Image.new("RGB", (1280, 720), "white")
        draw = ImageDraw.Draw(img)
        for line in range(10):
            draw.text(
                (20, 20 + 60 * line), f"frame {i} line {line} mail bob@example.com", fill="black", font=font
            )
        buf = io.BytesIO()
        img.save(buf, "PNG")
        (d / "frames" / f"{i:06d}.png").write_bytes(buf.getvalue())
    return [f"frames/{i:06d}.png" for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    policy = Policy()
    for n in args.frames:
        child, inproc = [], []
        for r in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                src = Path(tmp) / "in"
                rels = _frames(src, n)
                t = time.perf_counter()
                redact_frames(src, Path(tmp) / "a", rels, policy, timeout=600.0, per_frame=120.0)
                child.append(time.perf_counter() - t)
                t = time.perf_counter()
                redact_frames_dir(src, Path(tmp) / "b", TextRedactor((), ()), key=None)
                inproc.append(time.perf_counter() - t)
            print(f"  run {r + 1}: child {child[-1]:.2f} s, in process {inproc[-1]:.2f} s", flush=True)
        c, i = statistics.median(child), statistics.median(inproc)
        print(f"{n} frames: child {c:.2f} s, in process {i:.2f} s, start-up {c - i:.2f} s per session")


if __name__ == "__main__":
    main()
