"""Held-out screenshots: generated pages (forms, chat, e-mail, code, title bars; 8 languages) rendered
by Chromium, redacted by the frame pass (OCR + text engine + masks), scored per image.

    .venv/bin/python bench/bench_screens.py [--n 40] [--ocr tesseract|rapidocr] [--json] [--save DIR]

Prints: images where every must-catch span is caught, span recall (overall and per kind), share
of the other pixels masked (mean, max), the same per layout and language, and OCR seconds per
image (one thread). Generator and scoring: tests/redact/screens.py.
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

from demotrace.redact import TextRedactor  # noqa: E402
from demotrace.redact.image import PAD, Word, ocr_words, redact_image  # noqa: E402
from tests.redact.screens import Score, Shot, mask_array, plan, render, score  # noqa: E402


def evaluate(
    shots: list[Shot], red: TextRedactor, ocr: str = "tesseract", save: Path | None = None
) -> dict[str, Any]:
    per: list[tuple[Shot, Score, float]] = []
    for shot in shots:
        assert shot.image is not None
        t0 = time.thread_time() if ocr == "rapidocr" else time.perf_counter()
        words = read_words(shot, ocr)
        ocr_s = (time.thread_time() if ocr == "rapidocr" else time.perf_counter()) - t0
        out, found = redact_image(shot.image, red, words=words)
        masked = mask_array(shot.image.size, [f.bbox for f in found if f.bbox], pad=PAD)
        sc = score(shot, masked)
        per.append((shot, sc, ocr_s))
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            shot.image.save(save / f"{shot.name}.png")
            out.save(save / f"{shot.name}.redacted.png")
    return summary(per)


def read_words(shot: Shot, ocr: str) -> list[Word]:
    assert shot.image is not None
    if ocr == "tesseract":
        return ocr_words(shot.image)
    from demotrace.redact.ocr_rapid import rapid_words

    return rapid_words(shot.image)


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
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--save", type=Path, help="write each screenshot and its redacted copy here")
    a = ap.parse_args()
    shots = render(plan(a.n, a.seed))
    res = evaluate(shots, TextRedactor(), a.ocr, a.save)
    if a.json:
        print(json.dumps(res))
        return
    o = res["overall"]
    print(
        f"{o['images']} images: every must-catch span caught in {o['all_caught']:.1%}, span recall "
        f"{o['span_recall']:.3f}, other pixels masked {o['other_masked_mean']:.2%} mean / "
        f"{o['other_masked_max']:.2%} max; OCR ({a.ocr}) {res['ocr_seconds_per_image']} s per image"
    )
    for group in ("layouts", "languages"):
        for k, v in res[group].items():
            print(f"  {k:9s} all caught {v['all_caught']:.0%}  recall {v['span_recall']:.3f}  "
                  f"other masked {v['other_masked_mean']:.2%}")  # fmt: skip
    print(f"  kinds: {res['kinds']}")
    for name, missed in res["missed"].items():
        print(f"  missed in {name}: {missed}")


if __name__ == "__main__":
    main()
