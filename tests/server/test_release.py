"""The server-side redaction pass before release, with the real parts: the text engine over every
step's text and the OCR frame pass over every frame. What trainers and export read is the
redacted copy; the pass runs with the service's current policy (confidential terms drop steps)."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from demotrace.bundle import BundleWriter, load_or_create_key
from demotrace.bundle.files import write_file
from demotrace.capture.screen.video import VideoSegmenter
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.schema import SessionMeta, new_session_id
from demotrace.store import released_bundle_dirs

from .helpers import Service, read_steps


def _frame_with_email() -> bytes:
    img = Image.new("RGB", (640, 120), "white")
    ImageDraw.Draw(img).text(
        (20, 30), "mail bob.smith@example.com now", fill="black", font=ImageFont.load_default(size=36)
    )
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _session(spool: Path, key: bytes, frame: bytes) -> str:
    meta = SessionMeta(id=new_session_id(), start=time.time() - 30, task="write to bob.smith@example.com")
    w = BundleWriter(spool, meta, key)
    w.write_blob("frames/000000-before.png", frame)
    steps = [
        {"type": "click", "x": 5, "y": 5},
        {"type": "type", "text": "hello carol@example.org"},
        {"type": "type", "text": "about Project Nightingale"},
        {"type": "key", "key": "enter"},
    ]
    for i, action in enumerate(steps):
        w.add(
            "step",
            {
                "index": i,
                "t": float(i),
                "action": action,
                "observation": {
                    "before": "frames/000000-before.png" if i == 0 else None,
                    # names the recorder left (an older policy): the current one is applied again
                    "accessibility_tree": [
                        [0, "frame", "Mail", [0, 0, 640, 120], ["active"]],
                        [1, "label", "Reply to gina@example.com", None, []],
                        [1, "label", "Project Nightingale minutes", [5, 5, 60, 20], []],
                    ],
                },
                "context": {
                    "app": "chromium",
                    "title": "Inbox - dave@example.net",
                    "url": "http://127.0.0.1:8123/mail?u=dave@example.net",
                },
                "target": {
                    "source": "dom",
                    "name": "Pick",
                    "href": "http://10.1.2.3:8080/u/x",
                    "control": {"name": "erin@example.com", "selector": "#to-erin@example.com"},
                    "options": ["frank@example.com", {"label": "Call +1 415 555 0132"}],
                },
            },
        )
    w.close()
    return meta.id


def _video_of(frame: bytes) -> dict[str, bytes]:
    """A 1 fps segment (recorder's encoding) showing the frame at seconds 0 and 1."""
    files: dict[str, bytes] = {}
    seg = VideoSegmenter(files.__setitem__, scale=1.0)
    rgb = np.asarray(Image.open(io.BytesIO(frame)).convert("RGB"))
    for t in (0.0, 1.0):
        seg.add(t, 0, (0, 0, rgb.shape[1], rgb.shape[0]), rgb, bytes([int(t)]))
    seg.close_segment()
    return files


def _decoded(mp4: bytes) -> list[np.ndarray]:
    with av.open(io.BytesIO(mp4)) as c:
        return [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]


def test_release_redacts_text_and_frames_with_the_current_policy(service: Service, tmp_path: Path) -> None:
    alice, admin, trainer = service.enroll("alice"), service.token("admin"), service.token("trainer")
    with service.client(admin) as c:
        r = c.put(
            "/v1/policy",
            json={
                "version": 2,
                "sites": [{"domain": "127.0.0.1"}],
                "deny": {"confidential_terms": ["Project Nightingale"]},
            },
        )
        assert r.status_code == 200
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    frame = _frame_with_email()
    sid = _session(spool, key, frame)
    video = _video_of(frame)
    for rel, data in video.items():
        write_file(spool / sid, rel, data, key)
    u = Uploader(spool, service.url, key, alice, interval=0.05)
    assert u.flush(timeout=30) == 0
    assert service.wait_state(alice, sid, ("released",), timeout=120) == "released"

    [bundle] = released_bundle_dirs(service.data_dir)
    steps = read_steps(bundle)
    text = repr(steps) + (bundle / "session.json").read_text()
    secrets = ("carol@example.org", "dave@example.net", "bob.smith@example.com", "Nightingale")
    for secret in (*secrets, "erin@", "frank@", "gina@", "415 555", "10.1.2.3"):
        assert secret not in text
    tree = steps[0]["observation"]["accessibility_tree"]
    assert [n[2] for n in tree] == ["Mail", "Reply to [EMAIL]", "[REDACTED]"]
    assert tree[0] == [0, "frame", "Mail", [0, 0, 640, 120], ["active"]]
    assert [s["action"]["type"] for s in steps] == ["click", "type", "key"]  # the confidential step is gone
    assert steps[1]["action"]["text"] == "hello [EMAIL]"
    assert {"field": "context.title", "kind": "EMAIL_ADDRESS"} in steps[0]["redactions"]
    # nested target strings too; URLs stay URLs, and the allowlisted IP host is kept
    assert {"field": "target.control.name", "kind": "EMAIL_ADDRESS"} in steps[0]["redactions"]
    url = steps[0]["context"]["url"]
    assert urlsplit(url).hostname == "127.0.0.1" and url.startswith("http://127.0.0.1:8123/mail?u=")
    assert urlsplit(steps[0]["target"]["href"]).hostname == "ip-address.invalid"

    with service.client(trainer) as c:
        got = c.get(f"/v1/released/sessions/{sid}/files/frames/000000-before.png")
        assert got.status_code == 200
    before = np.asarray(Image.open(io.BytesIO(frame)).convert("RGB"))
    after = np.asarray(Image.open(io.BytesIO(got.content)).convert("RGB"))
    assert before.shape == after.shape
    changed = (before != after).any(axis=2)
    _, xs = np.nonzero(changed)
    assert changed.sum() > 2000 and xs.min() < 320 < xs.max()  # the address is filled over
    # the OCR pass's masks are listed in the step like the recorder's: kind and the box filled
    ocr = [r for r in steps[0]["redactions"] if r.get("source") == "ocr"]
    assert ocr and {r["field"] for r in ocr} == {"observation.before"}
    assert "EMAIL_ADDRESS" in {r["kind"] for r in ocr}
    listed = np.zeros(changed.shape, dtype=bool)
    for x0, y0, x1, y1 in (r["box"] for r in ocr):
        listed[y0:y1, x0:x1] = True
    assert (changed & ~listed).sum() == 0  # every masked pixel lies in a listed box
    assert all("source" not in r for r in steps[1]["redactions"])  # a step without a frame: text only
    assert service.blobs().list(f"quarantine/{sid}") == []
    # the video is released too, each of its frames through the same pass: the address is gone
    released = service.blobs()
    assert (
        json.loads(released.get(f"released/{sid}/video/000001.json"))["frames"]
        == json.loads(video["video/000001.json"])["frames"]
    )
    original, redacted = (
        _decoded(video["video/000001.mp4"]),
        _decoded(released.get(f"released/{sid}/video/000001.mp4")),
    )
    assert len(redacted) == len(original) == 2
    for a, b in zip(original, redacted, strict=True):
        moved = (np.abs(a.astype(int) - b.astype(int)) > 60).any(axis=2)
        assert moved.sum() > 2000  # the text is filled over, not just re-encoded
