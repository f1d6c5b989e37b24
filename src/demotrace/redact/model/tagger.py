"""The shipped character model, run with numpy (or ONNX Runtime on one CPU thread).

`CharModel.load()` reads `charmodel.onnx` and `charmodel.json` (labels, thresholds) from this
package once per process; `spans(text)` gives private spans on the text's own offsets,
`topics(text)` the probability of each sensitive topic. Long texts are cut into windows that
overlap by more than the receptive field, so every character is judged with its full context.
Nothing downloads: a missing or unreadable model raises `ModelError` at load (the redactor then
cannot be built, rather than running without it).

Two runtimes, the same outputs to float32 rounding (tests/redact/test_model_runtime.py):
ONNX Runtime (the default: ~1.6x faster on page text, ~3x on a typed segment) and
`forward.CharNet`, the same graph in numpy, which the recorder uses (`set_default_runtime`) so
that it never loads ONNX Runtime's library (~21 MB resident; docs/BENCHMARKS.md, "Recorder
memory"). `DEMOTRACE_MODEL_RUNTIME=numpy|onnxruntime` overrides the default of any process.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from . import codec
from .forward import CharNet
from .weights import read_initialisers

HERE = Path(__file__).resolve().parent
WINDOW = 1024
OVERLAP = 64  # > receptive field (±32)
TOPIC_WINDOW = 320
WIDEN = 0.3  # a neighbour joins a span when its private probability is ≥ 0.3 x the threshold
HALF = 0.5  # a name/address/id word is kept whole when half its characters pass, else dropped
BATCH = 16  # windows per forward pass (bounds memory on page-sized text)
RUNTIMES = ("numpy", "onnxruntime")
_default_runtime = "onnxruntime"


def set_default_runtime(runtime: str) -> None:
    """The runtime `CharModel.load()` uses in this process unless DEMOTRACE_MODEL_RUNTIME says
    otherwise; call before the first load (the recorder: "numpy")."""
    global _default_runtime
    if runtime not in RUNTIMES:
        raise ModelError(f"unknown model runtime {runtime!r} (one of {', '.join(RUNTIMES)})")
    _default_runtime = runtime


class ModelError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class ModelSpan:
    kind: str
    start: int
    end: int
    score: float


_WORD_KINDS = frozenset({"PERSON", "STREET_ADDRESS", "ACCOUNT_ID"})
_TOKEN_STOP = frozenset(" \t\n\r\"'`<>()[]{},;|")
_VALUE_STOP = frozenset("=:@/?&.")


class CharModel:
    _shared: CharModel | None = None
    _lock = threading.Lock()

    def __init__(self, onnx_path: Path, meta: dict[str, object], runtime: str = "onnxruntime") -> None:
        self.runtime = runtime
        self._net: CharNet | None = None
        self._session: object = None
        if runtime == "numpy":
            try:
                self._net = CharNet(read_initialisers(onnx_path.read_bytes()))
            except (OSError, ValueError) as e:
                raise ModelError(f"cannot load the redaction model {onnx_path}: {e}") from e
        elif runtime == "onnxruntime":
            self._session = _ort_session(onnx_path)
        else:
            raise ModelError(f"unknown model runtime {runtime!r} (one of {', '.join(RUNTIMES)})")
        self.labels = tuple(str(x) for x in meta["labels"])  # type: ignore[attr-defined]
        self.topic_names = tuple(str(x) for x in meta["topics"])  # type: ignore[attr-defined]
        thresholds = meta.get("thresholds") or {}
        self.thresholds = {k: float(v) for k, v in thresholds.items()}  # type: ignore[attr-defined]
        self.default_threshold = float(meta.get("threshold", 0.5))  # type: ignore[arg-type]
        self.topic_threshold = float(meta.get("topic_threshold", 0.5))  # type: ignore[arg-type]

    @classmethod
    def load(cls, folder: Path = HERE, runtime: str | None = None) -> CharModel:
        """The process-wide model (loaded on first use, then shared by every thread); another
        folder or runtime than the default gives a model of its own."""
        default = os.environ.get("DEMOTRACE_MODEL_RUNTIME") or _default_runtime
        runtime = runtime or default
        own = folder != HERE or runtime != default
        with cls._lock:
            if cls._shared is None or cls._shared.runtime != runtime or own:
                try:
                    meta = json.loads((folder / "charmodel.json").read_text())
                except (OSError, ValueError) as e:
                    raise ModelError(f"cannot read {folder / 'charmodel.json'}: {e}") from e
                model = cls(folder / "charmodel.onnx", meta, runtime)
                if own:
                    return model
                cls._shared = model
            return cls._shared

    def probabilities(self, text: str) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """(per-character label probabilities [len, labels], topic probabilities [topics])."""
        if len(text) <= WINDOW + 2 * OVERLAP:
            tags, topics = self._run([text])
            return tags[0, : len(text)], topics[0]
        return self._tags(text), self._topics(text)

    def _tags(self, text: str) -> npt.NDArray[np.float32]:
        n = len(text)
        if n <= WINDOW + 2 * OVERLAP:
            return self._run([text])[0][0, :n]
        out = np.zeros((n, len(self.labels)), dtype=np.float32)
        starts = list(range(0, n, WINDOW))
        for b in range(0, len(starts), BATCH):
            group = starts[b : b + BATCH]
            tags, _ = self._run([text[max(0, s - OVERLAP) : s + WINDOW + OVERLAP] for s in group])
            for s, t in zip(group, tags, strict=True):
                off = s - max(0, s - OVERLAP)
                keep = min(WINDOW, n - s)
                out[s : s + keep] = t[off : off + keep]
        return out

    def _topics(self, text: str) -> npt.NDArray[np.float32]:
        if len(text) <= WINDOW + 2 * OVERLAP:
            topics: npt.NDArray[np.float32] = self._run([text])[1][0]
            return topics
        pieces = [text[i : i + TOPIC_WINDOW] for i in range(0, len(text), TOPIC_WINDOW)]
        per_window = [self._run(pieces[i : i + BATCH])[1] for i in range(0, len(pieces), BATCH)]
        return np.asarray(np.concatenate(per_window).max(axis=0), dtype=np.float32)

    def _run(self, texts: Sequence[str]) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        width = max(len(t) for t in texts)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        shapes = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.float32)
        for j, t in enumerate(texts):
            i, s = codec.encode(t)
            ids[j, : len(t)], shapes[j, : len(t)], mask[j, : len(t)] = i, s, 1.0
        if self._net is not None:
            return self._net.run(ids, shapes, mask)
        tags, topics = self._session.run(None, {"ids": ids, "shapes": shapes, "mask": mask})  # type: ignore[attr-defined]
        return np.asarray(tags, dtype=np.float32), np.asarray(topics, dtype=np.float32)

    def spans(self, text: str) -> list[ModelSpan]:
        if not text.strip():
            return []
        probs = self._tags(text)
        return decode(text, probs, self.labels, self.thresholds, self.default_threshold)

    def topics(self, text: str) -> dict[str, float]:
        if not text.strip():
            return {}
        topics = self._topics(text)
        return {name: float(p) for name, p in zip(self.topic_names, topics, strict=True)}


def _ort_session(onnx_path: Path) -> object:
    """The model file in ONNX Runtime, one thread."""
    try:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        # no arena and no memory pattern: buffers are malloc'd per run and freed after it,
        # instead of an arena that keeps the largest run's size for the process' life
        opts.enable_cpu_mem_arena = False
        opts.enable_mem_pattern = False
        return ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own types
        raise ModelError(f"cannot load the redaction model {onnx_path}: {e}") from e


def decode(
    text: str,
    probs: npt.NDArray[np.float32],
    labels: Sequence[str],
    thresholds: dict[str, float],
    default: float,
) -> list[ModelSpan]:
    """Characters whose private probability passes their kind's threshold, grouped into spans,
    widened to whole words (names, addresses, ids) or whole tokens (secrets, usernames)."""
    private = 1.0 - probs[:, 0]
    best = probs[:, 1:].argmax(axis=1) + 1
    limit = np.array([thresholds.get(labels[k], default) for k in best], dtype=np.float32)
    flagged = private >= limit
    out: list[ModelSpan] = []
    i, n = 0, len(text)
    while i < n:
        if not flagged[i] or text[i].isspace():
            i += 1
            continue
        j = i
        while j < n and (flagged[j] or (text[j] in " -'" and j + 1 < n and flagged[j + 1])):
            j += 1
        kind_id = int(np.bincount(best[i:j], weights=private[i:j]).argmax())
        kind = labels[kind_id]
        if kind in _WORD_KINDS:
            s, e = _whole_words(text, i, j)
            if flagged[s:e].sum() < HALF * (e - s):
                i = j
                continue
        else:
            s, e = _widen(text, i, j, private >= limit[i:j].min() * WIDEN)
            ts, te = _token(text, s, e)
            if flagged[ts:te].sum() < HALF * (te - ts):
                i = j
                continue
        score = float(private[i:j].mean())
        if out and out[-1].kind == kind and s <= out[-1].end + 2:
            last = out.pop()
            s, score = last.start, max(score, last.score)
        out.append(ModelSpan(kind, s, e, score))
        i = j
    return [sp for sp in out if sp.end - sp.start >= 2]


def _whole_words(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) grown to whole words (letters and digits; an ideograph is a word of its own)."""

    def inside(c: str) -> bool:
        return c.isalnum() and ord(c) < 0x2E80

    while s > 0 and inside(text[s - 1]) and inside(text[s]):
        s -= 1
    while e < len(text) and inside(text[e]) and inside(text[e - 1]):
        e += 1
    return s, e


def _token(text: str, s: int, e: int) -> tuple[int, int]:
    """The piece of the token around [s, e), between separators that split keys from values."""
    stops = _TOKEN_STOP | _VALUE_STOP
    while s > 0 and text[s - 1] not in stops:
        s -= 1
    while e < len(text) and text[e] not in stops:
        e += 1
    return s, e


def _widen(text: str, s: int, e: int, likely: npt.NDArray[np.bool_]) -> tuple[int, int]:
    """Grow a token span over neighbours that the model finds at least somewhat likely, then
    trim separators off the ends."""

    def inside(c: str) -> bool:
        return c not in _TOKEN_STOP

    while s > 0 and likely[s - 1] and inside(text[s - 1]) and inside(text[s]):
        s -= 1
    while e < len(text) and likely[e] and inside(text[e]) and inside(text[e - 1]):
        e += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in "!#$%&*+=?@^_~/":
        e -= 1
    while s < e and text[s] in " \t\n\r,;:'\"(":
        s += 1
    return s, e
