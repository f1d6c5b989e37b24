"""Grabs of unchanged pixels share one buffer and one encoded frame (recorder memory and CPU):
on a real Xvfb, and only when every pixel is the same (not the sampled digest)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from demotrace.bundle import BundleWriter
from demotrace.capture.screen import Grab, MaskSpec, MssScreenSource
from demotrace.capture.stepwriter import PendingStep, StepWriter
from demotrace.redact import TextRedactor
from demotrace.schema import Action, SessionMeta, WindowContext, new_session_id
from tests.xvfb import xvfb


def _grabs(src: MssScreenSource, n: int) -> list[Grab]:
    got: list[Grab] = []
    end = time.monotonic() + 10
    while len(got) < n and time.monotonic() < end:
        src.request(time.monotonic())
        time.sleep(0.15)
        got += src.take_new()
    assert len(got) >= n, got
    return got[:n]


def test_unchanged_grabs_share_pixels_and_a_changed_one_does_not() -> None:
    with xvfb([(320, 200)]) as display:
        env = dict(os.environ, DISPLAY=display)
        subprocess.run(["xsetroot", "-solid", "#204060"], env=env, check=True)
        src = MssScreenSource(display, fps=0.01, min_gap=0.05)
        src.set_target(0, MaskSpec(1, (0, 0, 320, 200)))
        src.start()
        try:
            a, b = _grabs(src, 2)
            subprocess.run(["xsetroot", "-solid", "#204061"], env=env, check=True)  # one bit, every pixel
            time.sleep(0.2)
            (c,) = _grabs(src, 1)
        finally:
            src.stop()
    assert a.bgra is b.bgra and a.encoded is b.encoded and a.id != b.id
    assert c.bgra is not b.bgra and c.bgra != b.bgra and c.encoded is not b.encoded
    assert src.shared >= 1


def test_shared_grabs_are_encoded_once_per_mask(tmp_path: Path) -> None:
    pixels = bytearray(bytes([40, 80, 160, 255]) * (64 * 48))
    keep = MaskSpec(7, (0, 0, 64, 48))
    covered = MaskSpec(7, (0, 0, 64, 48), ((8, 8, 16, 16),), ("SECURE_ELEMENT",))
    a = Grab(1, 1.0, 1.01, 0, (0, 0, 64, 48), (0, 0, 64, 48), pixels, b"d", keep, final=True)
    b = Grab(2, 2.0, 2.01, 0, (0, 0, 64, 48), (0, 0, 64, 48), pixels, b"d", keep, final=True)
    c = Grab(3, 3.0, 3.01, 0, (0, 0, 64, 48), (0, 0, 64, 48), pixels, b"d", covered, final=True)
    b.encoded = c.encoded = a.encoded
    writer = BundleWriter(tmp_path, SessionMeta(id=new_session_id(), start=time.time()), None)
    sw = StepWriter(writer, TextRedactor())
    ctx = WindowContext(window_id=7, wm_class="xterm", title="t", geometry=(0, 0, 64, 48))
    p = PendingStep(Action(type="click", t=1.5), ctx, 1.5, 1.5, 1.5)
    fa, fb, fc = sw._frame(a, p), sw._frame(b, p), sw._frame(c, p)
    writer.close()
    assert fa == fb and fc != fa
    assert sw.counts["frames"] == 2
