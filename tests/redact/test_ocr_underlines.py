"""An underlined link read by the OCR as one word with underscores ("Long_page") is a link's words,
not a handle; a handle's shapes stay as read, underlined or not (`ocr_underlines`). The demo page
as Chromium draws it: `tests/browser/test_webapp_ocr.py`."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from demotrace.redact.ocr_underlines import spaced

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _nav(links: list[str], underline: bool = True, size: int = 14) -> Image.Image:
    """A nav bar of `links`, each underlined across its blanks as a browser draws a link."""
    img = Image.new("RGB", (900, 44), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size)
    x = 12
    for text in links:
        d.text((x, 10), text, fill=(0, 0, 238), font=font)
        x0, _, x1, _ = d.textbbox((x, 10), text, font=font)
        if underline:
            base = 10 + font.getmetrics()[0] + 2
            d.line((x0, base, x1, base), fill=(0, 0, 238), width=1)
        x = x1 + 28
    return img


def _gray(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L"), dtype=np.int16)


def test_an_underlined_sentence_case_link_is_read_back_with_blanks() -> None:
    img = _nav(["Long page"])
    box = (12, 8, 12 + int(ImageDraw.Draw(img).textlength("Long page", ImageFont.truetype(FONT, 14))), 28)
    assert spaced(_gray(img), "Long_page", box) == "Long page"
    plain = _nav(["Long page"], underline=False)
    assert spaced(_gray(plain), "Long_page", box) == "Long_page"  # no line under it: as read


def test_handle_shapes_stay_as_read_underlined_or_not() -> None:
    for handle in ("john_doe", "Maria_Lopez", "jdoe_42", "J_smith", "Ops_team2"):
        img = _nav([handle.replace("_", " ")])
        box = (12, 8, 200, 28)
        assert spaced(_gray(img), handle, box) == handle, handle
