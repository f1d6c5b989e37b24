"""A link's underline read as underscores. Tesseract reads an underlined link of several words,
"Long page", as one word, "Long_page": the underline runs under the blank between the words too,
where an underscore would stand. After a login cue the username rule then masks it as a handle
(the demo's web page had its "Long page" link masked so in every frame).

`spaced(gray, text, box)` gives the word with its underscores read back as blanks where a line runs
under (nearly) the whole word, below its letters, and the word is written as a link's words are, in
sentence case: a capitalised word, then lower-case words of two letters or more ("Long_page",
"Account_settings", "Terms_of_service"). A handle's shapes stay as read, underlined or not:
lower case ("john_doe"), a capital after an underscore ("Maria_Lopez"), a digit ("jdoe_42"), a
single letter ("J_smith"): a username must not get away by being a link."""

from __future__ import annotations

import re

import numpy as np

from .ocr_source import ink

UNDERLINE = 0.7
"""An underline's row holds ink over at least this share of the word's width (a browser leaves it
out under descenders: "Long_page" measured 0.83, "Home" 1.0; an underscore alone is one letter of
the word, a letter's foot at most about 0.6)."""

_SENTENCE_CASE = re.compile(r"[A-Z][a-z]+(?:_[a-z]{2,})+")


def underlined(gray: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """A row in the lower half of `box` (or just below it) is ink over `UNDERLINE` of its width,
    with a row above it that is nearly blank: a line apart from the letters' feet."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    cell = gray[y0 : min(gray.shape[0], y1 + 3), x0:x1]
    if cell.size == 0 or h < 6 or x1 - x0 < 3:
        return False
    cover = ink(cell, cell).mean(axis=1)
    return any(cover[r] >= UNDERLINE and cover[r - 1] < 0.25 for r in range(h // 2, len(cover)))


def spaced(gray: np.ndarray, text: str, box: tuple[int, int, int, int]) -> str:
    """`text` (one OCR word) with its underscores as blanks where it is an underlined link's words
    (the same length: the words' offsets hold)."""
    if "_" not in text or _SENTENCE_CASE.fullmatch(text) is None or not underlined(gray, box):
        return text
    return text.replace("_", " ")
