"""Screen source: grabs of one monitor into a small ring, masks, frame and video encoding."""

from ._base import Grab, MaskSpec
from ._mss import MssScreenSource
from .encode import encode_frame, encode_masked, masked_rgb
from .video import VideoSegmenter

__all__ = [
    "Grab",
    "MaskSpec",
    "MssScreenSource",
    "VideoSegmenter",
    "encode_frame",
    "encode_masked",
    "masked_rgb",
]
