from __future__ import annotations

import io
import json
import time
from pathlib import Path

from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from demotrace.bundle import BundleWriter, load_or_create_key
from demotrace.paths import device_key_path
from demotrace.redact import TextRedactor, redact_frames_dir
from demotrace.redact.cli import redact_group
from demotrace.redact.image import Word, mask_boxes, ocr_words, redact_image
from demotrace.schema import SessionMeta, new_session_id

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def page(lines: list[str], size: int = 15) -> Image.Image:
    img = Image.new("RGB", (900, 40 + 30 * len(lines)), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size)
    for i, line in enumerate(lines):
        d.text((12, 12 + 30 * i), line, fill="black", font=font)
    return img


def read_text(img: Image.Image) -> str:
    return " ".join(w.text for w in ocr_words(img))


def test_mask_boxes_fills_solid_and_clips() -> None:
    img = Image.new("RGB", (20, 10), "white")
    out = mask_boxes(img, [[2, 2, 5, 5], [18, 8, 40, 40]])
    assert out.getpixel((3, 3)) == (0, 0, 0) and out.getpixel((19, 9)) == (0, 0, 0)
    assert out.getpixel((6, 6)) == (255, 255, 255) and img.getpixel((3, 3)) == (255, 255, 255)


def test_flagged_words_are_filled_and_others_kept() -> None:
    img = page(["Contact Jane Doe at jane.doe@example.com today", "Meeting notes for the roadmap"])
    assert "jane.doe@example.com" in read_text(img)
    out, found = redact_image(img, TextRedactor())
    after = read_text(out)
    assert "example" not in after and "Jane" not in after
    assert "roadmap" in after and "Meeting" in after and "Contact" in after
    assert {f.kind for f in found} >= {"EMAIL_ADDRESS", "PERSON"} and all(f.bbox for f in found)


def test_dropped_block_is_filled_whole() -> None:
    img = page(["Project Nightingale launch plan"])
    out, found = redact_image(img, TextRedactor(confidential_terms=["Project Nightingale"]))
    assert [f.kind for f in found] == ["CONFIDENTIAL"]
    assert "launch" not in read_text(out)


def test_frames_over_a_bundle_applies_structural_masks(tmp_path: Path) -> None:
    key = load_or_create_key(device_key_path())
    img = page(["please call +44 20 7946 0958 about the invoice", "password field here"])
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    meta = SessionMeta(id=new_session_id(), start=time.time())
    w = BundleWriter(tmp_path / "spool", meta, key)
    w.write_blob("frames/000000-before.png", buf.getvalue())
    # the second line's box is a structural mask (e.g. a password field) recorded by the step
    obs = {
        "before": "frames/000000-before.png",
        "width": img.width,
        "height": img.height,
        "masks": [[0, 38, 900, 72]],
    }
    w.add("step", {"index": 0, "t": 0.0, "action": {"type": "click", "x": 1, "y": 1}, "observation": obs})
    w.seal()
    w.close()
    out = tmp_path / "out"
    res = CliRunner().invoke(redact_group, ["frames", str(w.root), "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["frames"] == 1 and rep["structural_boxes"] == 1 and rep["kinds"].get("PHONE_NUMBER") == 1
    text = read_text(Image.open(out / "frames/000000-before.png"))
    assert "7946" not in text and "password" not in text and "invoice" in text


def test_frames_cli_rejects_a_missing_folder(tmp_path: Path) -> None:
    res = CliRunner().invoke(redact_group, ["frames", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert res.exit_code != 0 and "no such folder" in str(res.exception)


def test_redact_frames_dir_over_a_plain_bundle(tmp_path: Path) -> None:
    """What the service calls in-process on a quarantined bundle (plain files, no device key)."""
    img = page(["mail maria.garcia@example.com about the invoice"])
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    w = BundleWriter(tmp_path / "quarantine", SessionMeta(id=new_session_id(), start=time.time()), None)
    w.write_blob("frames/000000-after.png", buf.getvalue())
    w.seal()
    w.close()
    rep = redact_frames_dir(w.root, tmp_path / "out", TextRedactor(), key=None)
    assert rep.frames == 1 and rep.kinds == {"EMAIL_ADDRESS": 1}
    text = read_text(Image.open(tmp_path / "out" / "frames/000000-after.png"))
    assert "invoice" in text and "garcia" not in text


def _row_words(parts: list[tuple[str, int]], block: tuple[int, int], y: int = 20) -> list[Word]:
    """Words of one screen row at x offsets, as Tesseract gives them in `block` (its own line)."""
    out = []
    for text, x in parts:
        box = (x, y, x + 9 * len(text), y + 14)
        out.append(Word(text, box, block, (*block, 1), 90.0))
    return out


def test_a_row_cut_into_two_blocks_is_read_whole() -> None:
    """Tesseract read a terminal's command line as two blocks (columns): "docker login -u
    deploybot" and "-p Vq8mZr2Lp5Tn registry.example.com". Alone, the second holds a bare "-p"
    and a token (no user flag: "-p" is also a port); the row joined gives the password its flag's
    context, and its word is filled. Measured on a real xterm frame (tests/capture/
    test_recorder_typed_credentials.py), where the first copy of the line stayed readable."""
    left = _row_words([("docker", 10), ("login", 80), ("-u", 140), ("deploybot", 170)], (1, 1))
    right = _row_words([("-p", 400), ("Vq8mZr2Lp5Tn", 430), ("registry.example.com", 560)], (2, 1))
    img = Image.new("RGB", (900, 60), "white")
    _, found = redact_image(img, TextRedactor(), readings=[left + right])
    boxes = [f.bbox for f in found if f.kind == "SECRET"]
    pw = right[1].box
    assert any(b[0] <= pw[0] and b[2] >= pw[2] for b in boxes), found
    alone = right
    _, found_alone = redact_image(img, TextRedactor(), readings=[alone])
    assert not [f for f in found_alone if f.kind == "SECRET"]  # the premise: alone it is not read


def test_rows_within_one_block_add_no_view() -> None:
    from demotrace.redact.image import _split_rows

    words = _row_words([("hello", 10), ("world", 80)], (1, 1)) + _row_words([("again", 10)], (1, 1), y=40)
    assert _split_rows(words) == []
    two = _row_words([("left", 10)], (1, 1)) + _row_words([("right", 400)], (2, 1), y=22)
    (row,) = _split_rows(two)
    assert [w.text for w in row] == ["left", "right"] and len({w.line for w in row}) == 1


def test_a_column_read_as_one_tall_word_joins_no_row() -> None:
    """On the demo's `ls -la` frame Tesseract read the column of link counts as one word 316 px
    high ("NNWNAONW…", confidence 0); its band took in the twenty rows below it, which became one
    "row" of permissions, months and years that the model and the name rule masked as one block.
    A word over twice the usual height joins no row; the rows stay rows."""
    from demotrace.redact.image import _split_rows

    rows = []
    for n in range(6):
        y = 20 + 19 * n
        rows += _row_words([("drwxr-xr-x", 4)], (1, 1), y=y) + _row_words(
            [("root", 200), ("4096", 260)], (3, 1), y=y
        )
    tall = Word("NNWNAONWNN", (121, 20, 128, 20 + 19 * 6), (2, 1), (2, 1, 1), 0.0)
    split = _split_rows([*rows, tall])
    assert len(split) == 6 and all(len(row) == 3 for row in split), [[w.text for w in r] for r in split]
