"""The 1 fps grab is skipped while nothing is drawn (XDamage on a real Xvfb); a drawing brings it
back, and grabs asked for by input are taken whatever XDamage says."""

from __future__ import annotations

import os
import subprocess
import time

from demotrace.capture.screen import MaskSpec, MssScreenSource
from demotrace.capture.screen.damage import DamageWatcher
from tests.xvfb import xvfb


def test_damage_watcher_reports_drawing_only() -> None:
    with xvfb([(320, 200)]) as display:
        env = dict(os.environ, DISPLAY=display)
        w = DamageWatcher(display)
        try:
            assert w.take()  # the first look always grabs
            time.sleep(0.2)
            assert not w.take()
            subprocess.run(["xsetroot", "-solid", "#204061"], env=env, check=True)
            time.sleep(0.2)
            assert w.take()
            assert not w.take()  # re-armed: nothing drawn since
            subprocess.run(["xdotool", "mousemove", "100", "100"], env=env, check=True)
            time.sleep(0.2)
            assert not w.take()  # the pointer is not in the pixels that are grabbed
        finally:
            w.close()


def test_periodic_grab_skipped_while_unchanged_requests_still_taken() -> None:
    with xvfb([(320, 200)]) as display:
        env = dict(os.environ, DISPLAY=display)
        subprocess.run(["xsetroot", "-solid", "#204060"], env=env, check=True)
        src = MssScreenSource(display, fps=20, min_gap=0.02)
        src.set_target(0, MaskSpec(1, (0, 0, 320, 200)))
        src.start()
        try:
            time.sleep(1.0)
            quiet = src.take_new()
            skipped = src.skipped_unchanged
            src.request(time.monotonic())
            time.sleep(0.3)
            asked = [g for g in src.take_new() if not g.periodic]
            subprocess.run(["xsetroot", "-solid", "#204061"], env=env, check=True)
            time.sleep(0.4)
            drawn = [g for g in src.take_new() if g.periodic]
        finally:
            src.stop()
    assert src.error() is None
    assert 1 <= len(quiet) <= 2, quiet  # the first periodic grab (and none of the ~20 after it)
    assert skipped >= 10
    assert len(asked) == 1
    assert drawn and drawn[-1].bgra != quiet[0].bgra
