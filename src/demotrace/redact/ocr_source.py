"""The picture Tesseract reads: the frame in grey, with what throws its page layout off taken out.

Two things made Tesseract drop whole lines of a frame (`make demo`, 2026-12-03: the sign-in page's
"Username alice.demo" line was not in the reading, so the typed login name stayed readable):

* **thin rules**: a text field's border, a table's lines, a long underline. Tesseract's layout
  analysis takes a boxed line for a picture and reads nothing in it. Cropped out of the frame, the
  same line read as "Username } alice.demo".
* **the structural masks**: solid black boxes over password fields, which it treats as pictures
  too, and which made it lose the lines beside them ("Password", "Show", "One-time code").

So rules (runs at least `RULE_MIN` px long, at most `RULE_MAX_THICK` px thick, unlike what lies
on both sides of them) are painted with what lies on both sides, and the boxes already masked
with the grey around them, before the read. Each judged locally: a frame mostly masked black has
black as its commonest grey, and against that a terminal's white gaps between lines looked like
rules. This copy is only read: the frame that is kept, and the masks drawn on it, are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PIL import Image

RULE_MIN = 40
"""Px: a run of ink this long is a rule, not a glyph (a stroke of text this long is a heading
over ~60 px, and then thicker than `RULE_MAX_THICK`)."""
RULE_MAX_THICK = 3
"""Px: a rule is at most this thick; a filled bar (a dark title bar, a terminal) is not a rule."""
INK = 60
"""Grey levels from both sides that make a pixel part of a rule."""
SIDES_AGREE = 24
"""Grey levels within which the two sides of a rule must agree (both the same background)."""


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """The pixels of `mask` in a run of at least `length` along `axis` (a morphological opening
    with a line, by cumulative sums: no per-row loop)."""
    m = mask if axis == 1 else mask.T
    h, w = m.shape
    if w < length:
        return np.zeros(mask.shape, dtype=bool)
    cs = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(m, axis=1, out=cs[:, 1:])
    full = (cs[:, length:] - cs[:, :-length]) == length  # the window starting at j is all ink
    cf = np.zeros((h, full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=cf[:, 1:])
    j = np.arange(w)
    lo = np.clip(j - length + 1, 0, full.shape[1])
    hi = np.clip(j + 1, 0, full.shape[1])
    out = (cf[:, hi] - cf[:, lo]) > 0  # some full window starting in [j - length + 1, j]
    return out if axis == 1 else out.T


def _across(g: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each pixel of `g` differs from the pixels `RULE_MAX_THICK + 1` before and after it
    across `axis` (0: above and below), which agree with each other; and their mean there."""
    k = RULE_MAX_THICK + 1
    m = g if axis == 0 else g.T
    before, mid, after = m[: -2 * k], m[k:-k], m[2 * k :]
    hit = np.zeros(m.shape, dtype=bool)
    fill = np.zeros(m.shape, dtype=np.int16)
    hit[k:-k] = (
        (np.abs(before - after) <= SIDES_AGREE) & (np.abs(mid - before) > INK) & (np.abs(mid - after) > INK)
    )
    fill[k:-k] = (before + after) // 2
    return (hit, fill) if axis == 0 else (hit.T, fill.T)


def remove_rules(gray: np.ndarray) -> np.ndarray:
    """`gray` (uint8) with its thin straight rules painted with what lies on both sides of them: a
    rule is a run of at least `RULE_MIN` px, along it, of pixels unlike the pixels just beyond
    `RULE_MAX_THICK` on both sides across it, which are alike (the local background). Relative to
    its neighbours, not to the frame's commonest grey: on a frame mostly masked black, a terminal's
    white gaps between lines were taken for rules against the black and drawn over."""
    g = gray.astype(np.int16)
    out = g.copy()
    for axis, along in ((0, 1), (1, 0)):  # horizontal rules: alike above and below, long in x
        hit, fill = _across(g, axis)
        rule = _runs(hit, RULE_MIN, along)
        out[rule] = fill[rule]
    return out.astype(np.uint8)


INK = 60
"""A pixel this far from its cell's commonest grey (the background) is ink: a letter, a rule, a line."""


def ink(pixels: np.ndarray, cell: np.ndarray) -> np.ndarray:
    """Which of `pixels` (int16 grey) are ink against `cell`'s commonest grey (`cell` holds them
    or lies around them): the words' gap in their line's cell, an underline in its word's box."""
    bg = int(np.bincount(cell.ravel().astype(np.int64) & 255).argmax())
    out: np.ndarray = np.abs(pixels - bg) > INK
    return out


def _around(gray: np.ndarray, x0: int, y0: int, x1: int, y1: int, d: int = 3) -> int:
    """The commonest grey of the `d` px just outside the box (the frame's, if none)."""
    strips = [
        gray[max(0, y0 - d) : y0, max(0, x0 - d) : x1 + d],
        gray[y1 : y1 + d, max(0, x0 - d) : x1 + d],
        gray[y0:y1, max(0, x0 - d) : x0],
        gray[y0:y1, x1 : x1 + d],
    ]
    ring = np.concatenate([s.ravel() for s in strips])
    return int(np.bincount(ring if ring.size else gray.ravel(), minlength=256).argmax())


def ocr_source(img: Image.Image, masked: Iterable[Sequence[float]] = ()) -> Image.Image:
    """`img` in grey for Tesseract: each box of `masked` (already filled on the frame) painted with
    the commonest grey of the pixels just around it, and thin rules taken out (`remove_rules`)."""
    gray = np.array(img.convert("L"))
    h, w = gray.shape
    for box in masked:
        x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
        x1, y1 = min(w, int(np.ceil(box[2])) + 1), min(h, int(np.ceil(box[3])) + 1)
        if x1 > x0 and y1 > y0:
            gray[y0:y1, x0:x1] = _around(gray, x0, y0, x1, y1)
    return Image.fromarray(remove_rules(gray))
