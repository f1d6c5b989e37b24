"""The int8 tagger (`charmodel_tags.int8.onnx`, redact/train/quantize.py) against the fp32 one:
shipped fresh, used by default with ONNX Runtime, close to fp32 on the held-out texts (the
held-out figures themselves: tests/redact/test_model.py, which runs on it), and a stale or missing
file falls back to fp32 rather than to something wrong."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from demotrace.redact.model import CharModel, ModelError
from demotrace.redact.model import tagger as tagger_mod
from demotrace.redact.model.tagger import ModelSpan

HELDOUT = Path(__file__).parent / "data" / "heldout"


def _texts() -> list[str]:
    texts: list[str] = []
    for name in ("chat", "forms", "letters", "code", "titles"):
        items = json.loads((HELDOUT / f"{name}.json").read_text(encoding="utf-8"))
        texts += [str(s.get("full_text", s.get("text"))) for s in items]
    return texts


def _chars(spans: list[list[ModelSpan]]) -> set[tuple[int, int]]:
    return {(k, i) for k, found in enumerate(spans) for s in found for i in range(s.start, s.end)}


def test_the_shipped_int8_tagger_is_fresh_and_the_default() -> None:
    assert (tagger_mod.HERE / tagger_mod.INT8_NAME).exists(), "run python -m demotrace.redact.train.quantize"
    model = CharModel.load(runtime="onnxruntime")
    assert model.precision == "int8" and model.batched
    assert CharModel.load(runtime="onnxruntime", precision="fp32").precision == "fp32"
    assert CharModel.load(runtime="numpy").precision == "fp32"  # numpy has no int8 path


def test_int8_spans_are_close_to_fp32() -> None:
    """Measured: 99.0 % of the flagged characters shared (Jaccard), 814 of 842 texts with identical
    spans, probabilities within 0.12."""
    texts = _texts()
    q = CharModel.load(runtime="onnxruntime", precision="int8")
    f = CharModel.load(runtime="onnxruntime", precision="fp32")
    sq, sf = q.spans_many(texts), f.spans_many(texts)
    cq, cf = _chars(sq), _chars(sf)
    assert len(cf) > 10_000  # there is something to agree on
    assert len(cq & cf) / len(cq | cf) >= 0.97
    same = sum(
        [(s.kind, s.start, s.end) for s in a] == [(s.kind, s.start, s.end) for s in b]
        for a, b in zip(sq, sf, strict=True)
    )
    assert same / len(texts) >= 0.93
    worst = max(float(np.abs(q.probabilities(t)[0] - f.probabilities(t)[0]).max()) for t in texts[::5])
    assert 0 < worst < 0.3, worst  # > 0: it is another graph, not the fp32 one loaded twice


def test_env_chooses_the_precision(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMOTRACE_MODEL_PRECISION", "fp32")
    monkeypatch.delenv("DEMOTRACE_MODEL_RUNTIME", raising=False)
    assert CharModel.load(runtime="onnxruntime").precision == "fp32"
    monkeypatch.setenv("DEMOTRACE_MODEL_PRECISION", "int4")
    with pytest.raises(ModelError, match="unknown model precision"):
        CharModel.load(runtime="onnxruntime")


def test_a_stale_int8_tagger_falls_back_to_fp32(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    for name in ("charmodel.onnx", "charmodel.json", tagger_mod.DERIVED_NAME):
        shutil.copy(tagger_mod.HERE / name, tmp_path / name)
    missing = CharModel.load(tmp_path, runtime="onnxruntime")
    assert missing.precision == "fp32" and missing.batched
    (tmp_path / tagger_mod.INT8_NAME).write_bytes((tagger_mod.HERE / tagger_mod.INT8_NAME).read_bytes())
    assert CharModel.load(tmp_path, runtime="onnxruntime").precision == "int8"
    # "retrained": the same graph with another doc_string (ModelProto field 6, appended), another SHA-256
    (tmp_path / "charmodel.onnx").write_bytes((tmp_path / "charmodel.onnx").read_bytes() + b"\x32\x01x")
    with caplog.at_level(logging.WARNING, logger="demotrace.redact"):
        stale = CharModel.load(tmp_path, runtime="onnxruntime")
    assert stale.precision == "fp32" and not stale.batched  # both derived files stale: full graph
    assert tagger_mod.INT8_NAME in caplog.text
    text = "Please ask Johanna Lindqvist about the invoice."
    assert [s.kind for s in stale.spans(text)] == ["PERSON"]


def test_the_folded_int8_graph_computes_what_the_quantised_one_does(tmp_path: Path) -> None:
    """train/fold.py's rewrites (one lookup per (char id, shape) pair, the label head as a MatMul,
    the first convolution as four lookups) keep every output bit for bit, on rows of several
    widths. The first convolution's lookups are exact at every width, one character included;
    the MatMul head sums in another order than the convolution it replaced, which on rows of one
    character (another kernel path in ONNX Runtime) moves a probability by one float32 step."""
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("faker")  # the calibration text's generator
    import onnxruntime as ort

    from demotrace.redact.model import codec
    from demotrace.redact.train import fold, quantize

    plain = quantize.quantize(out=tmp_path / "plain.onnx", samples=40, folded=False)
    two = fold.tags_as_matmul(fold.fold_embeddings(onnx.load(str(plain))))
    onnx.save(two, str(tmp_path / "two.onnx"))
    onnx.save(fold.first_conv_as_lookups(two), str(tmp_path / "folded.onnx"))
    a, h, b = (
        ort.InferenceSession(str(tmp_path / f), providers=["CPUExecutionProvider"])
        for f in ("plain.onnx", "two.onnx", "folded.onnx")
    )
    assert {i.name for i in a.get_inputs()} == {"ids", "shapes"}
    assert {i.name for i in b.get_inputs()} == {"pairs"}
    ops = [n.op_type for n in onnx.load(str(tmp_path / "folded.onnx")).graph.node]
    assert "Concat" not in ops and "MatMul" in ops and ops.count("Conv") == 5, ops
    # nothing left for ONNX Runtime to fold at load but the weights' dequantisation: a folded
    # table of every pair cost each process ~12 MB resident (the tables are in the file, 1.3 MB)
    graph = onnx.load(str(tmp_path / "folded.onnx")).graph
    consts = {t.name for t in graph.initializer}
    foldable = [n.op_type for n in graph.node if n.op_type != "DequantizeLinear" and set(n.input) <= consts]
    assert not foldable, foldable
    assert "MatMulInteger" not in ops and ops.count("Gather") == 4, ops
    texts = _texts()
    for width in (1, 2, 7, 60, 300):
        rows = [t[:width].ljust(width, "·") for t in texts[:64] if len(t) >= 1]
        ids, shapes = (np.stack(x) for x in zip(*(codec.encode(t) for t in rows), strict=True))
        pairs = (ids * codec.SHAPES + shapes).astype(np.int32)
        want = a.run(["tags"], {"ids": ids, "shapes": shapes})[0]
        before, got = h.run(["tags"], {"pairs": pairs})[0], b.run(["tags"], {"pairs": pairs})[0]
        assert np.array_equal(before, got), (width, float(np.abs(before - got).max()))
        if width > 1:
            assert want.shape == got.shape and np.array_equal(want, got), float(np.abs(want - got).max())
        else:
            np.testing.assert_allclose(got, want, rtol=0, atol=2.5e-7)


@pytest.mark.parametrize(
    "text", ["", "Anna Smith, 12 Main St.", "東京都 山田 😀 Ωmega\n\tÉtienne", "x" * 50 + "\U0010ffff"]
)
def test_pairs_encode_what_ids_and_shapes_do(text: str) -> None:
    from demotrace.redact.model import codec

    ids, shapes = codec.encode(text)
    pairs = codec.encode_pairs(text)
    assert pairs.dtype == np.int32 and len(pairs) == len(text)
    assert np.array_equal(pairs, ids * codec.SHAPES + shapes)
