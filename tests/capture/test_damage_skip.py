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
            # a just-started Xvfb may still paint its root once: quiet within a second
            quiet = False
            for _ in range(10):
                time.sleep(0.1)
                quiet = not w.take()
                if quiet:
                    break
            assert quiet
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


def test_a_change_seen_first_by_a_requested_grab_still_reaches_the_video() -> None:
    """Only periodic grabs feed the video: a drawing that an input-requested grab catches first
    must not make the next periodic grab look unchanged (the demo's video lost the seconds of
    typing in a terminal that way)."""
    with xvfb([(320, 200)]) as display:
        env = dict(os.environ, DISPLAY=display)
        subprocess.run(["xsetroot", "-solid", "#204060"], env=env, check=True)
        src = MssScreenSource(display, fps=2, min_gap=0.02)
        src.set_target(0, MaskSpec(1, (0, 0, 320, 200)))
        src.start()
        try:
            time.sleep(1.2)
            before = [g for g in src.take_new() if g.periodic]
            subprocess.run(["xsetroot", "-solid", "#a04020"], env=env, check=True)
            src.request(time.monotonic())
            time.sleep(0.15)
            asked = [g for g in src.take_new() if not g.periodic]
            time.sleep(0.9)
            after = [g for g in src.take_new() if g.periodic]
        finally:
            src.stop()
    assert src.error() is None
    assert before and asked and asked[-1].bgra != before[-1].bgra
    assert after and after[-1].bgra == asked[-1].bgra  # the new colour, on the video's grabs too
