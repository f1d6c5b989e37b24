"""Held-out screenshots: generated pages (forms, chat, e-mail, code, title bars; 8 languages) rendered
by Chromium, redacted by the frame pass (OCR + text engine + masks), scored per image.

    .venv/bin/python bench/bench_screens.py [--n 40] [--seed 1] [--ocr tesseract|rapidocr]
        [--langs auto|eng|eng+spa+…] [--json] [--save DIR]

Prints: images where every must-catch span is caught, span recall (overall and per kind), share
of the other pixels masked (mean, max), the same per layout and language, and OCR seconds per
image (CPU seconds, one thread). Generator and scoring: tests/redact/screens.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from demotrace.redact import TextRedactor  # noqa: E402
from demotrace.redact.image import OCR_LANGS, PAD, Word, ocr_readings, redact_image  # noqa: E402
from tests.redact.screens import Score, Shot, mask_array, plan, render, score  # noqa: E402


def evaluate(
    shots: list[Shot],
    red: TextRedactor,
    ocr: str = "tesseract",
    save: Path | None = None,
    langs: str = OCR_LANGS,
) -> dict[str, Any]:
    per: list[tuple[Shot, Score, float]] = []
    for shot in shots:
        assert shot.image is not None
        t0 = _cpu(ocr)
        readings = read_words(shot, ocr, langs)
        ocr_s = _cpu(ocr) - t0
        out, found = redact_image(shot.image, red, readings=readings)
        masked = mask_array(shot.image.size, [f.bbox for f in found if f.bbox], pad=PAD)
        sc = score(shot, masked)
        per.append((shot, sc, ocr_s))
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            shot.image.save(save / f"{shot.name}.png")
            out.save(save / f"{shot.name}.redacted.png")
    return summary(per)


def _cpu(ocr: str) -> float:
    """CPU seconds the OCR has used so far: Tesseract's child processes, or this thread (RapidOCR)."""
    import resource

    if ocr == "tesseract":
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        return ru.ru_utime + ru.ru_stime
    return time.thread_time()


def read_words(shot: Shot, ocr: str, langs: str = OCR_LANGS) -> list[list[Word]]:
    assert shot.image is not None
    if ocr == "tesseract":
        return ocr_readings(shot.image, langs=langs)
    return [rapid_words(shot.image)]


_RAPID: Any = None


def rapid_words(img: Image.Image) -> list[Word]:
    """RapidOCR (`rapidocr-onnxruntime`: PP-OCRv4 det/rec ONNX models inside its wheel, nothing
    downloaded), one thread, as `Word`s: its per-character boxes joined into words at spaces, one
    block per detected line (it finds lines, not paragraphs)."""
    global _RAPID
    if _RAPID is None:
        from rapidocr_onnxruntime import RapidOCR

        _RAPID = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    res, _ = _RAPID(np.asarray(img.convert("RGB")), return_word_box=True)
    words: list[Word] = []
    for li, (_, _, conf, boxes, chars, _) in enumerate(res or []):
        text, quads = "", list[Any]()
        for ch, quad in [*zip(chars, boxes, strict=False), (" ", [])]:
            if not ch.isspace():
                text, quads = text + ch, [*quads, quad]
                continue
            if text:
                xs = [pt[0] for q in quads for pt in q]
                ys = [pt[1] for q in quads for pt in q]
                box = (min(xs), min(ys), max(xs), max(ys))
                words.append(Word(text, box, (li, 0), (li, 0, 0), 100 * conf))
            text, quads = "", []
    return words


def ocr_speed(ocr: str, frames: int = 3, langs: str = OCR_LANGS) -> dict[str, float]:
    """OCR alone on the 1920x1080 frame of bench_redact.py: median CPU seconds (Tesseract: of its
    one-thread process; RapidOCR: of this thread) and peak memory (MB, of that process)."""
    import resource

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_redact import frame_1080p

    img = frame_1080p()
    times = []
    for _ in range(frames):
        t0 = _cpu(ocr)
        ocr_readings(img, langs=langs) if ocr == "tesseract" else rapid_words(img)
        times.append(_cpu(ocr) - t0)
    who = resource.RUSAGE_CHILDREN if ocr == "tesseract" else resource.RUSAGE_SELF
    return {
        "seconds_per_1080p_frame": round(statistics.median(times), 2),
        "peak_rss_mb": round(resource.getrusage(who).ru_maxrss / 1024, 1),
    }


def summary(per: list[tuple[Shot, Score, float]]) -> dict[str, Any]:
    def agg(rows: list[tuple[Shot, Score, float]]) -> dict[str, Any]:
        spans = max(1, sum(s.spans for _, s, _ in rows))
        return {
            "images": len(rows),
            "all_caught": round(sum(s.all_caught for _, s, _ in rows) / len(rows), 3),
            "span_recall": round(sum(s.caught for _, s, _ in rows) / spans, 3),
            "other_masked_mean": round(statistics.mean(s.other_masked for _, s, _ in rows), 4),
            "other_masked_max": round(max(s.other_masked for _, s, _ in rows), 4),
        }

    by_layout: dict[str, list[tuple[Shot, Score, float]]] = defaultdict(list)
    by_lang: dict[str, list[tuple[Shot, Score, float]]] = defaultdict(list)
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in per:
        by_layout[row[0].layout].append(row)
        by_lang[row[0].lang].append(row)
        missed_kinds = [m.split(":")[0] for m in row[1].missed]
        for t in row[0].spans:
            kinds[t.kind][1] += 1
        for t in row[0].spans:
            kinds[t.kind][0] += 1
        for k in missed_kinds:
            kinds[k][0] -= 1
    return {
        "overall": agg(per),
        "ocr_seconds_per_image": round(statistics.median(o for _, _, o in per), 2),
        "kinds": {k: round(c / n, 3) for k, (c, n) in sorted(kinds.items())},
        "layouts": {k: agg(v) for k, v in sorted(by_layout.items())},
        "languages": {k: agg(v) for k, v in sorted(by_lang.items())},
        "missed": {sh.name: list(sc.missed) for sh, sc, _ in per if sc.missed},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=40, help="images (layouts and languages in turn)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ocr", choices=("tesseract", "rapidocr"), default="tesseract")
    ap.add_argument(
        "--langs",
        default=OCR_LANGS,
        help="Tesseract models: auto (eng, then the guessed language) or a -l value",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--speed", action="store_true", help="also time the OCR on a 1080p frame")
    ap.add_argument("--save", type=Path, help="write each screenshot and its redacted copy here")
    a = ap.parse_args()
    shots = render(plan(a.n, a.seed))
    res = evaluate(shots, TextRedactor(), a.ocr, a.save, a.langs)
    if a.speed:
        res["speed"] = ocr_speed(a.ocr, langs=a.langs)
    if a.json:
        print(json.dumps(res))
        return
    o = res["overall"]
    print(
        f"{o['images']} images: every must-catch span caught in {o['all_caught']:.1%}, span recall "
        f"{o['span_recall']:.3f}, other pixels masked {o['other_masked_mean']:.2%} mean / "
        f"{o['other_masked_max']:.2%} max; OCR ({a.ocr}, {a.langs}) "
        f"{res['ocr_seconds_per_image']} s per image"
    )
    for group in ("layouts", "languages"):
        for k, v in res[group].items():
            print(f"  {k:9s} all caught {v['all_caught']:.0%}  recall {v['span_recall']:.3f}  "
                  f"other masked {v['other_masked_mean']:.2%}")  # fmt: skip
    print(f"  kinds: {res['kinds']}")
    if "speed" in res:
        print(f"  OCR alone on a 1080p frame: {res['speed']}")
    for name, missed in res["missed"].items():
        print(f"  missed in {name}: {missed}")


if __name__ == "__main__":
    main()
