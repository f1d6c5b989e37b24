"""The subsampled masked frame (video path) equals the full masked frame subsampled, and the
frame encoder gives the same bytes whether or not the caller keeps the RGB array."""

from __future__ import annotations

import random

import numpy as np

from demotrace.capture.screen import Grab, MaskSpec, encode_frame, encode_masked, masked_rgb


def _grab(rng: random.Random, rect: tuple[int, int, int, int]) -> Grab:
    x0, y0, w, h = rect
    ax, ay = x0 + rng.randrange(0, w // 2), y0 + rng.randrange(0, h // 2)
    aw, ah = rng.randrange(1, x0 + w - ax + 1), rng.randrange(1, y0 + h - ay + 1)
    pixels = bytearray(rng.randbytes(aw * ah * 4))

    def box(margin: int, bw: int, bh: int) -> tuple[int, int, int, int]:
        return (
            rng.randrange(x0 - margin, x0 + w),
            rng.randrange(y0 - margin, y0 + h),
            rng.randrange(1, bw),
            rng.randrange(1, bh),
        )

    keep = box(20, w, h)
    cover = tuple(box(30, 60, 60) for _ in range(rng.randrange(0, 4)))
    mask = MaskSpec(1, keep, cover, ("WINDOW",) * len(cover))
    return Grab(1, 0.0, 0.0, 0, rect, (ax, ay, aw, ah), pixels, b"", mask)


def test_subsampled_mask_equals_full_mask_subsampled() -> None:
    rng = random.Random(7)
    for n in range(300):
        rect = (rng.choice([0, 1920]), rng.choice([0, 37]), rng.randrange(2, 130), rng.randrange(2, 90))
        g = _grab(rng, rect)
        extra = ((rect[0] + 5, rect[1] + 3, 7, 9),) if n % 3 == 0 else ()
        for step in (1, 2, 3):
            full = masked_rgb(g, g.mask, extra)
            sub = masked_rgb(g, g.mask, extra, step=step)
            assert np.array_equal(sub, full[::step, ::step]), (n, step, g.area, g.mask)
        assert not masked_rgb(g, None, step=2).any()


def test_encode_masked_gives_the_same_bytes() -> None:
    rng = random.Random(3)
    g = _grab(rng, (0, 0, 320, 200))
    for fmt in ("png", "jpeg"):
        assert encode_masked(g, g.mask, fmt, 60) == encode_frame(masked_rgb(g, g.mask), fmt, 60)


def test_webp_of_the_kept_part_decodes_like_the_whole_masked_frame() -> None:
    """WebP converts only the kept part (capture/screen/webp.py): the same luma as converting the
    whole masked frame, chroma differs by the converter's filtering at the part's edges. Decoded,
    it is as close to the masked pixels as the whole frame's file (random pixels: the worst case
    for lossy coding and for chroma filtering)."""
    import io

    from PIL import Image

    rng = random.Random(11)
    identical = 0
    for _ in range(60):
        rect = (rng.choice([0, 1920]), rng.choice([0, 37]), rng.randrange(2, 230), rng.randrange(2, 190))
        g = _grab(rng, rect)
        ours = encode_masked(g, g.mask, "webp", 60)
        whole = encode_frame(masked_rgb(g, g.mask), "webp", 60)
        identical += ours == whole
        want = masked_rgb(g, g.mask).astype(int)
        a = np.asarray(Image.open(io.BytesIO(ours)).convert("RGB")).astype(int)
        b = np.asarray(Image.open(io.BytesIO(whole)).convert("RGB")).astype(int)
        assert a.shape == b.shape == want.shape == (rect[3], rect[2], 3)
        assert float(np.abs(a - want).mean()) <= 1.15 * float(np.abs(b - want).mean()) + 0.5
    assert identical >= 40  # most random boxes give the very same file


def test_webp_frames_decode_to_the_masked_pixels() -> None:
    """The WebP path (libwebp through PyAV) stores the masked frame: covered and outside pixels
    black, the kept ones within lossy error, at the size PIL's own WebP encoder gives."""
    import io

    from PIL import Image, ImageDraw

    rgb = np.zeros((200, 320, 3), dtype=np.uint8)
    img = Image.new("RGB", (300, 180), "white")
    draw = ImageDraw.Draw(img)
    for y in range(0, 180, 14):
        draw.text((4, y), "user@host:~$ ls -la /var/log 4096 Dec 2", fill="black")
    rgb[10:190, 10:310] = np.asarray(img)
    bgra = np.concatenate([rgb[:, :, ::-1], np.full((200, 320, 1), 255, np.uint8)], axis=2)
    cover = (40, 50, 100, 30)
    mask = MaskSpec(1, (0, 0, 250, 200), (cover,), ("PASSWORD",))
    g = Grab(1, 0.0, 0.0, 0, (0, 0, 320, 200), (0, 0, 320, 200), bytearray(bgra.tobytes()), b"", mask)
    want = masked_rgb(g, mask)
    data = encode_masked(g, mask, "webp", 60)
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    got = np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)
    assert got.shape == want.shape
    assert float(np.abs(got - want).mean()) < 4.0
    assert got[55:75, 45:135].max() <= 8  # the cover, away from its edges
    assert got[:, 255:].max() <= 8  # outside the kept area
    assert got[10:190, 10:240].mean() > 150  # the kept text stays
    ref = io.BytesIO()
    Image.fromarray(want, "RGB").save(ref, "WEBP", quality=60, method=0)
    assert 0.8 < len(data) / len(ref.getvalue()) < 1.2
