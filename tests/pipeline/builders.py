"""Small recorded-style session bundles for the pipeline tests, written with the real BundleWriter."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

from demotrace.bundle import BundleWriter
from demotrace.schema import Monitor, SessionMeta

SCREEN = (1280, 800)
SCALE = 0.5
FRAME = (int(SCREEN[0] * SCALE), int(SCREEN[1] * SCALE))
XTERM = {"app": "xterm", "title": "bash"}
WIKI = {"app": "chromium", "title": "Wikipedia", "url": "https://en.wikipedia.org/wiki/Agent"}

# The steps every golden test expects to survive the filters, in order (session 1).
EPISODE_1 = [
    {"type": "click", "x": 100, "y": 200, "button": "left"},
    {"type": "type", "text": "hello world"},
    {"type": "secure_input", "field": "password"},
    {"type": "key", "key": "enter"},
    {"type": "scroll", "x": 640, "y": 400, "dx": 0, "dy": 3},
    {"type": "drag", "x": 10, "y": 10, "to_x": 200, "to_y": 300, "button": "left"},
    {"type": "hotkey", "keys": ["ctrl", "s"]},
]
EPISODE_2 = [
    {"type": "double_click", "x": 300, "y": 120},
    {"type": "click", "x": 400, "y": 500, "button": "left", "modifiers": ["ctrl"]},
    {"type": "right_click", "x": 640, "y": 10},
    {"type": "triple_click", "x": 1279, "y": 799},
    {"type": "scroll", "x": 50, "y": 60, "dx": -2, "dy": -1},
    {"type": "middle_click", "x": 5, "y": 6},
    {"type": "drag", "x": 20, "y": 30, "to_x": 60, "to_y": 90, "button": "right"},
]
# Dropped by the quality filters (reason → step).
NOISE = {
    "off_screen": {"type": "click", "x": 5000, "y": 10, "button": "left"},
    "empty": {"type": "type", "text": ""},
}


def png(color: tuple[int, int, int], size: tuple[int, int] = FRAME, fmt: str = "WEBP") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt, lossless=True) if fmt == "WEBP" else Image.new(
        "RGB", size, color
    ).save(buf, format=fmt)
    return buf.getvalue()


def meta(session_id: str, task: str | None = None) -> SessionMeta:
    return SessionMeta(
        id=session_id,
        device="dev-1",
        user="user-1",
        os="Linux",
        monitors=[Monitor(0, 0, *SCREEN)],
        start=1_700_000_000.0,
        task=task,
    )


def step(
    index: int, t: float, action: dict[str, Any], ctx: dict[str, Any], before: str | None, after: str | None
) -> dict[str, Any]:
    return {
        "index": index,
        "t": t,
        "action": dict(action),
        "observation": {
            "before": before,
            "after": after,
            "width": FRAME[0],
            "height": FRAME[1],
            "origin": [0, 0],
            "scale": SCALE,
        },
        "context": dict(ctx),
        "redactions": [],
    }


def recorded_bundle(
    spool: Path, session_id: str, key: bytes | None = None, *, instruction: str = "Save the note"
) -> Path:
    """Two episodes (xterm, then Wikipedia after a task_done mark), shared frames between steps,
    two noise steps the filters drop and a near-duplicate; several chunks."""
    w = BundleWriter(spool, meta(session_id, task="Read about agents"), key)
    t = 1.0
    n = 0
    frame_no = 0

    def new_frame() -> str:
        nonlocal frame_no
        frame_no += 1
        rel = f"frames/f{frame_no:06d}.webp"
        w.write_blob(rel, png(((frame_no * 37) % 256, (frame_no * 91) % 256, (frame_no * 53) % 256)))
        return rel

    w.add("mark", {"what": "instruction", "text": instruction, "t": 0.5})
    prev = new_frame()
    for i, a in enumerate(EPISODE_1):
        after = new_frame()
        w.add("step", step(n, t, a, XTERM, prev, after))
        n += 1
        t += 1.5
        prev = after  # the next step's before is this step's after (shared file)
        if i == 3:
            w.add("step", step(n, t, NOISE["empty"], XTERM, prev, prev))
            n += 1
            t += 0.5
            w.seal()
    # a near-duplicate of the last action, 0.05 s later
    w.add("step", step(n, t - 1.5 + 0.05, EPISODE_1[-1], XTERM, prev, prev))
    n += 1
    w.add("mark", {"what": "task_done", "t": t})
    w.add("step", step(n, t + 0.2, NOISE["off_screen"], XTERM, prev, prev))
    n += 1
    w.seal()
    t += 30.0
    for a in EPISODE_2:
        after = new_frame()
        w.add("step", step(n, t, a, WIKI, prev, after))
        n += 1
        t += 2.0
        prev = after
    w.add("mark", {"what": "pause", "t": t})
    w.close(stop_wall=1_700_000_000.0 + t + 1)
    return w.root


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """Run `demotrace ARGS` in-process, mapping errors to exit codes the way `demotrace.cli.main`
    does. Returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from demotrace.cli import cli
    from demotrace.errors import DemotraceError

    r = CliRunner().invoke(cli, args)
    err = r.stderr
    code = r.exit_code
    if isinstance(r.exception, DemotraceError):
        code = r.exception.exit_code
        err += f"demotrace: error: {r.exception}\n"
    elif r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return code, r.stdout, err


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path (for byte-identity checks)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


COLORS = {"A": (200, 30, 30), "B": (30, 200, 30), "C": (30, 30, 200)}


def write_video(path: Path, seq: str, size: tuple[int, int] = (320, 200)) -> None:
    """An H.264 MP4 at 1 fps, one solid-colour frame per letter of `seq` (see COLORS)."""
    from fractions import Fraction

    import av
    import numpy as np

    with av.open(str(path), "w") as c:
        s = c.add_stream("libx264", rate=1)
        s.width, s.height, s.pix_fmt = size[0], size[1], "yuv420p"
        s.time_base = Fraction(1, 1)
        for i, name in enumerate(seq):
            arr = np.zeros((size[1], size[0], 3), np.uint8)
            arr[:, :] = COLORS[name]
            frame = av.VideoFrame.from_ndarray(arr, format="rgb24")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)


def color_of(data: bytes) -> str:
    """Which COLORS letter an image shows (at its centre)."""
    with Image.open(io.BytesIO(data)) as im:
        rgb = im.convert("RGB")
        px = rgb.getpixel((rgb.width // 2, rgb.height // 2))
    assert isinstance(px, tuple)
    return min(COLORS, key=lambda k: sum(abs(a - b) for a, b in zip(COLORS[k], px, strict=True)))
