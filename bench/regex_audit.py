"""Every compiled regex of the redaction engine timed on adversarial strings (digit runs, blank
runs, capitalised words, hex), as microseconds per 100 characters of `finditer`: a pattern whose
cost grows with a run's length (backtracking between `[ \\t]*` and `[ \\t]+`, or a greedy `\\d+`
before many alternatives) stands out at the top. Patterns used only with `match` at one position
pay this per call, not per character.

    PYTHONPATH=$PWD/src .venv/bin/python bench/regex_audit.py [TOP]
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time

import demotrace.redact.detectors as detectors

SAMPLES = {
    "digits": "1234567890 " * 8,
    "long digits": "1234567890" * 5,
    "words": "The quick brown fox jumps over the lazy dog and then " * 2,
    "capitals": "Anna Maria Smith Johnson Peter Paul Mary Walker Street Road " * 2,
    "mixed": "Calle Mayor 12, 28013 Madrid; tel +34 912 345 678; ID 12345678Z; 4111 1111 1111 1111",
    "hex": "a3f5b9c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e2f4a6b8c0d1e3f5a7",
    "blanks": "word " + " " * 60 + "x",
    "punctuation": "----- ===== ..... ,,,,, ;;;;; ::::: ///// ||||| " * 2,
}
EXTRA = ("urls", "operators", "engine", "model.decoder", "model.tagger", "model.topic_ngrams")


def patterns() -> dict[str, re.Pattern[str]]:
    mods = [
        importlib.import_module(f"{detectors.__name__}.{m.name}")
        for m in pkgutil.iter_modules(detectors.__path__)
    ]
    mods += [importlib.import_module(f"demotrace.redact.{n}") for n in EXTRA]
    out: dict[str, re.Pattern[str]] = {}
    for mod in mods:
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                out.setdefault(f"{mod.__name__.rsplit('.', 1)[-1]}.{name}", value)
    return out


def main() -> None:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    rows = []
    for name, rx in patterns().items():
        for sample, text in SAMPLES.items():
            t0 = time.perf_counter()
            for _ in range(100):
                for _m in rx.finditer(text):
                    pass
            rows.append(((time.perf_counter() - t0) / 100 * 1e6 * 100 / len(text), name, sample))
    rows.sort(reverse=True)
    for cost, name, sample in rows[:top]:
        print(f"{cost:9.1f} us/100 chars  {name}  on {sample}")


if __name__ == "__main__":
    main()
