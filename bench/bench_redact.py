"""Benchmark of the redaction engine: text throughput, typed-segment latency, OCR pass per 1080p
frame, and the eval figures (DESIGN.md scoring) on presidio-research's small set and on a
Faker-generated multilingual set.

    .venv/bin/python bench/bench_redact.py [--json] [--frames N] [--synthetic N]

One core: everything runs in this process on one thread (Tesseract with OMP_THREAD_LIMIT=1).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from demotrace.redact import TextRedactor, registry
from demotrace.redact.detectors._base import Detector
from demotrace.redact.evaluate import GoldSpan, Sample, evaluate, load_samples
from demotrace.redact.image import redact_image

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT.parent / "shared" / "fixtures" / "presidio-research" / "generated_small.json"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TYPED = [
    "git commit -m 'fix the flaky upload test'",
    "ls -la ~/projects/demotrace",
    "meeting notes for the quarterly review",
    "please send the report to anna.kowalska@example.pl",
    "call me on +44 20 7946 0958 after lunch",
    "SELECT * FROM orders WHERE id = 42;",
    "Thanks Priya, I will look at it tomorrow",
    "export API_TOKEN=ghp_" + "a1B2c3D4e5" * 4,
    "search: best hiking trails near Zermatt",
    "the build is green again",
    "Inbox (3) - Gmail",
    "https://github.com/acme/api/pull/1234/files",
    "ok",
    "Q3 planning - Google Docs",
    "cd /home/jdoe/src && make test",
]

LOCALES = (
    "en_US en_GB de_DE fr_FR nl_NL es_ES it_IT pl_PL cs_CZ hu_HU pt_BR sv_SE da_DK fi_FI en_AU en_IN tr_TR"
)
LOCALES += " el_GR ja_JP zh_CN"
TEMPLATES = [
    "My name is {PERSON}",
    "{PERSON} lives at {STREET_ADDRESS}",
    "Please send the parcel to {STREET_ADDRESS}.",
    "Call me at {PHONE_NUMBER} tomorrow",
    "You can reach {PERSON} on {PHONE_NUMBER}",
    "Email {EMAIL_ADDRESS} for details",
    "Inbox - {PERSON} - Gmail",
    "Re: invoice for {PERSON} - Outlook",
    "{PERSON}\n{STREET_ADDRESS}",
    "Hi {FIRST}, thanks for the update",
    "Meeting with {PERSON} and {PERSON} on Monday",
    "I spoke with {PERSON} yesterday about the contract",
    "Billing address: {STREET_ADDRESS}",
    "{PERSON} ({EMAIL_ADDRESS})",
    "The card {CREDIT_CARD} was declined",
    "Transfer to IBAN {IBAN_CODE}",
    "Server {IP_ADDRESS} is down",
    "SSN {US_SSN} on file",
    "Q3 Roadmap - Google Docs",
    "Pull requests · acme/api · GitHub",
    "#general | Acme - Slack",
    "The deployment to staging finished at 10:42",
    "Review the quarterly report before Friday",
    "Dr. {LAST} will see you now",
    "Thanks, {PERSON}",
    "Assigned to {PERSON} in Jira",
    "{FIRST} said the build is green",
]


def synthetic(n: int, seed: int = 7) -> list[Sample]:
    """Faker-filled templates in 20 locales (labels: Faker's own values, names without prefixes)."""
    from faker import Faker

    rnd = random.Random(seed)
    fakers = {loc: Faker(loc) for loc in LOCALES.split()}
    us = Faker("en_US")
    for f in [*fakers.values(), us]:
        f.seed_instance(seed)
    out = []
    for _ in range(n):
        fk = fakers[rnd.choice(LOCALES.split())]
        values = {
            "PERSON": lambda fk=fk: f"{fk.first_name()} {fk.last_name()}",
            "FIRST": fk.first_name,
            "LAST": fk.last_name,
            "STREET_ADDRESS": fk.address,
            "PHONE_NUMBER": fk.phone_number,
            "EMAIL_ADDRESS": fk.email,
            "CREDIT_CARD": fk.credit_card_number,
            "IBAN_CODE": fk.iban,
            "IP_ADDRESS": fk.ipv4_public,
            "US_SSN": us.ssn,
        }
        text, spans = "", []
        for part in re.split(r"(\{[A-Z_]+\})", rnd.choice(TEMPLATES)):
            m = re.fullmatch(r"\{([A-Z_]+)\}", part)
            if not m:
                text += part
                continue
            val = str(values[m.group(1)]())
            kind = "PERSON" if m.group(1) in ("FIRST", "LAST") else m.group(1)
            spans.append(GoldSpan(kind, len(text), len(text) + len(val)))
            text += val
        out.append(Sample(text, tuple(spans)))
    return out


def text_throughput(red: TextRedactor, texts: list[str], rounds: int = 3) -> dict[str, float]:
    data = sum(len(t.encode()) for t in texts)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            red.redact(t)
        best = min(best, time.process_time() - t0)
    return {"bytes": data, "cpu_seconds": round(best, 3), "mb_per_s": round(data / best / 1e6, 3)}


def typed_latency(red: TextRedactor, n: int = 5000) -> dict[str, float]:
    """Per call: CPU time of this thread (what one core spends) and wall time (what the caller
    waits, including time other processes of a shared machine take the core)."""
    rnd = random.Random(1)
    cpu, wall = [], []
    for _ in range(n):
        t = rnd.choice(TYPED)
        c0, w0 = time.thread_time(), time.perf_counter()
        red.redact(t)
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    cpu.sort()
    wall.sort()
    return {
        "segments": n,
        "cpu_p50_ms": round(statistics.median(cpu) * 1e3, 3),
        "cpu_p99_ms": round(cpu[int(0.99 * n)] * 1e3, 3),
        "wall_p50_ms": round(statistics.median(wall) * 1e3, 3),
        "wall_p99_ms": round(wall[int(0.99 * n)] * 1e3, 3),
    }


def model_speed(texts: list[str], page_bytes: int = 1_000_000) -> dict[str, float]:
    """The character model alone, one thread: load time, CPU p99 per typed segment, and page text
    (one long text, windows batched) in MB/s of CPU time."""
    from demotrace.redact.model import CharModel

    t0 = time.perf_counter()
    model = CharModel.load()
    load_s = time.perf_counter() - t0
    rnd = random.Random(2)
    cpu = []
    for _ in range(3000):
        t = rnd.choice(TYPED)
        c0 = time.thread_time()
        model.spans(t)
        cpu.append(time.thread_time() - c0)
    cpu.sort()
    page = ""
    while len(page.encode()) < page_bytes:
        page += rnd.choice(texts) + "\n"
    c0 = time.thread_time()
    model.spans(page)
    page_s = time.thread_time() - c0
    return {
        "load_s": round(load_s, 3),
        "typed_cpu_p50_ms": round(statistics.median(cpu) * 1e3, 3),
        "typed_cpu_p99_ms": round(cpu[int(0.99 * len(cpu))] * 1e3, 3),
        "page_bytes": len(page.encode()),
        "page_mb_per_s": round(len(page.encode()) / page_s / 1e6, 3),
    }


def bench_page(texts: list[str], page_bytes: int = 300_000) -> list[str]:
    """The lines of the bench page: `texts` drawn with replacement (seed 4) up to `page_bytes`."""
    rnd = random.Random(4)
    lines: list[str] = []
    while sum(len(t.encode()) + 1 for t in lines) < page_bytes:
        lines.append(rnd.choice(texts))
    return lines


def distinct_page(page_bytes: int = 300_000) -> list[str]:
    """Lines that do not repeat (the bench page draws ~370 distinct texts ~20 times each, which
    `redact_many` redacts once): `synthetic(9000, seed=5)`'s distinct texts, up to `page_bytes`."""
    lines: list[str] = []
    size = 0
    for t in dict.fromkeys(s.text for s in synthetic(9000, seed=5)):
        if size >= page_bytes:
            break
        lines.append(t)
        size += len(t.encode()) + 1
    return lines


PROSE_SOURCES = (
    "/usr/share/vim/vim90/doc/usr_*.txt",
    "/usr/share/common-licenses/GPL-3",
    "/usr/share/common-licenses/Apache-2.0",
)


def prose_page(page_bytes: int = 300_000) -> list[str]:
    """Lines of real third-party prose that nobody here wrote (Vim's user manual, which credits
    people by name, and two licences), read from the Debian packages at run time, never copied
    into the repo: documentation-like page text with sparse PII. Empty when they are not
    installed."""
    import glob

    text = ""
    for pattern in PROSE_SOURCES:
        for f in sorted(glob.glob(pattern)):
            text += Path(f).read_text(encoding="utf-8", errors="replace")
            if len(text.encode()) >= page_bytes:
                break
    text = text.encode()[:page_bytes].decode(errors="ignore")
    return text.split("\n") if text else []


def pages(texts: list[str], page_bytes: int = 300_000) -> dict[str, list[str]]:
    """The three pages the page-text figures are measured on: "" the bench page (PII-dense lines
    drawn with replacement), "distinct_" PII-dense lines that do not repeat, "prose_" real prose."""
    out = {"": bench_page(texts, page_bytes), "distinct_": distinct_page(page_bytes)}
    prose = prose_page(page_bytes)
    if prose:
        out["prose_"] = prose
    return out


def fresh(det: Detector) -> Detector:
    """A new instance of a rule detector, its memos (word classes, phone verdicts) empty: each
    figure is for text the detector has not seen. The model is shared as it is."""
    return det if det.name == "model" else type(det)()


def fresh_redactor(red: TextRedactor) -> TextRedactor:
    """`red` (its policy too) with rule detectors that have not seen the page, and the topic
    classifier's word memo (shared by the process) emptied: a figure for words not seen before."""
    if red.sensitive_topics:
        from demotrace.redact.model.topic_ngrams import NgramTopics

        NgramTopics.load().forget_words()
    return TextRedactor(
        red.confidential_terms, red.sensitive_topics, detectors=[fresh(d) for d in red._detectors]
    )


def page_text(red: TextRedactor, texts: list[str], page_bytes: int = 300_000) -> dict[str, float]:
    """Page text through rules + model, CPU time of one thread: one long string (`redact`), and the
    same split into its lines (`redact_many`, the model batched across them); and a page of lines
    that do not repeat, and a page of real prose (`prose_page`), both ways; each with rule
    detectors that have not seen the page (`fresh`)."""
    out: dict[str, float] = {}
    for name, lines in pages(texts, page_bytes).items():
        page = "\n".join(lines)
        size = len(page.encode())
        red1 = fresh_redactor(red)
        c0 = time.thread_time()
        red1.redact(page)
        whole = time.thread_time() - c0
        red2 = fresh_redactor(red)
        c0 = time.thread_time()
        red2.redact_many(lines)
        many = time.thread_time() - c0
        out[f"{name}page_bytes"] = size
        out[f"{name}whole_mb_per_s"] = round(size / whole / 1e6, 3)
        out[f"{name}lines_batched_mb_per_s"] = round(size / many / 1e6, 3)
    return out


def policy_redactor() -> TextRedactor:
    """The redactor the recorder builds from the embedded default policy: its confidential term and
    its sensitive topics (health, immigration, family) checked on every text before the detectors."""
    from demotrace.policy.defaults import default_policy

    pol = default_policy()
    red = TextRedactor(pol.confidential_terms, pol.sensitive_topics)
    red.redact("warm up: Anna Smith, 12 Main Street, about her knee surgery")
    return red


def page_parts(red: TextRedactor, lines: list[str]) -> dict[str, list[float]]:
    """CPU seconds of one thread per detector on one page: [on the joined page (`detect`), on its
    distinct lines (`detect_many`, what `redact_many` gives it)]; "engine" is the whole `redact` /
    `redact_many`, "rest" what the engine spends beyond its detectors (policy checks, merging,
    placeholders). Rule detectors are `fresh` for each figure."""
    page = "\n".join(lines)
    distinct = list(dict.fromkeys(lines))
    out: dict[str, list[float]] = {}
    for det in red._detectors:
        d1, d2 = fresh(det), fresh(det)
        c0 = time.thread_time()
        list(d1.detect(page))
        whole = time.thread_time() - c0
        c0 = time.thread_time()
        d2.detect_many(distinct)
        out[det.name] = [round(whole, 3), round(time.thread_time() - c0, 3)]
    red1, red2 = fresh_redactor(red), fresh_redactor(red)
    c0 = time.thread_time()
    red1.redact(page)
    whole = time.thread_time() - c0
    c0 = time.thread_time()
    red2.redact_many(lines)
    out["engine"] = [round(whole, 3), round(time.thread_time() - c0, 3)]
    parts = [v for k, v in out.items() if k != "engine"]
    out["rules"] = [
        round(sum(v[i] for k, v in out.items() if k not in ("engine", "model")), 3) for i in (0, 1)
    ]
    out["rest"] = [round(out["engine"][i] - sum(v[i] for v in parts), 3) for i in (0, 1)]
    return out


def heldout(red: TextRedactor) -> dict[str, Any]:
    """DESIGN.md scoring on tests/redact/data/heldout/ (all five kinds pooled)."""
    samples = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        samples += load_samples(ROOT / "tests" / "redact" / "data" / "heldout" / f"{kind}.json")
    return evaluate(samples, red)


def frame_1080p(seed: int = 3) -> Image.Image:
    """A 1920x1080 'screen': 45 lines of 14 px text in three columns, PII planted in some lines."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (1920, 1080), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 14)
    words = ["the", "build", "review", "deploy", "meeting", "notes", "report", "planning", "search", "page"]
    pii = [
        "maria.garcia@example.com",
        "+44 20 7946 0958",
        "4532 2766 4457 7020",
        "Priya Raman",
        "Kwame Mensah",
    ]
    for col in range(3):
        for row in range(45):
            line = " ".join(rnd.choice(words) for _ in range(6))
            if rnd.random() < 0.2:
                line += " " + rnd.choice(pii)
            d.text((20 + 640 * col, 12 + 23 * row), line, fill="black", font=font)
    return img


def ocr_seconds(red: TextRedactor, frames: int) -> dict[str, float]:
    img = frame_1080p()
    out: dict[str, float] = {}
    for scale in (2, 1):
        times = []
        for _ in range(frames):
            t0 = time.perf_counter()
            _, found = redact_image(img, red, scale=scale)
            times.append(time.perf_counter() - t0)
        out[f"scale{scale}_seconds_per_frame"] = round(statistics.median(times), 2)
        out[f"scale{scale}_boxes"] = len(found)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    ap.add_argument("--frames", type=int, default=2, help="1080p frames per OCR setting")
    ap.add_argument("--synthetic", type=int, default=1000, help="synthetic eval samples (0: skip)")
    ap.add_argument("--parts", action="store_true", help="only page text, split per detector")
    args = ap.parse_args()
    t0 = time.perf_counter()
    red = TextRedactor()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    TextRedactor()
    later = time.perf_counter() - t0
    res: dict[str, Any] = {"construct_first_s": round(first, 3), "construct_later_ms": round(later * 1e3, 3)}
    fixture = load_samples(FIXTURE)
    synth = synthetic(args.synthetic) if args.synthetic else []
    corpus = [s.text for s in fixture + synth] + TYPED * 50
    res["text"] = text_throughput(red, corpus)
    res["typed"] = typed_latency(red)
    res["model"] = model_speed(corpus)
    if args.parts:
        red.redact("warm up: Anna Smith, 12 Main Street")
        res["parts"] = {
            (name.rstrip("_") or "bench_page"): page_parts(red, lines)
            for name, lines in pages(corpus).items()
        }
        res["page_text"] = page_text(red, corpus)
        res["page_text_default_policy"] = page_text(policy_redactor(), corpus)
        print(json.dumps(res))
        return
    res["page_text"] = page_text(red, corpus)
    res["page_text_default_policy"] = page_text(policy_redactor(), corpus)
    if args.frames:
        res["ocr_1080p"] = ocr_seconds(red, args.frames)
    rules = TextRedactor(detectors=registry.build([n for n in registry.names() if n != "model"]))
    res["eval_heldout"] = heldout(red)
    res["eval_heldout_rules_alone"] = heldout(rules)
    res["eval_fixture_rules_alone"] = evaluate(fixture, rules)
    res["eval_fixture"] = evaluate(fixture, red)
    if synth:
        res["eval_synthetic"] = evaluate(synth, red)
    if args.json:
        print(json.dumps(res))
        return
    print(
        f"construct: first {res['construct_first_s']} s, later {res['construct_later_ms']} ms",
        file=sys.stderr,
    )
    print(f"text: {res['text']['mb_per_s']} MB/s per core ({res['text']['bytes']} bytes)", file=sys.stderr)
    ty = res["typed"]
    print(
        f"typed segment: CPU p50 {ty['cpu_p50_ms']} ms, p99 {ty['cpu_p99_ms']} ms; "
        f"wall p50 {ty['wall_p50_ms']} ms, p99 {ty['wall_p99_ms']} ms",
        file=sys.stderr,
    )
    print(f"model: {res['model']}", file=sys.stderr)
    print(f"page text (rules + model): {res['page_text']}", file=sys.stderr)
    print(f"page text, default policy: {res['page_text_default_policy']}", file=sys.stderr)
    print(f"OCR 1080p: {res.get('ocr_1080p')}", file=sys.stderr)
    evals = ("eval_fixture", "eval_fixture_rules_alone", "eval_synthetic", "eval_heldout")
    for k in (*evals, "eval_heldout_rules_alone"):
        if k in res:
            print(f"{k}: {json.dumps(res[k])}", file=sys.stderr)


if __name__ == "__main__":
    main()
