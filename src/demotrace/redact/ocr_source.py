"""The picture Tesseract reads: the frame in grey, with what throws its page layout off taken out.

Two things made Tesseract drop whole lines of a frame (`make demo`, 2026-12-03: the sign-in page's
"Username alice.demo" line was not in the reading, so the typed login name stayed readable):

* **thin rules**: a text field's border, a table's lines, a long underline. Tesseract's layout
  analysis takes a boxed line for a picture and reads nothing in it. Cropped out of the frame, the
  same line read as "Username } alice.demo".
* **the structural masks**: solid black boxes over password fields, which it treats as pictures
  too, and which made it lose the lines beside them ("Password", "Show", "One-time code").

So rules (runs of ink at least `RULE_MIN` px long and at most `RULE_MAX_THICK` px thick, in either
direction) and the boxes already masked are painted with the frame's background before the read.
This copy is only read: the frame that is kept, and the masks drawn on it, are unchanged.
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
"""Grey levels from the frame's background that count as ink."""


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


def rules(gray: np.ndarray, background: int) -> np.ndarray:
    """Where `gray` has thin straight rules: horizontal and vertical runs of ink."""
    ink = np.abs(gray.astype(np.int16) - background) > INK
    horizontal = _runs(ink, RULE_MIN, 1) & ~_runs(ink, RULE_MAX_THICK + 1, 0)
    vertical = _runs(ink, RULE_MIN, 0) & ~_runs(ink, RULE_MAX_THICK + 1, 1)
    out: np.ndarray = horizontal | vertical
    return out


def ocr_source(img: Image.Image, masked: Iterable[Sequence[float]] = ()) -> Image.Image:
    """`img` in grey for Tesseract: the boxes `masked` (already filled on the frame) and thin
    rules painted with the background (the frame's most common grey)."""
    gray = np.array(img.convert("L"))
    background = int(np.bincount(gray.ravel()).argmax())
    h, w = gray.shape
    for box in masked:
        x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
        x1, y1 = min(w, int(np.ceil(box[2])) + 1), min(h, int(np.ceil(box[3])) + 1)
        if x1 > x0 and y1 > y0:
            gray[y0:y1, x0:x1] = background
    gray[rules(gray, background)] = background
    return Image.fromarray(gray)
