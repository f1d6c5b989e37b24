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

Spans with ONNX Runtime run on the int8 tagger (`charmodel_tags.int8.onnx`, `train/quantize.py`:
~3x faster on page text, the held-out figures within 0.005; its probabilities differ from fp32 by
up to ~0.2, so a few characters near a threshold flip). `precision="fp32"` (or
`DEMOTRACE_MODEL_PRECISION=fp32`) runs the fp32 tagger instead, whose outputs are numpy's; numpy
itself is always fp32. Texts are tagged in batches of pieces of one width, never padded, so the
int8 tagger has no padding mask; it reads one (char id, shape) pair per character
(`codec.encode_pairs`). Spans come from the probabilities through `decoder.decode`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from . import codec
from .decoder import ModelSpan as ModelSpan
from .decoder import decode as decode
from .forward import DILATIONS, CharNet
from .weights import read_initialisers

HERE = Path(__file__).resolve().parent
WINDOW = 1024
OVERLAP = 64  # > receptive field (±32)
TAG_WINDOW = 4096  # characters kept per piece of a long text's spans (+ OVERLAP each side)
TOPIC_WINDOW = 320
BATCH = 16  # topic windows per ONNX call (bounds memory on page-sized text)
BATCH_CHARS = 4096  # characters per call of the tagger (int8: ~3 % faster than 16384, ~18 % than 32768)
BATCH_ROWS = 256  # pieces per call of the tagger
DERIVED_NAME = "charmodel_tags.onnx"  # the tagger alone, padding masked (`derive.py`)
INT8_NAME = "charmodel_tags.int8.onnx"  # the tagger in int8, no mask, folded (`train/quantize.py`)
PRECISIONS = ("int8", "fp32")
JOIN = "\n\n\n"  # between texts decoded together (`spans_many`)
_READABLE = re.compile(r"[^\W_]")  # a letter or a digit of any script
log = logging.getLogger("demotrace.redact")
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


class CharModel:
    _shared: CharModel | None = None
    _lock = threading.Lock()

    def __init__(
        self, onnx_path: Path, meta: dict[str, object], runtime: str = "onnxruntime", precision: str = "int8"
    ) -> None:
        if precision not in PRECISIONS:
            raise ModelError(f"unknown model precision {precision!r} (one of {', '.join(PRECISIONS)})")
        self._path = onnx_path
        self.runtime = runtime
        self.asked = precision
        self.precision = "fp32"  # what spans run in: int8 only when its tagger is loaded
        self._net: CharNet | None = None
        self._session: Any = None  # the full graph (tags and topics) in ONNX Runtime
        self._tagger: Any = None  # the derived tags-only graph, padding masked
        if runtime == "numpy":
            try:
                dilations = tuple(int(d) for d in meta.get("dilations", DILATIONS))  # type: ignore[attr-defined]
                self._net = CharNet(read_initialisers(onnx_path.read_bytes()), dilations)
            except (OSError, ValueError) as e:
                raise ModelError(f"cannot load the redaction model {onnx_path}: {e}") from e
        elif runtime == "onnxruntime":
            self._session = self._open(onnx_path)
            self._tagger = self._session
            source = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
            names = (INT8_NAME, DERIVED_NAME) if precision == "int8" else (DERIVED_NAME,)
            for name in names:  # the first fresh one; a stale or missing one: right, only slower
                derived = onnx_path.with_name(name)
                if not derived.exists():
                    continue
                tagger = self._open(derived)
                if tagger.get_modelmeta().custom_metadata_map.get("source_sha256") == source:
                    self._tagger = tagger
                    self.precision = "int8" if name == INT8_NAME else "fp32"
                    break
                log.warning("%s is stale (make model, or model.derive and train.quantize)", derived)
        else:
            raise ModelError(f"unknown model runtime {runtime!r} (one of {', '.join(RUNTIMES)})")
        self.labels = tuple(str(x) for x in meta["labels"])  # type: ignore[attr-defined]
        self.topic_names = tuple(str(x) for x in meta["topics"])  # type: ignore[attr-defined]
        thresholds = meta.get("thresholds") or {}
        self.thresholds = {k: float(v) for k, v in thresholds.items()}  # type: ignore[attr-defined]
        self.default_threshold = float(meta.get("threshold", 0.5))  # type: ignore[arg-type]
        self.topic_threshold = float(meta.get("topic_threshold", 0.5))  # type: ignore[arg-type]
        limits = [self.thresholds.get(lab, self.default_threshold) for lab in self.labels]
        self._limits = np.array(limits, dtype=np.float32)
        inputs = {i.name for i in self._tagger.get_inputs()} if self._tagger is not None else set()
        self._takes_mask = "mask" in inputs  # the fp32 taggers (ones: rows are never padded)
        self._takes_pairs = "pairs" in inputs

    @property
    def batched(self) -> bool:
        """Whether spans run on the derived, padding-masked tagger (exact in batches)."""
        return self._tagger is not None and self._tagger is not self._session

    @staticmethod
    def _open(path: Path) -> Any:
        try:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            # no arena and no memory pattern: buffers are malloc'd per run and freed after it,
            # instead of an arena that keeps the largest run's size for the process' life
            # (-12 MB RSS in the recorder, same outputs)
            opts.enable_cpu_mem_arena = False
            opts.enable_mem_pattern = False
            return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own types
            raise ModelError(f"cannot load the redaction model {path}: {e}") from e

    @classmethod
    def load(cls, folder: Path = HERE, runtime: str | None = None, precision: str | None = None) -> CharModel:
        """The process-wide model (loaded on first use, then shared by every thread); another
        folder, runtime or precision than the default gives a model of its own."""
        default = os.environ.get("DEMOTRACE_MODEL_RUNTIME") or _default_runtime
        runtime = runtime or default
        usual = os.environ.get("DEMOTRACE_MODEL_PRECISION") or "int8"
        precision = precision or usual
        own = folder != HERE or runtime != default or precision != usual
        with cls._lock:
            shared = cls._shared
            if shared is None or shared.runtime != runtime or shared.asked != precision or own:
                try:
                    meta = json.loads((folder / "charmodel.json").read_text())
                except (OSError, ValueError) as e:
                    raise ModelError(f"cannot read {folder / 'charmodel.json'}: {e}") from e
                model = cls(folder / "charmodel.onnx", meta, runtime, precision)
                if own:
                    return model
                cls._shared = shared = model
            return shared

    def probabilities(self, text: str) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """(per-character label probabilities [len, labels], topic probabilities [topics]); the
        label probabilities from the tagger that `spans` uses."""
        if len(text) <= WINDOW + 2 * OVERLAP and self.precision == "fp32":
            tags, topics = self._run([text])
            return tags[0, : len(text)], topics[0]
        return self._tags_many([text])[0], self._topics(text)

    def _tags_many(self, texts: Sequence[str]) -> list[npt.NDArray[np.float32]]:
        """Per-character label probabilities of each text (`_tag_joined`, cut back per text)."""
        joined, starts = _join(texts)
        probs = self._tag_joined(joined, starts, [len(t) for t in texts])
        return [probs[a : a + len(t)] for a, t in zip(starts, texts, strict=True)]

    def _tag_joined(
        self, joined: str, starts: Sequence[int], lengths: Sequence[int]
    ) -> npt.NDArray[np.float32]:
        """Label probabilities of `joined` (texts at `starts`, `lengths` long, joined by `JOIN`),
        each text judged alone; characters outside the texts are "O" with probability 1.

        The joined text is encoded once; a text longer than `TAG_WINDOW + 2 * OVERLAP` is cut
        into windows of `TAG_WINDOW` characters with `OVERLAP` of context on each side (> the
        receptive field: every character sees what it sees in the whole text). The pieces, sorted
        by width, are gathered into one packed array, and run in batches of one width (never
        padded, so no tagger needs a mask), at most `BATCH_CHARS` characters or `BATCH_ROWS`
        pieces per call (one piece per call on the numpy runtime); each batch is a view of the
        packed array, its outputs land in one packed output, scattered back once."""
        probs = np.zeros((len(joined), len(self.labels)), dtype=np.float32)
        probs[:, 0] = 1.0
        if not lengths:
            return probs
        columns: dict[str, npt.NDArray[Any]]
        if self._takes_pairs:  # the int8 tagger reads one lookup per (char id, shape) pair
            columns = {"pairs": codec.encode_pairs(joined)}
        else:
            ids, shapes = codec.encode(joined)
            columns = {"ids": ids, "shapes": shapes}
        if len(lengths) == 1 and lengths[0] == len(joined) <= TAG_WINDOW + 2 * OVERLAP:  # one piece
            one: npt.NDArray[np.float32] = self._run_pieces({k: v[None] for k, v in columns.items()})[0]
            return one
        src, width, off, keep = _pieces(starts, lengths)
        order = np.argsort(-width, kind="stable")
        src, width, off, keep = src[order], width[order], off[order], keep[order]
        first = np.cumsum(width) - width  # where each piece starts in the packed arrays
        total = int(first[-1] + width[-1])
        pos = np.arange(total) - np.repeat(first, width)  # position in its piece
        at = np.repeat(src, width) + pos  # in the joined text, of each packed character
        packed = {k: v[at] for k, v in columns.items()}
        out = np.empty((total, len(self.labels)), dtype=np.float32)
        bounds = [0, *(np.flatnonzero(np.diff(width)) + 1).tolist(), len(width)]
        for p0, p1 in itertools.pairwise(bounds):  # pieces of one width
            w = int(width[p0])
            n = 1 if self._net is not None else max(1, min(BATCH_ROWS, BATCH_CHARS // w))
            for q in range(p0, p1, n):
                r = min(n, p1 - q)
                a = int(first[q])
                feed = {k: v[a : a + r * w].reshape(r, w) for k, v in packed.items()}
                out[a : a + r * w] = self._run_pieces(feed).reshape(r * w, -1)
        if bool((off == 0).all() and (keep == width).all()):  # no windows: every character kept
            probs[at] = out
        else:
            kept = (pos >= np.repeat(off, width)) & (pos < np.repeat(off + keep, width))
            probs[at[kept]] = out[kept]
        return probs

    def _run_pieces(self, feed: dict[str, npt.NDArray[Any]]) -> npt.NDArray[np.float32]:
        """Label probabilities [rows, width, labels] of encoded pieces of one width (`feed`: the
        tagger's inputs but the mask: all ones, as nothing is padded)."""
        shape = next(iter(feed.values())).shape
        if self._net is not None:
            return self._net.run(feed["ids"], feed["shapes"], np.ones(shape, np.float32))[0]
        if self._takes_mask:
            feed["mask"] = np.ones(shape, np.float32)
        tags = self._tagger.run(["tags"], feed)[0]
        return np.asarray(tags, dtype=np.float32).reshape(*shape, -1)

    def _topics(self, text: str) -> npt.NDArray[np.float32]:
        if len(text) <= WINDOW + 2 * OVERLAP:
            topics: npt.NDArray[np.float32] = self._run([text])[1][0]
            return topics
        pieces = [text[i : i + TOPIC_WINDOW] for i in range(0, len(text), TOPIC_WINDOW)]
        per_window = [self._run(pieces[i : i + BATCH])[1] for i in range(0, len(pieces), BATCH)]
        return np.asarray(np.concatenate(per_window).max(axis=0), dtype=np.float32)

    @staticmethod
    def _feed(texts: Sequence[str]) -> dict[str, npt.NDArray[Any]]:
        width = max(len(t) for t in texts)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        shapes = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.float32)
        for j, t in enumerate(texts):
            i, s = codec.encode(t)
            ids[j, : len(t)], shapes[j, : len(t)], mask[j, : len(t)] = i, s, 1.0
        return {"ids": ids, "shapes": shapes, "mask": mask}

    def _run(self, texts: Sequence[str]) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        feed = self._feed(texts)
        if self._net is not None:
            return self._net.run(feed["ids"], feed["shapes"], feed["mask"])
        tags, topics = self._session.run(None, feed)
        return np.asarray(tags, dtype=np.float32), np.asarray(topics, dtype=np.float32)

    def spans(self, text: str) -> list[ModelSpan]:
        return self.spans_many([text])[0]

    def spans_many(self, texts: Sequence[str]) -> list[list[ModelSpan]]:
        """`[spans(t) for t in texts]`, with the model run in batches across the texts. A text
        without a letter or a digit has no span (the model is not run on it)."""
        out: list[list[ModelSpan]] = [[] for _ in texts]
        todo = [k for k, t in enumerate(texts) if _READABLE.search(t)]
        if not todo:
            return out
        # one decode over the texts joined by JOIN (never flagged, no word or token crosses it, and
        # spans more than 2 characters apart never merge): the decoder's numpy calls once, not per
        # text, which on a page's short lines cost more than the tagger
        joined, starts = _join([texts[k] for k in todo])
        probs = self._tag_joined(joined, starts, [len(texts[k]) for k in todo])
        found = decode(joined, probs, self.labels, self.thresholds, self.default_threshold, self._limits)
        owners = np.searchsorted(starts, [sp.start for sp in found], side="right") - 1
        for sp, n in zip(found, owners.tolist(), strict=True):
            off = starts[n]
            out[todo[n]].append(ModelSpan(sp.kind, sp.start - off, sp.end - off, sp.score))
        return out

    def topics(self, text: str) -> dict[str, float]:
        if not text.strip():
            return {}
        topics = self._topics(text)
        return {name: float(p) for name, p in zip(self.topic_names, topics, strict=True)}


def _join(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The texts joined by `JOIN`, and where each starts."""
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + len(JOIN)
    return JOIN.join(texts), starts


def _pieces(starts: Sequence[int], lengths: Sequence[int]) -> tuple[npt.NDArray[np.intp], ...]:
    """The pieces the tagger runs on, as arrays: (where each starts in the joined text, its width,
    the offset of its kept characters in it, how many are kept). A text up to
    `TAG_WINDOW + 2 * OVERLAP` characters is one piece; a longer one is cut into windows."""
    st, ln = np.asarray(starts, dtype=np.intp), np.asarray(lengths, dtype=np.intp)
    whole = ln <= TAG_WINDOW + 2 * OVERLAP
    src, width = [st[whole]], [ln[whole]]
    off, keep = [np.zeros(int(whole.sum()), dtype=np.intp)], [ln[whole]]
    for a, n in zip(st[~whole].tolist(), ln[~whole].tolist(), strict=True):
        s = np.arange(0, n, TAG_WINDOW)
        lo, hi = np.maximum(0, s - OVERLAP), np.minimum(n, s + TAG_WINDOW + OVERLAP)
        src.append(a + lo)
        width.append(hi - lo)
        off.append(s - lo)
        keep.append(np.minimum(TAG_WINDOW, n - s))
    return tuple(np.concatenate(x) for x in (src, width, off, keep))
