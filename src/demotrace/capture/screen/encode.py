"""Masking and encoding of frames. Masked pixels are filled solid black before encoding, so the
stored file never holds them.

WebP frames are encoded with libwebp through PyAV (FFmpeg's `libwebp` encoder, loaded anyway for
the video; `webp.py`). Through PIL the same frame took an RGBX copy and the canvases of libwebp's
animation encoder (PIL ≥ 11 saves every WebP that way): ~10 MB more at each 1080p frame and more
CPU, for the same bytes within 0.1 % and the same pixel error (docs/BENCHMARKS.md, "Recorder
memory"). JPEG and PNG still go through PIL.
"""

from __future__ import annotations

import io

import av
import numpy as np
from PIL import Image

from ._base import Grab, MaskSpec
from .webp import encode_webp, plane_view, webp_bytes

KEEP_NOTHING = None


def masked_rgb(
    g: Grab, mask: MaskSpec | None, extra_cover: tuple[tuple[int, int, int, int], ...] = (), step: int = 1
) -> np.ndarray:
    """The grab as an RGB array of the whole monitor: black outside `mask.keep` (and outside what
    was read) and inside every cover rectangle. `step` > 1 gives every step-th pixel of each
    axis (= `masked_rgb(g, mask)[::step, ::step]`, without building the full-size array)."""
    w, h = g.rect[2], g.rect[3]
    out = np.zeros((-(-h // step), -(-w // step), 3), dtype=np.uint8)
    _fill_masked(out, g, mask, extra_cover, step)
    return out


def _fill_masked(
    out: np.ndarray,
    g: Grab,
    mask: MaskSpec | None,
    extra_cover: tuple[tuple[int, int, int, int], ...] = (),
    step: int = 1,
) -> None:
    """`masked_rgb` into `out`, an all-black array of its shape."""
    x0, y0, w, h = g.rect
    if mask is None:
        return

    def sub(lo: int, hi: int) -> tuple[int, int]:  # full-size [lo, hi) → subsampled indices
        return -(-lo // step), -(-hi // step)

    ax, ay, aw, ah = g.area
    bgra = np.frombuffer(g.bgra, dtype=np.uint8).reshape(ah, aw, 4)
    kx, ky, kw, kh = mask.keep
    # the kept part, in desktop coordinates: keep ∩ area
    kx0, ky0 = max(kx, ax), max(ky, ay)
    kx1, ky1 = min(kx + kw, ax + aw), min(ky + kh, ay + ah)
    (i0, i1), (j0, j1) = sub(ky0 - y0, ky1 - y0), sub(kx0 - x0, kx1 - x0)
    if i1 > i0 and j1 > j0:
        r0, c0 = i0 * step + y0 - ay, j0 * step + x0 - ax  # first source row/column read
        out[i0:i1, j0:j1] = bgra[
            r0 : r0 + (i1 - i0 - 1) * step + 1 : step, c0 : c0 + (j1 - j0 - 1) * step + 1 : step, 2::-1
        ]
    for cx, cy, cw, ch in mask.cover + extra_cover:
        bx0, by0 = max(cx - x0, 0), max(cy - y0, 0)
        bx1, by1 = min(cx + cw - x0, w), min(cy + ch - y0, h)
        (i0, i1), (j0, j1) = sub(by0, by1), sub(bx0, bx1)
        if i1 > i0 and j1 > j0:
            out[i0:i1, j0:j1] = 0


def encode_masked(g: Grab, mask: MaskSpec | None, fmt: str = "webp", quality: int = 60) -> bytes:
    """`encode_frame(masked_rgb(g, mask))` without an RGB array of the monitor (6 MB at 1080p): for
    WebP only the kept part is converted (`webp.py`); otherwise the image holds its own copy and
    the array is freed before encoding."""
    if fmt == "webp":
        return encode_webp(g, mask, quality)
    return _encode(Image.fromarray(masked_rgb(g, mask), "RGB"), fmt, quality)


def encode_frame(rgb: np.ndarray, fmt: str = "webp", quality: int = 60) -> bytes:
    if fmt == "webp":
        frame = av.VideoFrame(rgb.shape[1], rgb.shape[0], "rgb24")
        plane_view(frame, 0, rgb.shape[1], rgb.shape[0], 3)[:] = rgb
        return webp_bytes(frame.reformat(format="yuv420p"), quality)
    return _encode(Image.fromarray(rgb, "RGB"), fmt, quality)


def _encode(img: Image.Image, fmt: str, quality: int) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpeg":
        img.save(buf, "JPEG", quality=quality, optimize=False)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()
