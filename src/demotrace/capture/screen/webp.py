"""Masked WebP frames from raw grabs, through PyAV (FFmpeg's `libwebp` encoder).

The frame is the whole monitor, black outside the kept part of the grab and inside every cover.
Only the kept part is converted: its BGRA rows are copied into a PyAV frame of that part (grown
to even coordinates, so that its 4:2:0 chroma lines up with the monitor's), covers are zeroed,
swscale converts it to YUV 4:2:0, and its planes are pasted into a black YUV frame of the
monitor (Y 16, U/V 128: what RGB black converts to). Against masking an RGB copy of the whole
monitor and converting that, this skips the channel reversal and the conversion of the black
part (measured in docs/BENCHMARKS.md, "Recorder memory and CPU"); the decoded frame matches
`masked_rgb` within lossy error (tests/capture/test_masked_subsample.py).
"""

from __future__ import annotations

import av
import numpy as np

from ._base import Grab, MaskSpec

BLACK_Y, BLACK_UV = 16, 128  # limited-range BT.601, swscale's default for rgb → yuv420p


def plane_view(frame: av.VideoFrame, index: int, width: int, height: int, depth: int) -> np.ndarray:
    """A writable [height, width, depth] view of one plane of a frame (rows padded to line_size)."""
    plane = frame.planes[index]
    return np.ndarray(
        (height, width, depth), np.uint8, buffer=memoryview(plane), strides=(plane.line_size, depth, 1)
    )


def encode_webp(g: Grab, mask: MaskSpec | None, quality: int) -> bytes:
    w, h = g.rect[2], g.rect[3]
    out = av.VideoFrame(w, h, "yuv420p")
    cw, ch = (w + 1) // 2, (h + 1) // 2
    plane_view(out, 0, w, h, 1)[:] = BLACK_Y
    plane_view(out, 1, cw, ch, 1)[:] = BLACK_UV
    plane_view(out, 2, cw, ch, 1)[:] = BLACK_UV
    kept = _kept_box(g, mask)
    if kept is not None and mask is not None:
        _paste_kept(out, g, mask, kept)
    return webp_bytes(out, quality)


def webp_bytes(yuv: av.VideoFrame, quality: int) -> bytes:
    """One lossy WebP file (RIFF) of a yuv420p frame; method 0 (`compression_level`)."""
    enc = av.CodecContext.create("libwebp", "w")
    enc.width, enc.height, enc.pix_fmt = yuv.width, yuv.height, "yuv420p"
    enc.options = {"quality": str(quality), "compression_level": "0"}
    packets = enc.encode(yuv) + enc.encode(None)
    return b"".join(bytes(p) for p in packets)


def _kept_box(g: Grab, mask: MaskSpec | None) -> tuple[int, int, int, int] | None:
    """keep ∩ area ∩ monitor, in frame pixels: (x0, y0, x1, y1), or None when empty."""
    if mask is None:
        return None
    x0, y0, w, h = g.rect
    ax, ay, aw, ah = g.area
    kx, ky, kw, kh = mask.keep
    bx0, by0 = max(kx, ax, x0) - x0, max(ky, ay, y0) - y0
    bx1, by1 = min(kx + kw, ax + aw, x0 + w) - x0, min(ky + kh, ay + ah, y0 + h) - y0
    return (bx0, by0, bx1, by1) if bx1 > bx0 and by1 > by0 else None


def _paste_kept(out: av.VideoFrame, g: Grab, mask: MaskSpec, kept: tuple[int, int, int, int]) -> None:
    x0, y0, w, h = g.rect
    ax, ay, aw, ah = g.area
    kx0, ky0, kx1, ky1 = kept
    # the box grown to even coordinates (4:2:0 chroma covers 2x2 blocks), within the monitor
    ex0, ey0 = kx0 & ~1, ky0 & ~1
    ex1, ey1 = min(kx1 + (kx1 & 1), w), min(ky1 + (ky1 & 1), h)
    ew, eh = ex1 - ex0, ey1 - ey0
    part = av.VideoFrame(ew, eh, "bgra")
    px = plane_view(part, 0, ew, eh, 4)
    px[:] = 0
    src = np.frombuffer(g.bgra, dtype=np.uint8).reshape(ah, aw, 4)
    sx, sy = x0 - ax, y0 - ay  # frame pixel → source pixel offset
    px[ky0 - ey0 : ky1 - ey0, kx0 - ex0 : kx1 - ex0] = src[ky0 + sy : ky1 + sy, kx0 + sx : kx1 + sx]
    for cx, cy, cw, ch in mask.cover:
        bx0, by0 = max(cx - x0, ex0), max(cy - y0, ey0)
        bx1, by1 = min(cx + cw - x0, ex1), min(cy + ch - y0, ey1)
        if bx1 > bx0 and by1 > by0:
            px[by0 - ey0 : by1 - ey0, bx0 - ex0 : bx1 - ex0] = 0
    del px
    yuv = part.reformat(format="yuv420p")
    del part
    plane_view(out, 0, w, h, 1)[ey0:ey1, ex0:ex1] = plane_view(yuv, 0, ew, eh, 1)
    cx0, cy0, cw, ch = ex0 // 2, ey0 // 2, (ew + 1) // 2, (eh + 1) // 2
    for i in (1, 2):
        plane_view(out, i, (w + 1) // 2, (h + 1) // 2, 1)[cy0 : cy0 + ch, cx0 : cx0 + cw] = plane_view(
            yuv, i, cw, ch, 1
        )
