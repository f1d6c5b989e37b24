"""Recorder → service → release, looked at as an adversary would: an e-mail address typed in an
allowlisted terminal below an `ls -la` listing must be unreadable in every released still frame and
every frame of the released (half-scale) video, by three OCR readings (Tesseract `--psm 6` and
`--psm 11` at 2x, and the frame pass's own). The rest of the screen is masked black, as the
recorder stores it. `make demo` once released such a frame with the address readable (the frame
pass's OCR clean-up misjudged it); this test did not reproduce that fault here, which
`tests/redact/test_image_x11.py::test_xterm_frame_among_masked_windows` does."""

from __future__ import annotations

import re
import time
from pathlib import Path

import av
import pytest
from PIL import Image

from demotrace.redact.image import ocr_words
from tests.capture.desktop import POLICY, desktop, enrolled_service, ocr, release_all, start_recorder

pytestmark = pytest.mark.x11

ADDRESS = "marta.quist@example.org"


def _readings(img: Image.Image, tmp: Path) -> str:
    png = tmp / "frame.png"
    img.resize((img.width * 2, img.height * 2)).save(png)
    ours = " ".join(w.text for w in ocr_words(img))
    return f"{ocr(png)}\n{ours}"


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s.lower())


def released_images(data: Path, tmp: Path) -> dict[str, str]:
    """{name: its readings, lower case, no white space} for every released still frame and every
    frame of every released video under the service folder `data`; fails if either is missing."""
    released = data / "blobs" / "released"
    stills = [p for p in released.rglob("frames/*") if p.is_file()]
    videos = sorted(released.rglob("video/*.mp4"))
    assert stills and videos, sorted(p.relative_to(data).as_posix() for p in released.rglob("*"))
    images = [(p.name, Image.open(p).convert("RGB")) for p in stills]
    for mp4 in videos:
        with av.open(str(mp4)) as c:
            images += [(f"{mp4.name}#{i}", f.to_image()) for i, f in enumerate(c.decode(video=0))]
    return {name: _norm(_readings(img, tmp)) for name, img in images}


def test_an_address_typed_in_a_terminal_is_unreadable_in_released_frames_and_video(
    tmp_path: Path, _demotrace_home: Path
) -> None:
    with desktop(_demotrace_home) as d, enrolled_service(d, tmp_path) as (data, url):
        wid = d.xterm(geometry="90x24+0+0", cmd="ls -la /usr/share | head -20; cat", echo=True)
        d.focus(wid)
        rec = start_recorder(d, tmp_path, POLICY, "--server", url)
        d.xdo("mousemove", "200", "150", "click", "1")
        time.sleep(0.7)
        for line in ("ls the reports folder", f"echo mail me at {ADDRESS}", "seq one to five"):
            d.xdo("type", "--delay", "35", line)
            d.xdo("key", "Return")
            time.sleep(1.2)  # video frames at 1 fps
        time.sleep(1.5)
        summary = rec.stop(timeout=90)
        assert summary["upload_pending"] == 0, (tmp_path / "service.log").read_text()[-2000:]
        release_all(d, data)
    read = released_images(data, tmp_path)
    assert any("reportsfolder" in t for t in read.values()), read  # the frames show the terminal
    user, host = ADDRESS.split("@")
    leaks = {name: t for name, t in read.items() if user in t or host in t or "quist" in t}
    assert not leaks, leaks
