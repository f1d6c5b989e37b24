"""Acceptance: frames grabbed from a real X server (Xvfb) showing planted PII in an xterm and in a
Chromium page come out with every planted item unreadable (checked by OCR of the output) and no
more than 10 % of the other words masked."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import mss
import pytest
from PIL import Image

from demotrace.redact import TextRedactor
from demotrace.redact.image import Word, mask_boxes, ocr_words, redact_image
from tests.xvfb import xvfb

pytestmark = pytest.mark.x11

PLANTED = [
    "maria.garcia@example.com",
    "k.tanaka@firma.de",
    "+44 20 7946 0958",
    "(415) 555-2671",
    "4532 2766 4457 7020",
    "5213 5917 2758 6604",
    "Priya Raman",
    "Kwame Mensah",
    "Olga Ivanova",
]
LINES = [
    "Quarterly planning notes for the platform team",
    f"Owner: {PLANTED[6]}   email {PLANTED[0]}",
    "Review the deployment checklist before Friday",
    f"Escalation phone {PLANTED[2]} or {PLANTED[3]}",
    "Open tickets: login page redesign and search latency",
    f"Reimburse card {PLANTED[4]} for the conference",
    f"Reviewers {PLANTED[7]} and {PLANTED[8]} agreed",
    f"Backup card {PLANTED[5]} contact {PLANTED[1]}",
    "Next steps: finish the migration guide and update the dashboard",
]


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9@.]", "", s.lower())


def grab(display: str, box: tuple[int, int, int, int]) -> Image.Image:
    with getattr(mss, "MSS", mss.mss)(display=display) as sct:
        shot = sct.grab({"left": box[0], "top": box[1], "width": box[2], "height": box[3]})
        return Image.frombytes("RGB", shot.size, shot.rgb)


def wait_for_text(
    display: str, box: tuple[int, int, int, int], word: str, timeout: float = 40.0
) -> Image.Image:
    """Grab until OCR reads `word` (the window has drawn)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        img = grab(display, box)
        if img.getextrema() != ((255, 255), (255, 255), (255, 255)) and word in " ".join(
            w.text for w in ocr_words(img)
        ):
            return img
        time.sleep(1.0)
    raise AssertionError(f"{word!r} never appeared on {display}")


@contextmanager
def xterm_window(display: str, text_file: Path) -> Iterator[None]:
    proc = subprocess.Popen(
        ["xterm", "-display", display, "-geometry", "100x14+0+0", "-fa", "DejaVu Sans Mono", "-fs", "11",
         "-bg", "white", "-fg", "black", "-e", "sh", "-c", f"cat {text_file}; sleep 120"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield
    finally:
        proc.terminate()
        proc.wait(5)


@contextmanager
def chromium_page(display: str, html: Path | None, viewport: bool = True) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            headless=False,
            env={"DISPLAY": display},
            args=["--no-sandbox", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-position=0,0",
                  "--window-size=1100,700"],
            **({"viewport": {"width": 1100, "height": 620}} if viewport else {"no_viewport": True}),
        )  # fmt: skip
        try:
            p = ctx.pages[0] if ctx.pages else ctx.new_page()
            if html is not None:
                p.goto(html.as_uri())
            yield p
        finally:
            ctx.close()


def check(before: Image.Image) -> None:
    words = ocr_words(before)
    seen = _norm(" ".join(w.text for w in words))
    readable = [p for p in PLANTED if _norm(p) in seen]
    assert len(readable) >= 7, f"OCR of the original read only {readable}"  # the check can fail
    after_img, found = redact_image(before, TextRedactor())
    after = _norm(" ".join(w.text for w in ocr_words(after_img)))
    digits_after = re.sub(r"\D", "", after)
    for p in PLANTED:
        assert _norm(p) not in after, p
        for part in p.replace("(", " ").replace(")", " ").split():
            if part.isalpha():
                assert part.lower() not in after, (p, part)
            elif re.sub(r"\D", "", part) and len(re.sub(r"\D", "", part)) >= 4:
                assert re.sub(r"\D", "", part) not in digits_after, (p, part)
        if "@" in p:
            assert p.split("@")[0].lower() not in after, p
    planted_tokens = {_norm(t) for p in PLANTED for t in p.split()}
    other = [w for w in words if _norm(w.text) and _norm(w.text) not in planted_tokens and len(w.text) > 2]
    masked = [w for w in other if any(_hits(w, f.bbox) for f in found if f.bbox)]
    assert len(other) >= 30
    assert len(masked) / len(other) <= 0.10, [w.text for w in masked]


def _hits(w: Word, box: tuple[int, int, int, int]) -> bool:
    x0, y0, x1, y1 = w.box
    return x0 < box[2] and box[0] < x1 and y0 < box[3] and box[1] < y1


@pytest.mark.skipif(shutil.which("xterm") is None, reason="xterm not installed")
def test_xterm_frame(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("\n".join(LINES) + "\n")
    with xvfb([(1280, 800)]) as display, xterm_window(display, f):
        img = wait_for_text(display, (0, 0, 900, 260), "Quarterly")
    check(img)


@pytest.mark.skipif(shutil.which("xterm") is None, reason="xterm not installed")
def test_xterm_frame_among_masked_windows(tmp_path: Path) -> None:
    """The terminal as the recorder stores it when other windows are masked: most of the frame
    black. The OCR's clean-up once took the terminal's white gaps between lines for rules against
    that black and drew over them: `echo mail me at …` went unread and unmasked (`make demo`)."""
    f = tmp_path / "notes.txt"
    f.write_text("\n".join(LINES) + "\n")
    with xvfb([(1280, 800)]) as display, xterm_window(display, f):
        img = wait_for_text(display, (0, 0, 900, 260), "Quarterly")
    frame = Image.new("RGB", (1280, 800), (0, 0, 0))
    frame.paste(img, (0, 0))
    check(frame)


@pytest.mark.slow
def test_chromium_frame(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in LINES)
    html.write_text(
        "<!doctype html><html><body style='font-family: DejaVu Sans, sans-serif; font-size: 15px;"
        f" margin: 16px'>{body}</body></html>"
    )
    with xvfb([(1280, 800)]) as display, chromium_page(display, html):
        img = wait_for_text(display, (0, 0, 1100, 700), "Quarterly")
    check(img)


LOGINS = ("alice.demo", "m.rossi", "j.kowalski_83")


@pytest.mark.slow
def test_the_sign_in_frame_with_a_focused_field_and_masked_password_boxes() -> None:
    """The sign-in frame of `make demo`: the demo app's bordered fields, the username focused with
    its caret after the typed name, password and code fields masked black, stored as the recorder
    stores frames (WebP, quality 60). Tesseract's layout took the boxed lines for pictures and read
    nothing of them: the login name stayed readable. It must be unreadable in the output."""
    import numpy as np

    from demotrace.capture.screen.encode import encode_frame
    from demotrace.demo.webapp import DemoWebApp

    frames = []
    with xvfb([(1280, 800)]) as display, DemoWebApp() as app, chromium_page(display, None, False) as page:
        page.goto(app.url("/login"))
        sx, sy, ow, oh, iw, ih = page.evaluate(
            "() => [screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight]"
        )
        border = max(0, (ow - iw) / 2)
        ox, oy = sx + border, sy + oh - ih - border
        secure = []
        for i in ("password", "otp"):
            b = page.locator(f"#{i}").bounding_box()
            assert b is not None
            secure.append([ox + b["x"], oy + b["y"], ox + b["x"] + b["width"], oy + b["y"] + b["height"]])
        for login in LOGINS:
            page.fill("#username", "")
            page.click("#username")
            page.keyboard.type(login)
            time.sleep(0.5)
            frames.append((login, grab(display, (0, 0, 1280, 800))))
    for login, img in frames:
        stored = encode_frame(np.asarray(mask_boxes(img, secure)))
        framed = Image.open(io.BytesIO(stored)).convert("RGB")
        name = _norm(login)
        assert name in _norm(" ".join(w.text for w in ocr_words(framed, masked=secure)))  # can fail
        after, found = redact_image(framed, TextRedactor(), masked=secure)
        for reading in (ocr_words(after, masked=secure), ocr_words(after)):
            text = _norm(" ".join(w.text for w in reading))
            parts = [p for p in re.split(r"[._\d]", name) if len(p) >= 5]  # not "demo": the page's host
            assert name not in text and not [p for p in parts if p in text], (login, found)
