"""Redaction shared by device and service: detectors find, operators rewrite, the engine drops.

The interface the recorder builds on (stable):

    redactor = TextRedactor(confidential_terms=[...], sensitive_topics=[...])
    r = redactor.redact("mail bob@example.com")   # -> Redacted
    r.text        # "mail [EMAIL]"   (None when the item must be dropped)
    r.findings    # (Finding(kind="EMAIL_ADDRESS", start=5, end=20, detector="email"),)
    r.dropped     # True when a detector failed/timed out (fail closed) or the text is about a
                  # sensitive topic / names a confidential term
    r.reason      # why it was dropped: detector_failed:<name>, sensitive_topic:<t>, confidential_term
    redactor.redact_url(url)   # host kept, path pieces and query values redacted one by one

Pixels: `mask_boxes(img, boxes)` (structural pass), `redact_image(img, redactor)` (OCR pass),
`redact_frames_dir(in_dir, out_dir, redactor, key=...)` (a folder or a session bundle).
"""

from .engine import Redacted, TextRedactor
from .frames import FramesReport, redact_frames_dir
from .image import OcrError, mask_boxes, redact_image

__all__ = [
    "FramesReport",
    "OcrError",
    "Redacted",
    "TextRedactor",
    "mask_boxes",
    "redact_frames_dir",
    "redact_image",
]
