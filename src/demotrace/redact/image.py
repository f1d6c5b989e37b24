"""Pixels: the structural pass (`mask_boxes`) and the OCR pass (`redact_image`).

The OCR pass reads the frame with Tesseract (Debian's `tesseract-ocr`, called as a process with
TSV output: no Python binding to build), joins the words of each text block into lines, runs the
same `TextRedactor` as the recorder over each block, and fills every word that a finding touches
with a solid box. A block the redactor drops (a confidential term, a sensitive topic, a failed
detector) is filled whole: fail closed. Small text is read at 2x scale, which Tesseract needs for
the 11–13 px fonts of terminals and web pages.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from ..errors import DemotraceError
from ..schema import Finding
from .engine import TextRedactor

Box = tuple[int, int, int, int]
FILL = (0, 0, 0)
PAD = 2
WIDTH_STEP = 24
"""Masks over text are widened to a multiple of this many pixels (about three characters of
terminal or page text): a mask must not tell the exact length of what it hides."""
MIN_CONF = 0.0
"""Words Tesseract reads with a lower confidence are left out of the text. 0 keeps every word: it
gives random tokens and passwords confidence 0 (`"glpat-1vkq…"`, `//user:pass@db.` measured on
the screenshot set), and a word left out can never be masked; keeping them took the set's images
with every span caught from 72.5 % to 75 % at the same share of other pixels masked."""


class OcrError(DemotraceError):
    """Tesseract is missing or failed on an image."""


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: Box
    block: tuple[int, int]
    line: tuple[int, int, int]
    conf: float


def mask_boxes(
    img: Image.Image, boxes: Iterable[Sequence[float]], fill: tuple[int, int, int] = FILL
) -> Image.Image:
    """A copy of `img` with each [x0, y0, x1, y1] box (frame pixels) filled solid."""
    out = img.convert("RGB") if img.mode != "RGB" else img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    for b in boxes:
        x0, y0, x1, y1 = (round(v) for v in b[:4])
        x0, x1 = sorted((max(0, min(w, x0)), max(0, min(w, x1))))
        y0, y1 = sorted((max(0, min(h, y0)), max(0, min(h, y1))))
        if x1 > x0 and y1 > y0:
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=fill)
    return out


def ocr_words(img: Image.Image, scale: int = 2, timeout: float = 120.0) -> list[Word]:
    """Words Tesseract reads in `img`, with boxes in `img`'s pixels."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrError("tesseract not found; install Debian's tesseract-ocr (apt-get install tesseract-ocr)")
    src = img.convert("L")
    if scale != 1:
        src = src.resize((src.width * scale, src.height * scale), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    src.save(buf, format="PNG")
    try:
        r = subprocess.run(
            [exe, "stdin", "stdout", "--psm", "3", "-l", "eng", "tsv"],
            input=buf.getvalue(),
            capture_output=True,
            timeout=timeout,
            check=False,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise OcrError(f"tesseract did not run: {e}") from None
    if r.returncode != 0:
        raise OcrError(f"tesseract failed: {r.stderr.decode(errors='replace').strip()[-200:]}")
    words: list[Word] = []
    for row in r.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        conf = float(f[10])
        if conf < MIN_CONF:
            continue
        x, y, w, h = (int(v) // scale for v in f[6:10])
        blk = (int(f[2]), int(f[3]))
        words.append(Word(f[11], (x, y, x + max(1, w), y + max(1, h)), blk, (*blk, int(f[4])), conf))
    return words


def redact_image(
    img: Image.Image, redactor: TextRedactor, *, scale: int = 2, words: list[Word] | None = None
) -> tuple[Image.Image, list[Finding]]:
    """OCR `img`, run `redactor` over each text block, fill the flagged words solid.

    Returns the redacted copy and one Finding per filled word group, with `bbox` in image pixels
    (offsets are into the block's OCR text)."""
    words = ocr_words(img, scale=scale) if words is None else words
    blocks: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        blocks.setdefault(w.block, []).append(w)
    boxes: list[Box] = []
    found: list[Finding] = []
    texts = [_block_text(blk) for blk in blocks.values()]
    results = redactor.redact_many([text for text, _ in texts])
    for blk, (text, spans), res in zip(blocks.values(), texts, results, strict=True):
        if res.dropped:
            box = _union([w.box for w in blk])
            boxes.append(box)
            found.append(Finding(_drop_kind(res.reason), 0, len(text), res.reason or "dropped", 1.0, box))
            continue
        for f in res.findings:
            hit = [w.box for w, (s, e) in zip(blk, spans, strict=True) if s < f.end and f.start < e]
            for line_boxes in _by_line(hit):
                box = _coarse(_union(line_boxes), img.width)
                boxes.append(box)
                found.append(Finding(f.kind, f.start, f.end, f.detector, f.score, box))
    padded = [(x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD) for x0, y0, x1, y1 in boxes]
    return mask_boxes(img, padded), found


def _coarse(box: Box, width: int, step: int = WIDTH_STEP) -> Box:
    """`box` widened to the next multiple of `step` pixels (rightwards, then leftwards at the
    image's edge), so that its width no longer gives away the hidden text's length."""
    x0, y0, x1, y1 = box
    want = -(-(x1 - x0) // step) * step
    x1 = min(x0 + want, width)
    x0 = max(0, x1 - want)
    return (x0, y0, x1, y1)


def _drop_kind(reason: str | None) -> str:
    if reason == "confidential_term":
        return "CONFIDENTIAL"
    if reason and reason.startswith("sensitive_topic"):
        return "SENSITIVE_TOPIC"
    return "DROPPED"


def _block_text(blk: list[Word]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev_line: tuple[int, int, int] | None = None
    for w in blk:
        if prev_line is not None:
            sep = " " if w.line == prev_line else "\n"
            parts.append(sep)
            pos += 1
        spans.append((pos, pos + len(w.text)))
        parts.append(w.text)
        pos += len(w.text)
        prev_line = w.line
    return "".join(parts), spans


def _by_line(boxes: list[Box]) -> list[list[Box]]:
    """Split boxes into rows, so a hit over two lines does not fill the space between them."""
    rows: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        if rows and b[1] < rows[-1][-1][3] and b[3] > rows[-1][-1][1]:
            rows[-1].append(b)
        else:
            rows.append([b])
    return rows


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
