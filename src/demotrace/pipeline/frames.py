"""Observation images of one session, by reference: a file in the bundle (`frames/…`, decrypted
with the device key) or a frame of a video segment (`video/NNNNNN.mp4#n`, encoded as WebP)."""

from __future__ import annotations

import hashlib
import io

from PIL import Image

from ..bundle import BundleReader
from ..errors import BundleError
from .video import encode_frames, split_ref

ALLOWED_ROOTS = ("frames/", "video/")


def check_ref(ref: str) -> str:
    """An image reference must stay inside the bundle's `frames/` or `video/` folder (a corrupt
    or hostile step must not make the exporter copy other files into a dataset)."""
    path = ref.split("#", 1)[0]
    parts = path.split("/")
    if not path.startswith(ALLOWED_ROOTS) or any(p in ("", ".", "..") for p in parts) or "\\" in path:
        raise BundleError(f"{ref!r}: not a path under frames/ or video/")
    return ref


MEDIA_TYPES = {"webp": "image/webp", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}
IMAGE_FORMATS = ("png", "webp", "jpeg")
"""What `--image-format` accepts; None keeps each frame as stored."""
_PIL_NAMES = {"png": "PNG", "webp": "WEBP", "jpeg": "JPEG"}
_MAGIC = {"png": b"\x89PNG", "jpeg": b"\xff\xd8\xff"}


class FrameSource:
    def __init__(self, reader: BundleReader) -> None:
        self.reader = reader
        self._cache: dict[str, bytes] = {}
        self._encoded: dict[str, bytes] = {}
        self.problems: list[str] = []

    def preload_video(self, refs: set[str]) -> None:
        """Decode the video frames that `refs` name, one pass per segment."""
        by_seg: dict[str, set[int]] = {}
        for r in refs:
            if "#" in r and r.startswith("video/") and ".." not in r:
                seg, n = split_ref(r)
                by_seg.setdefault(seg, set()).add(n)
        for seg, wanted in sorted(by_seg.items()):
            data = self.reader.read_blob(seg)
            for n, blob in encode_frames(data, wanted).items():
                self._cache[f"{seg}#{n}"] = blob

    def exists(self, ref: str) -> bool:
        try:
            check_ref(ref)
        except BundleError:
            return False
        if ref in self._cache:
            return True
        if "#" in ref:
            return (self.reader.root / split_ref(ref)[0]).is_file()
        return (self.reader.root / ref).is_file()

    def read(self, ref: str) -> bytes:
        check_ref(ref)
        blob = self._cache.get(ref)
        if blob is not None:
            return blob
        if "#" in ref:
            self.preload_video({ref})
            if ref not in self._cache:
                raise BundleError(f"{ref}: no such video frame")
            return self._cache[ref]
        return self.reader.read_blob(ref)

    def try_read(self, ref: str | None) -> bytes | None:
        """The image, or None (reported in `problems`) when it is missing or unreadable."""
        if not ref:
            return None
        try:
            return self.read(ref)
        except BundleError as e:
            self.problems.append(f"image {ref} skipped: {e}")
            return None

    def release(self, ref: str) -> None:
        self._cache.pop(ref, None)

    def image(self, ref: str | None, image_format: str | None) -> tuple[bytes, str] | None:
        """The frame encoded as `image_format` (None: as stored) and its file extension, encoded
        once per reference and format from the stored frame; None when it is missing."""
        blob = self.try_read(ref)
        if ref is None or blob is None:
            return None
        if image_format is None:
            return blob, ext_of(ref)
        key = f"{ref}\x00{image_format}"
        done = self._encoded.get(key)
        if done is None:
            done = self._encoded[key] = encode_image(blob, image_format)
        return done, "jpg" if image_format == "jpeg" else image_format


def ext_of(ref: str) -> str:
    """The file extension an image reference will be written with (video frames are WebP)."""
    if "#" in ref:
        return "webp"
    name = ref.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else "bin"


def media_type(ext: str) -> str:
    return MEDIA_TYPES.get(ext, "application/octet-stream")


def encode_image(data: bytes, image_format: str) -> bytes:
    """Any stored frame as PNG, WebP (lossless) or JPEG; bytes already in that format pass as
    they are (no second lossy pass)."""
    if image_format == "jpeg":
        return to_jpeg(data)
    magic = _MAGIC.get(image_format)
    if (magic and data.startswith(magic)) or (image_format == "webp" and data[8:12] == b"WEBP"):
        return data
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        buf = io.BytesIO()
        if image_format == "webp":
            im.save(buf, format="WEBP", lossless=True, method=4)
        else:
            im.save(buf, format=_PIL_NAMES[image_format], optimize=False, compress_level=6)
    return buf.getvalue()


def content_name(data: bytes) -> str:
    """A frame's name by content (identical frames of an episode share one file)."""
    return hashlib.sha256(data).hexdigest()[:16]


def to_jpeg(data: bytes, quality: int = 85) -> bytes:
    """Re-encode any image as JPEG (already-JPEG bytes are returned as they are)."""
    if data[:3] == b"\xff\xd8\xff":
        return data
    with Image.open(io.BytesIO(data)) as im:
        rgb = im.convert("RGB")
    buf = io.BytesIO()
    rgb.save(buf, format="JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def image_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as im:
        return im.size
