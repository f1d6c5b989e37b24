"""The numpy forward pass (redact/model/forward.py) against ONNX Runtime on the shipped model:
same probabilities to float32 rounding, same spans and topic decisions, on the held-out texts of
six languages, on random text in many scripts and on page-sized text (windowed, batched)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from demotrace.redact.model import CharModel, ModelError
from demotrace.redact.model import tagger as tagger_mod
from demotrace.redact.model.weights import read_initialisers

HELDOUT = Path(__file__).parent / "data" / "heldout"
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789@.-_/:=#+'\"\néßüжлλσ中文한글ا\t"


def _texts() -> list[str]:
    texts: list[str] = []
    for name in ("chat", "forms", "letters", "code", "titles", "topics"):
        items = json.loads((HELDOUT / f"{name}.json").read_text(encoding="utf-8"))
        texts += [str(s.get("full_text", s.get("text"))) for s in items]
    rng = random.Random(7)
    texts = rng.sample(texts, 300)
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 400))) for _ in range(60)]
    texts += [" ".join(rng.sample(texts[:300], 40))]  # page-sized: several windows, one batch
    return texts


@pytest.fixture(scope="module")
def runtimes() -> tuple[CharModel, CharModel]:
    # ONNX Runtime in fp32: the int8 tagger's own agreement is tests/redact/test_model_int8.py
    return CharModel.load(runtime="numpy"), CharModel.load(runtime="onnxruntime", precision="fp32")


def test_numpy_and_onnxruntime_give_the_same_outputs(runtimes: tuple[CharModel, CharModel]) -> None:
    ours, ort = runtimes
    texts = _texts()
    assert any(len(t) > tagger_mod.WINDOW + 2 * tagger_mod.OVERLAP for t in texts)
    worst = 0.0
    spans = 0
    for t in texts:
        (tags_a, topics_a), (tags_b, topics_b) = ours.probabilities(t), ort.probabilities(t)
        assert tags_a.shape == tags_b.shape and topics_a.shape == topics_b.shape
        worst = max(worst, float(np.abs(tags_a - tags_b).max()), float(np.abs(topics_a - topics_b).max()))
        found, theirs = ours.spans(t), ort.spans(t)
        assert [(s.kind, s.start, s.end) for s in found] == [(s.kind, s.start, s.end) for s in theirs], t
        assert all(abs(a.score - b.score) < 1e-4 for a, b in zip(found, theirs, strict=True)), t
        spans += len(found)
        top_a, top_b = ours.topics(t), ort.topics(t)
        assert {k for k, p in top_a.items() if p >= ours.topic_threshold} == {
            k for k, p in top_b.items() if p >= ort.topic_threshold
        }, t
    assert worst < 1e-4, worst
    assert spans > 100  # the texts do hold private spans: the comparison is not of empty lists


def test_weights_come_from_the_shipped_file() -> None:
    w = read_initialisers((tagger_mod.HERE / "charmodel.onnx").read_bytes())
    assert w["net.chars.weight"].shape == (3328, 48) and w["net.chars.weight"].dtype == np.float32
    dilations = json.loads((tagger_mod.HERE / "charmodel.json").read_text()).get(
        "dilations", [1, 2, 4, 8, 16]
    )
    last = w[f"net.blocks.{len(dilations) - 1}.weight"]  # the graph charmodel.json describes
    assert last.shape[2] == 3 and float(np.abs(last).sum()) > 0
    assert f"net.blocks.{len(dilations)}.weight" not in w


def test_a_model_of_another_graph_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "charmodel.json").write_text('{"labels": ["O"], "topics": []}')
    (tmp_path / "charmodel.onnx").write_bytes((tagger_mod.HERE / "charmodel.onnx").read_bytes()[:5000])
    with pytest.raises(ModelError):
        CharModel.load(tmp_path)
    with pytest.raises(ModelError, match="unknown model runtime"):
        CharModel.load(runtime="tensorflow")


def test_the_recorders_redactor_does_not_load_onnxruntime() -> None:
    """What the recorder builds (TextRedactor with the model, after `demotrace record` chose the
    numpy runtime) runs without ONNX Runtime's library."""
    code = (
        "import sys\n"
        "from demotrace.redact import TextRedactor\n"
        "from demotrace.redact.model import set_default_runtime\n"
        "set_default_runtime('numpy')\n"
        "r = TextRedactor(sensitive_topics=['health'])\n"
        "print(r.redact('Mail Jan de Vries, Kerkstraat 12 in Utrecht; he has diabetes and asthma.').text)\n"
        "print('onnxruntime' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DEMOTRACE_MODEL_RUNTIME"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    out = run.stdout.split("\n")
    assert "Jan de Vries" not in out[0]
    assert out[1] == "False"
