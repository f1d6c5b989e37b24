"""After `make demo`: read every released still frame and every frame of the released video with
three OCR readings, and grep every file of the dataset, for what the demo typed or showed that must
not be kept (`demo/workload.py`: an e-mail address, the sign-in name, password and code, a secret
typed into a window off the allowlist).

    PYTHONPATH=$PWD/src .venv/bin/python bench/demo_leak_scan.py [REPO]   # REPO: where `make demo` ran

Prints each frame where a reading holds one of them ("LEAK?"), the number of frames read, and the
dataset files that hold one as text. Readings: the frame pass's own (`ocr_words`), Tesseract on the
grey frame at 3x, and Tesseract `--psm 11` (sparse text) at 2x. Three minutes or so on 2 cores.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import av
from PIL import Image

from demotrace.redact.image import ocr_words

PLANTED = ("jane.doe", "alice.demo", "hunter2", "Secret!", "493817", "s3cr3t")


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s.lower())


def _sparse(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.resize((img.width * 2, img.height * 2)).save(buf, "PNG")
    r = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "11"], input=buf.getvalue(), capture_output=True
    )
    return r.stdout.decode(errors="replace")


def readings(img: Image.Image) -> list[str]:
    return [
        " ".join(w.text for w in ocr_words(img)),
        " ".join(w.text for w in ocr_words(img.convert("L"), scale=3)),
        _sparse(img),
    ]


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    frames: list[tuple[str, Image.Image]] = [
        (p.name, Image.open(p).convert("RGB"))
        for p in sorted(root.glob("out/demo/dataset/native/frames/*/*"))
    ]
    for mp4 in sorted(root.glob("out/demo/service/blobs/released/*/video/*.mp4")):
        with av.open(str(mp4)) as c:
            frames += [(f"{mp4.name}#{i}", f.to_image()) for i, f in enumerate(c.decode(video=0))]
    leaks = 0
    for name, img in frames:
        text = _norm(" ".join(readings(img)))
        hits = [p for p in PLANTED if _norm(p) in text]
        if hits:
            leaks += 1
            print("LEAK?", name, hits)
    print(f"frames read: {len(frames)}; with a planted value: {leaks}")
    pattern = [a for p in PLANTED for a in ("-e", p)]
    out = subprocess.run(
        ["grep", "-rIlF", *pattern, str(root / "out/demo/dataset")], capture_output=True, text=True
    ).stdout
    print("dataset files holding one as text:", out.strip() or "none")


if __name__ == "__main__":
    main()
