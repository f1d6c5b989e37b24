"""1 fps H.264 video segments with a frame-time index, unchanged frames skipped; the OS
double-click interval read from the X resources."""

from __future__ import annotations

import io
import json
import subprocess
import time
from pathlib import Path

import av
import pytest

from demotrace.bundle import BundleReader, iter_bundle_dirs, load_key
from tests.capture.desktop import desktop, start_recorder

pytestmark = pytest.mark.x11


def test_video_segments_index_and_skip_unchanged(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d:
        subprocess.run(["xrdb", "-merge"], input="*multiClickTime: 320\n", text=True, env=d.env, check=True)
        wid = d.xterm(geometry="80x24+0+0", echo=True, cmd="cat")
        d.focus(wid)
        rec = start_recorder(d, tmp_path)
        for i in range(4):  # the screen changes at ~1 s intervals …
            d.xdo("type", "--delay", "20", f"line{i}")
            d.xdo("key", "Return")
            time.sleep(1.0)
        time.sleep(5.0)  # … then stays the same for 5 s
        rec.stop()
    b = BundleReader(iter_bundle_dirs(rec.spool)[0], load_key(_demotrace_home / "device.key"))
    assert b.meta.double_click_interval == pytest.approx(0.32)
    segs = sorted(p.name for p in (b.root / "video").iterdir() if p.suffix == ".mp4")
    assert segs
    total_index = 0
    for name in segs:
        index = json.loads(b.read_blob(f"video/{name[:-4]}.json"))
        with av.open(io.BytesIO(b.read_blob(f"video/{name}"))) as c:
            frames = list(c.decode(video=0))
        assert len(frames) == len(index["frames"])
        assert frames[0].width == index["rect"][2] // 2  # half resolution
        ts = [f["t"] for f in index["frames"]]
        assert ts == sorted(ts)
        total_index += len(ts)
    # ~10 s at 1 fps, but the last 5 s were unchanged: far fewer than 10 frames kept
    assert 3 <= total_index <= 8, total_index
