"""Multi-monitor: coordinates stay in the virtual desktop; the frames are those of the monitor of
the action, with their origin recorded. Xvfb reports one wide screen, so its two halves are
declared as monitors with DEMOTRACE_MONITORS (the pixels are the real screen's)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from demotrace.bundle import BundleReader, iter_bundle_dirs, load_key
from tests.capture.desktop import desktop, start_recorder

pytestmark = pytest.mark.x11


def test_action_on_second_monitor(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home, screens=[(2560, 800)]) as d:
        d.env["DEMOTRACE_MONITORS"] = "0,0,1280,800;1280,0,1280,800"
        right = d.xterm(geometry="60x20+1400+100")
        d.focus(right)
        rec = start_recorder(d, tmp_path)
        d.xdo("mousemove", "1500", "200", "click", "1")
        time.sleep(0.8)
        d.xdo("type", "--delay", "30", "right side")
        d.xdo("key", "Return")
        time.sleep(0.8)
        rec.stop()
    key = load_key(_demotrace_home / "device.key")
    b = BundleReader(iter_bundle_dirs(rec.spool)[0], key)
    assert [m.x for m in b.meta.monitors] == [0, 1280]
    steps = b.steps()
    click = steps[0]
    assert click.action == {"type": "click", "x": 1500, "y": 200, "button": "left"}
    obs = click.observation
    assert tuple(obs.origin) == (1280, 0) and (obs.width, obs.height) == (1280, 800)
    assert obs.before is not None
    img = np.asarray(Image.open(io.BytesIO(b.read_blob(obs.before))).convert("RGB"))
    assert img.shape == (800, 1280, 3)
    # the xterm (white background) sits at desktop x >= 1400, i.e. frame x >= 120; left of it is masked
    assert img[200, 1500 - 1280].min() > 200
    assert img[200, 50].max() < 10
    assert [s.action["type"] for s in steps] == ["click", "type", "key"]
