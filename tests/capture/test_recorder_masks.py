"""Issue 10 acceptance, items 2-3 (masks follow what they cover): a login page whose form jumps
every 0.7 s while a revealed password is on screen. OCR (tesseract) of every stored frame and of
every video frame never reads the password; the page heading is read; every pixel mask is listed
in its step's `redactions` with kind and box."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from demotrace.capture.browser import launch, load_pairing
from tests.capture.desktop import desktop, need, ocr, ocr_frames, search_tree, spool_dump, start_recorder

pytestmark = pytest.mark.x11

PASSWORD, HEADING = "Qx7Lm4Vt9Zp", "Jumpdesk"
POLICY = """\
version = 4
[[sites]]
domain = "127.0.0.1"
[capture]
video = true
"""
PAGE = f"""<!doctype html><html><head><title>{HEADING}</title><style>
body {{ font: 28px sans-serif; margin: 20px; }} h1 {{ font-size: 44px; margin: 0 0 20px; }}
#f {{ position: relative; }} input {{ font: 30px monospace; width: 460px; margin: 8px 0; }}
</style></head><body><h1>{HEADING} sign in</h1>
<form id="f"><input id="user" value="someone"><br><input id="pw" type="password" autofocus></form>
<script>
  const pw = document.getElementById("pw"), f = document.getElementById("f");
  pw.addEventListener("input", () => {{ if (pw.value.length >= {len(PASSWORD)}) pw.type = "text"; }});
  let down = false;
  setInterval(() => {{ down = !down; f.style.top = (down ? 280 : 0) + "px"; }}, 700);
</script></body></html>""".encode()


@contextmanager
def jump_page() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/login"
    finally:
        srv.shutdown()


def video_frames(dump: Path, tmp: Path) -> list[tuple[Path, str]]:
    import av
    from PIL import Image

    out = []
    for seg in sorted(dump.rglob("video/*.mp4")):
        with av.open(io.BytesIO(seg.read_bytes())) as c:
            for n, frame in enumerate(c.decode(video=0)):
                img = frame.to_image()
                png = tmp / f"{seg.stem}-{n:04d}.png"
                img.resize((img.width * 2, img.height * 2), Image.Resampling.BICUBIC).save(png)
                out.append((png, ocr(png)))
    return out


def leaks(text: str) -> bool:
    t = text.replace(" ", "").lower()
    p = PASSWORD.lower()
    return any(p[i : i + 6] in t for i in range(len(p) - 5))


def test_revealed_password_in_a_jumping_form_is_never_readable(tmp_path: Path, _demotrace_home: Path) -> None:
    need("chromium", "tesseract")
    with desktop(_demotrace_home) as d, jump_page() as url:
        rec = start_recorder(d, tmp_path, POLICY, browser=True)
        d.procs.append(
            launch(
                url, load_pairing(), profile=tmp_path / "profile", window=(0, 0, 1280, 800), display=d.display
            )
        )
        end = time.monotonic() + 30
        while rec.status().get("browser_connected", 0) < 1 and time.monotonic() < end:
            time.sleep(0.2)
        d.focus(d.wait_window("chromium"))
        time.sleep(1.5)
        d.xdo("type", "--delay", "60", PASSWORD)  # into the autofocused field; then shown in clear
        for i in range(10):  # clicks on the heading while the form jumps: steps with frames
            time.sleep(0.3 + 0.15 * (i % 4))
            d.xdo("mousemove", str(120 + 20 * i), "150", "click", "1")
        time.sleep(2.5)  # video frames of the jumping form
        summary = rec.stop()
    assert summary["steps"] >= 8, summary
    assert summary["dropped"].get("secure_field", 0) >= len(PASSWORD), summary
    dump = spool_dump(rec, tmp_path / "dump")
    assert search_tree(dump, [PASSWORD.encode()]) == []
    frames = ocr_frames(dump, tmp_path)
    video = video_frames(dump, tmp_path)
    assert video, "no video frame was stored"
    read = [(f, t) for f, t in frames + video if leaks(t)]
    assert read == [], read
    assert any(HEADING.lower() in t.lower() for _, t in frames), "the heading should be readable"
    steps = [json.loads(line) for p in dump.rglob("chunks/*.jsonl") for line in p.read_text().splitlines()]
    steps = [s for s in steps if s.get("kind") == "step" and s["observation"].get("before")]
    assert steps
    for s in steps:
        masks = [r for r in s["redactions"] if r["field"] == "observation.before"]
        assert any(r["kind"] == "SECURE_ELEMENT" and len(r["box"]) == 4 for r in masks), s
