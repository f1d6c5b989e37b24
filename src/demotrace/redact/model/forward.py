"""The character model's forward pass in numpy: the same graph as `charmodel.onnx`.

The recorder loads this instead of ONNX Runtime (measured in docs/BENCHMARKS.md, "Recorder
memory"): ONNX Runtime's library is ~21 MB resident and numpy is loaded anyway. The layers are
those of `train/fit.py`'s `CharTagger` (embeddings of char id and shape → 3-wide convolution →
residual 3-wide convolutions, dilated as `charmodel.json` says (`DILATIONS` when it does not: the
first model's) → per-character softmax) and its
`TopicHead` (1x1 projection of the last layer + 5-wide convolution of the embeddings, masked
mean and max over the text, linear, sigmoid). Layout is channels-last ([batch, length, channels])
so that each convolution is one matrix product per tap. Outputs match ONNX Runtime's to float32
rounding (tests/redact/test_model_forward.py).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .weights import WeightsError

F32 = npt.NDArray[np.float32]
DILATIONS = (1, 2, 4, 8, 16)
_MASKED = np.float32(10000.0)  # what the exported graph subtracts from padding before the max


class _Conv:
    """A 1-D convolution (ONNX Conv, 'same' padding): weight [out, in, taps] stored per tap as
    [in, out] matrices."""

    def __init__(self, weight: F32, bias: F32, dilation: int = 1) -> None:
        self.taps = [np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2])]
        self.bias = bias
        self.dilation = dilation
        self.pad = dilation * (len(self.taps) - 1) // 2

    def __call__(self, x: F32) -> F32:
        n = x.shape[1]
        if self.pad:
            x = np.pad(x, ((0, 0), (self.pad, self.pad), (0, 0)))
        out = x[:, :n] @ self.taps[0]
        for k, w in enumerate(self.taps[1:], 1):
            s = k * self.dilation
            out += x[:, s : s + n] @ w
        out += self.bias
        return out


class CharNet:
    """Tags and topics for padded batches of encoded texts, from the ONNX initialisers."""

    def __init__(self, w: dict[str, F32], dilations: tuple[int, ...] = DILATIONS) -> None:
        try:
            self.chars = w["net.chars.weight"]
            self.shapes = w["net.shapes.weight"]
            self.inp = _Conv(w["net.inp.weight"], w["net.inp.bias"])
            self.blocks = [
                _Conv(w[f"net.blocks.{i}.weight"], w[f"net.blocks.{i}.bias"], d)
                for i, d in enumerate(dilations)
            ]
            self.tags = _Conv(w["net.tags.weight"], w["net.tags.bias"])
            self.proj = _Conv(w["net.topic.proj.weight"], w["net.topic.proj.bias"])
            self.pieces = _Conv(w["net.topic.pieces.weight"], w["net.topic.pieces.bias"])
            self.out_w = np.ascontiguousarray(w["net.topic.out.weight"].T)
            self.out_b = w["net.topic.out.bias"]
        except KeyError as e:
            raise WeightsError(f"the model lacks the weight {e.args[0]}") from e
        expected = 12 + 2 * len(dilations)  # a weight this pass does not use: another graph
        if len(w) != expected:
            raise WeightsError(f"the model has {len(w)} weights, not this graph's {expected}")

    def run(self, ids: npt.NDArray[np.int64], shapes: npt.NDArray[np.int64], mask: F32) -> tuple[F32, F32]:
        """([batch, length, labels] probabilities, [batch, topics] probabilities)."""
        x = np.concatenate([self.chars[ids], self.shapes[shapes]], axis=-1)
        h = np.maximum(self.inp(x), 0)
        for conv in self.blocks:
            h += np.maximum(conv(h), 0)
        logits = self.tags(h)
        logits -= logits.max(axis=-1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=-1, keepdims=True)
        z = self.proj(h)
        z += self.pieces(x)
        np.maximum(z, 0, out=z)
        m = mask[:, :, None]
        mean = (z * m).sum(axis=1) / np.maximum(m.sum(axis=1), np.float32(1.0))
        top = (z - (np.float32(1.0) - m) * _MASKED).max(axis=1)
        topic = np.concatenate([mean, top], axis=-1) @ self.out_w + self.out_b
        return logits, (np.float32(1.0) / (np.float32(1.0) + np.exp(-topic))).astype(np.float32)
