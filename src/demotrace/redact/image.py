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
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageDraw

from ..errors import DemotraceError
from ..schema import Finding
from . import ocr_langs, ocr_underlines
from .engine import TextRedactor
from .ocr_source import ink, ocr_source

Box = tuple[int, int, int, int]
FILL = (0, 0, 0)
PAD = 2
WIDTH_STEP = 24
"""Masks over text are widened to a multiple of this many pixels (about three characters of
terminal or page text): a mask must not tell the exact length of what it hides."""
TOUCH = 0.125
"""Two words of a line whose boxes are at most this share of the line's height apart (2 px at
least) are one token the OCR split: a space is wider in any font."""
OCR_LANGS = "auto"
"""Tesseract models the frame pass reads with: "auto" (`ocr_readings`) or a `-l` value."""
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


def ocr_words(
    img: Image.Image,
    scale: int = 2,
    timeout: float = 120.0,
    langs: str | None = None,
    masked: Sequence[Sequence[float]] = (),
) -> list[Word]:
    """Words Tesseract reads in `img`, with boxes in `img`'s pixels. It reads `ocr_source(img,
    masked)`: the frame without its thin rules and already-masked boxes, which hid lines."""
    return _tesseract(_prepared(img, scale, masked), scale, timeout, langs or "eng")


def _prepared(img: Image.Image, scale: int, masked: Sequence[Sequence[float]]) -> bytes:
    """What Tesseract is given: `ocr_source(img, masked)` at `scale`, as PNG."""
    src = ocr_source(img, masked)
    if scale != 1:
        src = src.resize((src.width * scale, src.height * scale), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    src.save(buf, format="PNG")
    return buf.getvalue()


def _tesseract(png: bytes, scale: int, timeout: float, langs: str) -> list[Word]:
    """Tesseract's words in `png` (a `_prepared` image), boxes divided back by `scale`."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrError("tesseract not found; install Debian's tesseract-ocr (apt-get install tesseract-ocr)")
    try:
        r = subprocess.run(
            [exe, "stdin", "stdout", "--psm", "3", "-l", langs, "tsv"],
            input=png,
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


def ocr_readings(
    img: Image.Image, scale: int = 2, langs: str = "auto", masked: Sequence[Sequence[float]] = ()
) -> list[list[Word]]:
    """The readings of `img` the frame pass redacts: with `langs` ("eng+deu", …) one reading;
    with "auto" an `eng` reading, plus one with the language model of the language that reading
    shows, when it is not English and its model is installed (`ocr_langs`). The image Tesseract
    reads is prepared once for both."""
    png = _prepared(img, scale, masked)
    if langs != "auto":
        return [_tesseract(png, scale, 120.0, langs)]
    first = _tesseract(png, scale, 120.0, ocr_langs.FIRST)
    lang = ocr_langs.guess(w.text for w in first)
    if lang is None or lang not in ocr_langs.installed():
        return [first]
    return [first, _tesseract(png, scale, 120.0, lang)]


def redact_image(
    img: Image.Image,
    redactor: TextRedactor,
    *,
    scale: int = 2,
    words: list[Word] | None = None,
    readings: list[list[Word]] | None = None,
    langs: str = OCR_LANGS,
    masked: Sequence[Sequence[float]] = (),
) -> tuple[Image.Image, list[Finding]]:
    """OCR `img`, run `redactor` over each text block, fill the flagged words solid.

    `masked`: boxes already filled on `img` (the structural pass), blanked for the OCR.
    `words` (one reading) or `readings` (several, their masks added) skip the OCR. Returns the
    redacted copy and one Finding per filled word group, with `bbox` in image pixels (offsets are
    into the block's OCR text)."""
    if readings is None:
        read = [words] if words is not None else None
        readings = read or ocr_readings(img, scale=scale, langs=langs, masked=masked)
    gray = np.asarray(img.convert("L"), dtype=np.int16)
    # an underlined link's words that the OCR read as one word with underscores, apart again
    readings = [[_spaced(gray, w) for w in reading] for reading in readings]
    blocks: dict[tuple[int, ...], list[Word]] = {}
    for ri, reading in enumerate(readings):
        for w in reading:
            blocks.setdefault((ri, *w.block), []).append(w)
        for n, row in enumerate(_split_rows(reading)):
            blocks[(ri, -1, n)] = row
    # each block as read (words apart), and again with the words the OCR split glued back and
    # the letters it read for digits in numbers put right
    texts = [_block_text(blk) for blk in blocks.values()]
    glued = [_block_text(blk, _glues(gray, blk)) for blk in blocks.values()]
    glued = [(_digits(text), spans) for text, spans in glued]
    extra = [i for i, (g, t) in enumerate(zip(glued, texts, strict=True)) if g[0] != t[0]]
    results = redactor.redact_many([t for t, _ in texts] + [glued[i][0] for i in extra])
    views = [[(texts[i], res)] for i, res in enumerate(results[: len(texts)])]
    for i, res in zip(extra, results[len(texts) :], strict=True):
        views[i].append((glued[i], res))
    boxes: list[Box] = []
    found: list[Finding] = []
    for blk, block_views in zip(blocks.values(), views, strict=True):
        dropped = next(((t, r) for (t, _), r in block_views if r.dropped), None)
        if dropped is not None:
            text, res = dropped
            box = _union([w.box for w in blk])
            boxes.append(box)
            found.append(Finding(_drop_kind(res.reason), 0, len(text), res.reason or "dropped", 1.0, box))
            continue
        seen: set[tuple[str, Box]] = set()
        for (_, spans), res in block_views:
            for f in res.findings:
                hit = [w.box for w, (s, e) in zip(blk, spans, strict=True) if s < f.end and f.start < e]
                for line_boxes in _by_line(hit):
                    box = _coarse(_union(line_boxes), img.width)
                    if (f.kind, box) not in seen:
                        seen.add((f.kind, box))
                        boxes.append(box)
                        found.append(Finding(f.kind, f.start, f.end, f.detector, f.score, box))
    padded = [(x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD) for x0, y0, x1, y1 in boxes]
    return mask_boxes(img, padded), found


def _spaced(gray: np.ndarray, w: Word) -> Word:
    text = ocr_underlines.spaced(gray, w.text, w.box)
    return w if text == w.text else replace(w, text=text)


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


def _block_text(blk: list[Word], glues: dict[int, str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The block's words as text (a space between words of a line, a newline between lines, or
    `glues[i]` before word i), and each word's span in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev_line: tuple[int, int, int] | None = None
    for i, w in enumerate(blk):
        if prev_line is not None:
            sep = " " if w.line == prev_line else "\n"
            sep = glues.get(i, sep) if glues else sep
            parts.append(sep)
            pos += 1
        spans.append((pos, pos + len(w.text)))
        parts.append(w.text)
        pos += len(w.text)
        prev_line = w.line
    return "".join(parts), spans


def _glues(gray: np.ndarray, blk: list[Word]) -> dict[int, str]:
    """Word index → the character the OCR lost before it, where two words of a line are one
    token on screen: `sk_live_…` read as `sk live …`, `DATABASE_URL` as `DATABASE URL`.

    Two neighbours glue when their gap is too narrow for a space ("", at most `TOUCH` of the line's
    height) or holds a thin horizontal stroke across it: at the foot of the line an underscore
    ("_"), higher up a hyphen ("-"). A space is blank, and a vertical rule (a table or field
    border) is not a stroke across the gap."""
    out: dict[int, str] = {}
    for i in range(1, len(blk)):
        a, b = blk[i - 1], blk[i]
        if a.line != b.line or _field_edge(a) or _field_edge(b):
            continue
        top, bottom = min(a.box[1], b.box[1]), max(a.box[3], b.box[3])
        h = bottom - top
        gap = b.box[0] - a.box[2]
        if gap <= max(2, TOUCH * h) or (_split_address(a.text, b.text) and gap <= 1.2 * h):
            out[i] = ""
            continue
        if gap > 1.2 * h:
            continue
        y1 = min(gray.shape[0], bottom + h // 4 + 1)
        cell = gray[top:y1, max(0, a.box[0]) : b.box[2]]
        gap_cells = gray[top:y1, a.box[2] : b.box[0]]
        if not cell.size or not gap_cells.size:
            continue
        stroke = ink(gap_cells, cell)
        rows = np.nonzero(stroke.sum(axis=1) >= 0.6 * stroke.shape[1])[0]
        if 0 < len(rows) <= max(2, h // 6) and rows[-1] - rows[0] < max(2, h // 6):
            out[i] = "_" if top + rows[0] >= top + 0.7 * h else "-"
    return out


def _split_address(left: str, right: str) -> bool:
    """An e-mail address the OCR split at a dot of its domain: "jane.doe@examp1e." and "conf" (a
    terminal's cursor glued to "com"), "jane.doe@example" and ".com". Read apart, neither half is
    an address and the demo's terminal frame kept one whole; glued, the e-mail rule finds it."""
    if "@" not in left or left.endswith(".") == right.startswith("."):
        return False  # (a dot on one side of the gap, not both, not none)
    return right.lstrip(".")[:1].isalpha()


_EDGE_MARKS = frozenset("|[](){}!Il")


def _field_edge(w: Word) -> bool:
    """`w` is, or holds, a field's or a button's edge as the OCR reads it: bars and brackets alone
    ("|", "[", "||"), or a word with a bar or a square bracket in it ("Search|"). The box's
    border then runs under the gap beside it, which is no underscore: the demo page's search row
    was read "Search|_Search the demo |_Search_|" and the model masked "Search_"."""
    return set(w.text) <= _EDGE_MARKS or any(c in w.text for c in "|[]")


_CONFUSED = str.maketrans("OoDIl|", "000111")
_IBAN_HEAD = re.compile(r"\b[A-Z]{2}[0-9OoDIl|]{2}(?= ?[A-Z0-9]{4}(?: ?[A-Z0-9]{1,4}){2,8}\b)")
_NUMBER = re.compile(r"(?<![^\W\d_])[0-9OoDIl|]*[0-9][0-9OoDIl|]*\d[0-9OoDIl|]*(?![^\W\d_])")


def _digits(text: str) -> str:
    """`text` with the letters OCR reads for digits (O, D for 0; I, l, | for 1) put back where only
    a digit can stand: an IBAN's check digits (`NLO8…`) and a number with two digits or more
    (`1O32`). Same length, so the words' spans still hold; the detectors' checksums decide."""
    text = _IBAN_HEAD.sub(lambda m: m[0][:2] + m[0][2:].translate(_CONFUSED), text)
    return _NUMBER.sub(lambda m: m[0].translate(_CONFUSED), text)


def _split_rows(words: list[Word]) -> list[list[Word]]:
    """The rows of the screen that Tesseract cut into blocks of its own (columns): each row's
    words left to right, as one line (a block of their own for `redact_image`). A terminal's
    command line read as two blocks, "docker login -u deploybot" and "-p Vq8m… registry…", hides
    the flag's user from its password; the row puts them back together. Rows within one block are
    left out (their block reads them so)."""
    rows: list[list[Word]] = []
    top = bottom = 0  # the last row's band, kept as its words are added
    heights = sorted(w.box[3] - w.box[1] for w in words)
    tall = 2 * heights[len(heights) // 2] if heights else 0
    # a word over two rows high is no row's: Tesseract read a column as one word (a terminal's
    # `ls -l` link counts as "NNWNAONW…", 316 px high), and its band had taken in the rows below
    for w in sorted(
        (w for w in words if w.box[3] - w.box[1] <= tall), key=lambda w: (w.box[1] + w.box[3], w.box[0])
    ):
        mid = (w.box[1] + w.box[3]) / 2
        if rows and top <= mid <= bottom and w.box[1] < bottom and w.box[3] > top:
            rows[-1].append(w)
            top, bottom = min(top, w.box[1]), max(bottom, w.box[3])
            continue
        rows.append([w])
        top, bottom = w.box[1], w.box[3]
    out = []
    for n, row in enumerate(rows):
        if len({w.block for w in row}) > 1:
            line = (-1, -1, n)  # one line: `_block_text` joins its words with spaces
            out.append([replace(w, line=line) for w in sorted(row, key=lambda w: w.box[0])])
    return out


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
