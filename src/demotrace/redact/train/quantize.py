"""Quantise the span tagger to int8: `charmodel.onnx` → `charmodel_tags.int8.onnx`.

    PYTHONHASHSEED=0 python -m demotrace.redact.train.quantize   # after train.fit (`make model`)

The tagger is cut from the full model as `model.derive` does, but without the padding mask
(`derive(mask=False)`): `CharModel` never pads a row (pieces of one width per call), and the mask
multiply after every layer cost ~28 % of the int8 tagger. Static QDQ quantisation (ONNX Runtime's
`quantize_static`): weights int8 per output channel, activations uint8 per tensor, their ranges
read (min/max) on generated text. ONNX Runtime fuses the QDQ pairs into QLinearConv / QLinearAdd,
whose u8s8 kernels use the CPU's VNNI dot products (docs/MODEL_CARD.md, "int8"). Dynamic
quantisation (ConvInteger, quantising activations at every call) was 3x slower, not faster.
The last 1x1 convolution (32 → 6 label logits) and the softmax stay fp32: quantised to uint8, the
logits moved characters across the thresholds at word joins (a name and the address after it split
at a space); in fp32 98.9 % of the flagged characters on the held-out texts are fp32's (98.4 %
with them in int8), for 192 of the ~22 k multiply-adds per character
(288 of ~44 k in the 48-channel tagger this was measured on). Then `train/fold.py`
rewrites the result without changing an output bit: one uint8 lookup per (char id, shape) pair
instead of two lookups and a concatenation (input `pairs`), the label head as a MatMul, and the
first convolution as three lookups of its per-tap sums.

Calibration text comes from the training generator with its own seed (training seed + 2000;
training uses the seed, threshold tuning seed + 1000), never from the held-out sets. Same seed and
model give the same ranges, so the same file (min/max is deterministic). The output is stamped with
the SHA-256 of `charmodel.onnx`, like the fp32 derived tagger; `CharModel` ignores it when stale.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from pathlib import Path

import numpy as np

from ..model import codec
from ..model import derive as derive_mod
from . import fold
from .generate import generate

INT8 = derive_mod.HERE / "charmodel_tags.int8.onnx"
CALIBRATION_SAMPLES = 600
PIECE = 1024  # characters per calibration input (the tagger's window)
SEED_OFFSET = 2000


def calibration_feeds(samples: int, seed: int) -> list[dict[str, np.ndarray]]:
    """Generated samples joined by newlines and cut into `PIECE`-character inputs, one per call."""
    text = "\n".join(s.text for s in generate(samples, seed))
    feeds: list[dict[str, np.ndarray]] = []
    for i in range(0, len(text) - PIECE + 1, PIECE):  # whole pieces (histogram calibrators need one shape)
        piece = text[i : i + PIECE]
        ids, shapes = codec.encode(piece)
        feeds.append({"ids": ids[None], "shapes": shapes[None]})
    return feeds


def quantize(
    source: Path = derive_mod.SOURCE,
    out: Path = INT8,
    samples: int = CALIBRATION_SAMPLES,
    seed: int = 11 + SEED_OFFSET,
    folded: bool = True,
) -> Path:
    """The tagger of `source` (the full model), without its padding mask, in int8 at `out`,
    stamped with `source`'s SHA-256; `folded`: rewritten by `train/fold.py` (same outputs)."""
    import onnx
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    feeds = iter(calibration_feeds(samples, seed))

    class Reader(CalibrationDataReader):  # type: ignore[misc]
        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(feeds, None)

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = derive_mod.derive(source, Path(tmp) / "tags.onnx", mask=False)
        nodes = onnx.load(str(fp32)).graph.node
        convs = [n.name for n in nodes if n.op_type == "Conv"]
        keep_fp32 = [convs[-1]] + [n.name for n in nodes if n.op_type == "Softmax"]  # logits, probabilities
        pre = Path(tmp) / "pre.onnx"
        quant_pre_process(str(fp32), str(pre), skip_symbolic_shape=True)
        with contextlib.redirect_stdout(None):
            quantize_static(
                str(pre),
                str(out),
                Reader(),
                quant_format=QuantFormat.QDQ,
                per_channel=True,
                activation_type=QuantType.QUInt8,
                weight_type=QuantType.QInt8,
                nodes_to_exclude=keep_fp32,
            )
    model = onnx.load(str(out))
    if folded:
        model = fold.first_conv_as_lookups(fold.tags_as_matmul(fold.fold_embeddings(model)))
    del model.metadata_props[:]
    model.metadata_props.append(
        onnx.StringStringEntryProto(key=derive_mod.STAMP_KEY, value=derive_mod.sha256(source))
    )
    model.metadata_props.append(
        onnx.StringStringEntryProto(key="calibration", value=f"{samples} samples, seed {seed}")
    )
    onnx.checker.check_model(model)
    onnx.save(model, str(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=derive_mod.SOURCE, help="the full fp32 model (train.fit)")
    ap.add_argument("--out", type=Path, default=INT8)
    ap.add_argument("--samples", type=int, default=CALIBRATION_SAMPLES)
    ap.add_argument("--seed", type=int, default=11 + SEED_OFFSET)
    a = ap.parse_args()
    print(quantize(a.source, a.out, a.samples, a.seed))


if __name__ == "__main__":
    main()
