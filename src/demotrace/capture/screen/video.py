"""1 fps H.264 video segments through PyAV, with a frame-time index; unchanged frames skipped.

A segment is encoded in memory and written as one file when it closes (every `segment_s`
seconds, on a monitor change, at pause and at stop): `video/NNNNNN.mp4` and
`video/NNNNNN.json` = {"monitor", "rect", "scale", "frames": [{"t", "pts"}]}.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import av
import numpy as np


class VideoSegmenter:
    def __init__(
        self, write: Callable[[str, bytes], Any], scale: float = 0.5, segment_s: float = 60.0, crf: int = 32
    ) -> None:
        self.write = write
        self.scale = scale
        self.segment_s = segment_s
        self.crf = crf
        self._n = 0
        self._buf: io.BytesIO | None = None
        self._container: Any = None
        self._stream: Any = None
        self._t_open = 0.0
        self._key: tuple[int, tuple[int, int, int, int]] | None = None
        self._index: list[dict[str, float]] = []
        self._last_digest: bytes | None = None
        self.frames = 0
        self.skipped = 0
        self.bytes = 0

    def unchanged(self, digest: bytes) -> bool:
        """True when a frame with this digest would be skipped (check before building it)."""
        return self._container is not None and digest == self._last_digest

    def add(
        self, t: float, monitor: int, rect: tuple[int, int, int, int], rgb: np.ndarray, digest: bytes
    ) -> None:
        if self._key is not None and (self._key != (monitor, rect) or t - self._t_open >= self.segment_s):
            self.close_segment()
        if digest == self._last_digest and self._container is not None:
            self.skipped += 1
            return
        if self._container is None:
            self._open(t, monitor, rect)
        h, w = rgb.shape[:2]
        sw, sh = self._stream.width, self._stream.height
        frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
        if (sw, sh) != (w, h):
            frame = frame.reformat(width=sw, height=sh, format="yuv420p")
        pts = round((t - self._t_open) * 1000)
        if self._index and pts <= self._index[-1]["pts"]:
            pts = int(self._index[-1]["pts"]) + 1
        frame.pts = pts
        frame.time_base = Fraction(1, 1000)
        for pkt in self._stream.encode(frame):
            self._container.mux(pkt)
        self._index.append({"t": round(t, 3), "pts": pts})
        self._last_digest = digest
        self.frames += 1

    def _open(self, t: float, monitor: int, rect: tuple[int, int, int, int]) -> None:
        self._n += 1
        self._buf = io.BytesIO()
        self._container = av.open(self._buf, mode="w", format="mp4")
        w = max(2, int(rect[2] * self.scale) // 2 * 2)
        h = max(2, int(rect[3] * self.scale) // 2 * 2)
        st = self._container.add_stream("libx264", rate=1)
        st.width, st.height, st.pix_fmt = w, h, "yuv420p"
        st.time_base = Fraction(1, 1000)
        # ultrafast: half the encoder's memory of the other presets (~20 MB less RSS), at 1 fps the
        # extra bytes are small; one thread, no lookahead and no B-frames keep the buffers minimal.
        st.codec_context.thread_count = 1
        st.options = {
            "crf": str(self.crf),
            "preset": "ultrafast",
            "tune": "stillimage",
            "rc-lookahead": "0",
            "bframes": "0",
        }
        st.codec_context.time_base = Fraction(1, 1000)
        self._stream = st
        self._t_open = t
        self._key = (monitor, rect)
        self._index = []
        self._last_digest = None

    def close_segment(self) -> None:
        if self._container is None:
            return
        for pkt in self._stream.encode(None):
            self._container.mux(pkt)
        self._container.close()
        assert self._buf is not None and self._key is not None
        if self._index:
            name = f"video/{self._n:06d}"
            data = self._buf.getvalue()
            self.bytes += len(data)
            self.write(name + ".mp4", data)
            meta = {
                "monitor": self._key[0],
                "rect": list(self._key[1]),
                "scale": self.scale,
                "t0": round(self._t_open, 3),
                "frames": self._index,
            }
            self.write(name + ".json", json.dumps(meta).encode())
        self._container = None
        self._buf = None
        self._key = None
