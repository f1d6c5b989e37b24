"""Labelled samples from templates: `Sample(text, spans, topics, lang, kind)`, fixed seed.

    python -m demotrace.redact.train.generate --n 20 --seed 1     # print a few, to read them

Spans are character offsets with the model's kind letters (see `fillers`); templates come as a
mapping language → kind → list (training: `templates`; held-out: tests/redact/heldout_templates.py).
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from . import templates as T
from .fillers import FILLERS, LOCALES, Ctx, fresh_fakers

SLOT = re.compile(r"\{(\w+)\}")
LANG_WEIGHTS = {
    "en": 22, "es": 13, "nl": 13, "de": 8, "fr": 8, "pt": 6, "it": 6, "pl": 3, "sv": 3, "tr": 3, "cs": 2,
    "ru": 4, "el": 3, "ja": 3, "zh": 3,
}  # fmt: skip
KIND_WEIGHTS = {
    "title": 16, "chat": 14, "email": 7, "form": 8, "ticket": 4, "letter": 6, "shell": 7, "code": 11,
    "url": 5, "clinical": 12, "topic": 5, "negative": 4,
}  # fmt: skip


@dataclass
class Sample:
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    lang: str = "en"
    kind: str = "chat"


def fill(template: str, ctx: Ctx, gold: Mapping[str, str] | None = None) -> Sample:
    """`template` with every `{slot}` filled; `{{`/`}}` are literal braces. `gold` relabels slots
    (the held-out sets label e-mails, phones and IBANs too, which the model leaves to the rules)."""
    tpl = template.replace("{{", "\x00").replace("}}", "\x01")
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0
    at = 0
    for m in SLOT.finditer(tpl):
        lit = tpl[pos : m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(lit)
        at += len(lit)
        text, label = FILLERS[m.group(1)](ctx)
        if gold is not None:
            label = gold.get(m.group(1), gold.get(label, label))
        text = text.strip()
        out.append(text)
        if label and text:
            spans.append((label, at, at + len(text)))
        at += len(text)
        pos = m.end()
    out.append(tpl[pos:].replace("\x00", "{").replace("\x01", "}"))
    return Sample("".join(out), spans, lang=ctx.lang)


def _concat(parts: Sequence[Sample], sep: str) -> Sample:
    text = ""
    spans: list[tuple[str, int, int]] = []
    topics: set[str] = set()
    for i, p in enumerate(parts):
        if i:
            text += sep
        spans += [(k, s + len(text), e + len(text)) for k, s, e in p.spans]
        topics |= p.topics
        text += p.text
    return Sample(text, spans, topics, parts[0].lang, parts[0].kind)


def _clinical(ctx: Ctx) -> Sample:
    lang = ctx.lang if ctx.lang in T.CLINICAL else "en"
    lines = []
    for _ in range(ctx.rng.randint(1, 3)):
        if lang in T.CLINICAL_NAMED and ctx.rng.random() < 0.3:
            lines.append(fill(ctx.pick(T.CLINICAL_NAMED[lang]), ctx))
            continue
        line = fill(ctx.pick(T.CLINICAL[lang]), ctx)
        if lang in T.CLINICAL_HEADS and ctx.rng.random() < 0.4:
            line = _concat([Sample(ctx.pick(T.CLINICAL_HEADS[lang])), line], ": ")
        lines.append(line)
    s = _concat(lines, ctx.pick(("\n", " ", ". ")))
    s.topics = {"health"}
    return s


def _topic_line(ctx: Ctx) -> Sample:
    topic = ctx.pick(tuple(T.TOPIC_LINES))
    by_lang = T.TOPIC_LINES[topic]
    s = fill(ctx.pick(by_lang.get(ctx.lang) or by_lang["en"]), ctx)
    s.topics = {topic}
    return s


def sample_from(
    ctx: Ctx,
    kind: str,
    lang_templates: Mapping[str, Mapping[str, list[str]]],
    common: Mapping[str, list[str]],
) -> Sample:
    if kind == "clinical":
        s = _clinical(ctx)
    elif kind == "topic":
        s = _topic_line(ctx)
    elif kind == "negative":
        s = fill(ctx.pick(T.TOPIC_NEGATIVES), ctx)
    elif kind in common:
        s = fill(ctx.pick(common[kind]), ctx)
    else:
        pool = lang_templates.get(ctx.lang, {}).get(kind) or lang_templates["en"][kind]
        s = fill(ctx.pick(pool), ctx)
    s.lang, s.kind = ctx.lang, kind
    return s


def _augment(s: Sample, rng: random.Random) -> Sample:
    r = rng.random()
    if r < 0.08 and s.kind in ("chat", "title", "ticket"):
        low = s.text.lower()
        if len(low) == len(s.text):
            s.text = low
    elif r < 0.11 and s.kind in ("title", "form"):
        up = s.text.upper()
        if len(up) == len(s.text):
            s.text = up
    return s


def generate(n: int, seed: int) -> Iterator[Sample]:
    """`n` training samples; the same seed gives the same samples."""
    fresh_fakers()
    rng = random.Random(seed)
    langs, lw = zip(*LANG_WEIGHTS.items(), strict=True)
    kinds, kw = zip(*KIND_WEIGHTS.items(), strict=True)
    for i in range(n):
        lang = rng.choices(langs, lw)[0]
        ctx = Ctx(lang, rng, seed * 1000 + i % 7)
        parts = [sample_from(ctx, rng.choices(kinds, kw)[0], T.LANG, T.COMMON)]
        if rng.random() < 0.15:
            parts.append(sample_from(ctx, rng.choices(kinds, kw)[0], T.LANG, T.COMMON))
        s = _concat(parts, rng.choice(("\n", " | ", " - ", "  ")))
        yield _augment(s, rng)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    for s in generate(a.n, a.seed):
        marks = ", ".join(f"{k}:{s.text[b:e]!r}" for k, b, e in s.spans)
        topics = "/" + ",".join(sorted(s.topics)) if s.topics else ""
        print(f"[{s.lang}/{s.kind}{topics}] {s.text!r}  ->  {marks}")


if __name__ == "__main__":
    main()

__all__ = ["LOCALES", "Sample", "fill", "generate", "sample_from"]
