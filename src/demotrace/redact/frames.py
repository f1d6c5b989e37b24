"""The full pixel pass over a folder of frames or a session bundle (`demotrace redact frames`).

For a session bundle (a folder with `session.json`) each frame is first masked with the
structural boxes its steps recorded (`observation.masks`, frame pixels: password fields, blocked
selectors, other windows), then passed through OCR + the text engine. Frames are read through
`BundleReader` (decrypted with the device key when they are encrypted) and written plain under the
same relative names in the output folder, and every OCR mask (kind, filled box in frame pixels)
is listed per frame in `frame-masks.json` there (the service adds them to the steps' `redactions`).
Any frame that cannot be read or redacted fails the
whole pass (fail closed): the service keeps the session quarantined.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from ..errors import DemotraceError, UsageError
from .engine import TextRedactor
from .image import PAD, mask_boxes, redact_image

log = logging.getLogger("demotrace.redact")

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff")
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".bmp": "BMP"}
MASKS_FILE = "frame-masks.json"
"""In the output folder: frame path → [{"kind", "box": [x0, y0, x1, y1]}], the OCR pass's masks."""


@dataclass(slots=True)
class FramesReport:
    frames: int = 0
    structural_boxes: int = 0
    ocr_boxes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    masks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "frames": self.frames,
            "structural_boxes": self.structural_boxes,
            "ocr_boxes": self.ocr_boxes,
            "kinds": dict(sorted(self.kinds.items())),
            "seconds": round(self.seconds, 3),
        }


def _image_paths(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")
    )


def bundle_masks(steps: list[dict[str, Any]]) -> dict[str, list[list[float]]]:
    """Frame path → the structural boxes recorded for it by the steps that reference it."""
    out: dict[str, list[list[float]]] = {}
    for st in steps:
        obs = st.get("observation") or {}
        masks = [m for m in (obs.get("masks") or []) if isinstance(m, (list, tuple)) and len(m) >= 4]
        for k in ("before", "after"):
            rel = obs.get(k)
            if isinstance(rel, str) and rel:
                out.setdefault(rel, []).extend([list(map(float, m[:4])) for m in masks])
    return out


def redact_frames_dir(
    in_dir: Path,
    out_dir: Path,
    redactor: TextRedactor,
    *,
    key: bytes | None = None,
    ocr: bool = True,
    progress: Callable[[str], None] | None = None,
) -> FramesReport:
    """Redact every image of `in_dir` (a folder, or a session bundle) into `out_dir`, same names."""
    import time

    t0 = time.perf_counter()
    if not in_dir.is_dir():
        raise UsageError(f"{in_dir}: no such folder")
    read: Callable[[str], bytes]
    masks: dict[str, list[list[float]]] = {}
    if (in_dir / "session.json").exists():
        from ..bundle import BundleReader

        reader = BundleReader(in_dir, key)
        masks = bundle_masks(list(reader.records("step")))
        read = reader.read_blob
        rels = _image_paths(in_dir / "frames") if (in_dir / "frames").is_dir() else []
        rels = [f"frames/{r}" for r in rels]
    else:
        rels = _image_paths(in_dir)

        def read(rel: str) -> bytes:
            return (in_dir / rel).read_bytes()

    rep = FramesReport()
    for rel in rels:
        img: Image.Image
        try:
            img = Image.open(io.BytesIO(read(rel)))
            img.load()
        except (OSError, UnidentifiedImageError) as e:
            raise DemotraceError(f"{in_dir.name}/{rel}: cannot read image ({e})") from None
        boxes = masks.get(rel, [])
        if boxes:
            img = mask_boxes(img, boxes)
            rep.structural_boxes += len(boxes)
        if ocr:
            img, found = redact_image(img, redactor, masked=boxes)
            rep.ocr_boxes += len(found)
            for f in found:
                rep.kinds[f.kind] = rep.kinds.get(f.kind, 0) + 1
            rep.masks[rel] = [_listed(f.kind, f.bbox, img.size) for f in found if f.bbox]
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        fmt = _FORMATS.get(dest.suffix.lower(), "PNG")
        save_kw: dict[str, Any] = {"quality": 90} if fmt in ("JPEG", "WEBP") else {}
        img.convert("RGB").save(dest, format=fmt, **save_kw)
        rep.frames += 1
        if progress:
            progress(rel)
    if ocr:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / MASKS_FILE).write_text(json.dumps(rep.masks))
    rep.seconds = time.perf_counter() - t0
    return rep


def _listed(kind: str, bbox: tuple[float, ...], size: tuple[int, int]) -> dict[str, Any]:
    """A mask as the steps list it: its kind and the box filled (padding included, in the frame)."""
    x0, y0, x1, y1 = (round(v) for v in bbox[:4])
    w, h = size
    box = [max(0, x0 - PAD), max(0, y0 - PAD), min(w, x1 + PAD), min(h, y1 + PAD)]
    return {"kind": kind, "box": box}
