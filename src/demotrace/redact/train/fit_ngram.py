"""Train the shipped topic classifier (`model/topic_ngrams.py`) on the topic data and write
`topicgrams.npz`: hashed word pieces → one linear layer per topic, fit with Adam on
`topic_samples.topic_samples(TOPIC_SAMPLES, seed + 7)` (the data the character model's topic head is refit
on) and the written lines that train (`topic_written`: free text in eight languages, not templates),
its threshold picked on another seed's validation set and the written lines kept out: the lowest
threshold ≥ 0.5 that flags ≤ `NEG_SHARE` of the items without a topic: 1 % (0.5 % from the
nineteenth pass's glued counterfactual pairs until the written negatives joined the validation
set: text about health care that names nobody's health, the hardest of them, put the 0.5 % point
at 0.91 and recall at 78 %; docs/MODEL_CARD.md, twenty-first pass). Fixed seed, one thread: ~1 min.

    PYTHONHASHSEED=0 python -m demotrace.redact.train.fit_ngram --out DIR

(`make model` and `fit --topics-only` run it too.)
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from torch import nn
from torch.nn import functional as F

from ..model import codec
from ..model.topic_ngrams import BUCKETS, FILE, NgramTopics, features
from .generate import Sample

HERE = Path(__file__).resolve().parent.parent / "model"
EPOCHS = 5
LR = 0.05
BATCH = 64
NEG_SHARE = 0.01  # of the validation items without a topic, the most the threshold may flag


def train(data: Sequence[Sample], seed: int) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Weights (BUCKETS x topics) and biases of the mean-of-pieces linear model."""
    torch.manual_seed(seed)
    xs = [torch.tensor(features(s.text)) for s in data]
    ys = torch.tensor([[t in s.topics for t in codec.TOPICS] for s in data], dtype=torch.float32)
    emb = nn.EmbeddingBag(BUCKETS, len(codec.TOPICS), mode="mean")
    nn.init.zeros_(emb.weight)
    bias = nn.Parameter(torch.zeros(len(codec.TOPICS)))
    opt = torch.optim.Adam([emb.weight, bias], lr=LR)
    order, rng = list(range(len(xs))), random.Random(seed)
    for ep in range(EPOCHS):
        rng.shuffle(order)
        total = 0.0
        for b in range(0, len(order), BATCH):
            idx = order[b : b + BATCH]
            offsets = torch.tensor([0] + [len(xs[i]) for i in idx[:-1]]).cumsum(0)
            logits = emb(torch.cat([xs[i] for i in idx]), offsets) + bias
            loss = F.binary_cross_entropy_with_logits(logits, ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"topic n-grams epoch {ep}: loss {total / max(len(order) / BATCH, 1):.4f}", flush=True)
    return emb.weight.detach().numpy().astype(np.float32), bias.detach().numpy().astype(np.float32)


def tune(model: NgramTopics, val: Sequence[Sample]) -> float:
    neg = sorted((max(model.topics(s.text).values()) for s in val if not s.topics), reverse=True)
    t = round(max(0.5, neg[int(len(neg) * NEG_SHARE)] + 1e-3), 4) if neg else 0.5
    pos = [model.topics(s.text)["health"] for s in val if "health" in s.topics]
    print(
        f"topic n-grams threshold {t}: health lines caught {sum(p >= t for p in pos)}/{len(pos)}, "
        f"items without a topic flagged {sum(n >= t for n in neg)}/{len(neg)}"
    )
    return t


def fit_and_write(out: Path, seed: int, samples: int) -> Path:
    from . import topic_written
    from .topic_samples import topic_samples

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the same sums in `make model` and run alone
    try:
        weights, bias = train(topic_samples(samples, seed + 7) + topic_written.training(seed + 7), seed + 7)
    finally:
        torch.set_num_threads(threads)
    model = NgramTopics(weights, bias, list(codec.TOPICS), 0.5)
    written = topic_written.validation()
    model.threshold = tune(model, topic_samples(1500, seed + 1007) + written)
    pos = [model.topics(s.text)["health"] >= model.threshold for s in written if "health" in s.topics]
    neg = [max(model.topics(s.text).values()) >= model.threshold for s in written if not s.topics]
    print(
        f"written lines kept out: health caught {sum(pos)}/{len(pos)}, "
        f"without a topic flagged {sum(neg)}/{len(neg)}"
    )
    path = out / FILE
    np.savez_compressed(
        path,
        weights=weights.astype(np.float16),
        bias=bias,
        topics=np.array(codec.TOPICS),
        threshold=np.float32(model.threshold),
    )
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return path


def main() -> None:
    from .fit import TOPIC_SAMPLES

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--samples", type=int, default=TOPIC_SAMPLES)
    ap.add_argument("--out", type=Path, default=HERE)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    fit_and_write(a.out, a.seed, a.samples)


if __name__ == "__main__":
    main()
