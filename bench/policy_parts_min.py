"""The policy checks on page text, per part, as min (and median) of N runs: the figures of
docs/benchmarks/redact.md's eighth pass (policy).

    PYTHONPATH=$PWD/src .venv/bin/python bench/policy_parts_min.py [N]

For the PII-dense page whose lines never repeat and the real-prose page (their distinct non-empty
lines, as `redact_many` hands them to `policy_drop_many`), CPU seconds of one thread, collector
off: the whole `policy_drop_many` of the default policy; its parts — confidential terms
(`find_many`), the topic lexicon (`topics_of_many`), the word-piece classifier
(`_model_topics_of` on the texts the lexicon left) — and the classifier cold: its caches of
word features emptied before each run (a page of words it has not seen), and with only the
other page's words seen before each run (a page new to it, in words it may have met).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_redact as b

from demotrace.redact import TextRedactor
from demotrace.redact.model import topic_ngrams


def best_and_median(
    n: int, run: Callable[[], object], before: Callable[[], object] | None = None
) -> tuple[float, float]:
    times = []
    gc.disable()
    try:
        for _ in range(n):
            if before is not None:
                before()
            c0 = time.thread_time()
            run()
            times.append(time.thread_time() - c0)
    finally:
        gc.enable()
    times.sort()
    return times[0], times[len(times) // 2]


def forget_words() -> None:
    """Empties the classifier's word caches, whichever this tree has."""
    topic_ngrams._word_features.cache_clear()
    model = topic_ngrams.NgramTopics.load()
    if hasattr(model, "forget_words"):
        model.forget_words()


def parts(red: TextRedactor, texts: list[str], other: list[str], n: int) -> dict[str, tuple[float, float]]:
    """CPU s (min, median of `n`) of the policy checks and each part on `texts`; the classifier
    also with its word memo holding only the words of `other` (another page) when it starts."""
    conf = red._confidential.find_many(texts)
    left = [t for t, c in zip(texts, conf, strict=True) if not c]
    unsure = [t for t, topic in zip(left, red._topics.topics_of_many(left), strict=True) if topic is None]
    return {
        "policy": best_and_median(n, lambda: red.policy_drop_many(texts)),
        "confidential": best_and_median(n, lambda: red._confidential.find_many(texts)),
        "lexicon": best_and_median(n, lambda: red._topics.topics_of_many(left)),
        "classifier": best_and_median(n, lambda: red._model_topics_of(unsure)),
        "classifier_cold": best_and_median(n, lambda: red._model_topics_of(unsure), forget_words),
        "classifier_other_page_seen": best_and_median(
            n, lambda: red._model_topics_of(unsure), lambda: (forget_words(), red._model_topics_of(other))
        ),
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    red = b.policy_redactor()
    pages = {"distinct": b.distinct_page(), "prose": b.prose_page()}
    texts = {name: [t for t in dict.fromkeys(lines) if t] for name, lines in pages.items()}
    for name, other in (("distinct", "prose"), ("prose", "distinct")):
        row = parts(red, texts[name], texts[other], n)
        print(name, "CPU s min (median):", {k: f"{lo:.4f} ({mid:.4f})" for k, (lo, mid) in row.items()})


if __name__ == "__main__":
    main()
