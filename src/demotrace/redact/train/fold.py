"""Rewrites of the quantised tagger that keep its arithmetic and drop work (`train/quantize.py`).

- `fold_embeddings`: the two embedding lookups (char id, shape), their requantisation and the
  concatenation become one lookup in a uint8 table of every (char id, shape) pair, read off the
  quantised graph itself, so each row holds the very bytes the concatenation gave: the input is
  `pairs = ids * SHAPES + shapes` (int32). 5.9 % (Concat) + half of the Gathers' 4.7 % of the
  tagger's time in ONNX Runtime's profile, for a 1.9 MB table.
- `tags_as_matmul`: the label head (a 1-wide fp32 convolution over channels-first activations,
  then a transpose to channels-last) becomes a MatMul + Add on channels-last activations, the same
  products summed in another order (float rounding); ONNX Runtime then cancels the transposes
  around its channels-last int8 convolutions instead of transposing twice.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model import codec

PAIRS = "pairs"


def _consumers(graph: Any, name: str) -> list[Any]:
    return [n for n in graph.node if name in n.input]


def pair_table(model: Any, cut: str) -> np.ndarray:
    """uint8 [VOCAB * SHAPES, channels]: the quantised concatenated embedding `cut` of every pair."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe.graph.output.append(helper.make_tensor_value_info(cut, TensorProto.UINT8, None))
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    pairs = np.arange(codec.VOCAB * codec.SHAPES, dtype=np.int64)
    feed = {"ids": (pairs // codec.SHAPES)[None], "shapes": (pairs % codec.SHAPES)[None]}
    return np.asarray(session.run([cut], feed)[0][0])


def fold_embeddings(model: Any) -> Any:
    """`model` with input `pairs` (int32 [batch, length]) instead of `ids` and `shapes`."""
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    concat = next(n for n in graph.node if n.op_type == "Concat")
    (quant,) = _consumers(graph, concat.output[0])
    cut = quant.output[0]
    table = pair_table(model, cut)
    nodes = list(graph.node)
    made = {o: k for k, n in enumerate(nodes) for o in n.output}
    drop, todo = set(), [made[cut]]
    while todo:  # everything upstream of the cut: gathers, their (de)quantisation, the concat
        k = todo.pop()
        if k not in drop:
            drop.add(k)
            todo += [made[i] for i in nodes[k].input if i in made]
    kept = [n for k, n in enumerate(nodes) if k not in drop]
    gather = helper.make_node("Gather", ["net.pairs.table", PAIRS], [cut], name="/net/pairs/Gather")
    del graph.node[:]
    graph.node.extend([gather, *kept])
    used = {i for n in graph.node for i in n.input}
    inits = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend([numpy_helper.from_array(table, "net.pairs.table"), *inits])
    batch, length = (d for d in graph.input[0].type.tensor_type.shape.dim)
    del graph.input[:]
    graph.input.append(
        helper.make_tensor_value_info(PAIRS, TensorProto.INT32, [batch.dim_param, length.dim_param])
    )
    return model


def tags_as_matmul(model: Any) -> Any:
    """`model` with its last convolution (1 wide) and the transpose after it as Transpose + MatMul
    + Add."""
    from onnx import helper, numpy_helper

    graph = model.graph
    conv = [n for n in graph.node if n.op_type == "Conv"][-1]
    (after,) = _consumers(graph, conv.output[0])
    if after.op_type != "Transpose":
        raise ValueError(f"the label head is followed by {after.op_type}, not a Transpose")
    inits = {t.name: t for t in graph.initializer}
    weight = numpy_helper.to_array(inits[conv.input[1]])  # [labels, channels, 1]
    bias = numpy_helper.to_array(inits[conv.input[2]])
    x = conv.input[0]
    nodes = [
        helper.make_node("Transpose", [x], [f"{x}_nlc"], perm=[0, 2, 1], name="/net/tags/Transpose"),
        helper.make_node("MatMul", [f"{x}_nlc", "net.tags.matrix"], ["/net/tags/MatMul_output_0"]),
        helper.make_node("Add", ["/net/tags/MatMul_output_0", "net.tags.bias"], [after.output[0]]),
    ]
    names = [n.name for n in graph.node]
    at = names.index(conv.name)
    kept = [n for n in graph.node if n.name not in (conv.name, after.name)]
    del graph.node[:]
    graph.node.extend([*kept[:at], *nodes, *kept[at:]])
    matrix = np.ascontiguousarray(weight[:, :, 0].T)
    rest = [t for t in graph.initializer if t.name not in (conv.input[1], conv.input[2])]
    del graph.initializer[:]
    graph.initializer.extend(
        [
            *rest,
            numpy_helper.from_array(matrix, "net.tags.matrix"),
            numpy_helper.from_array(bias, "net.tags.bias"),
        ]
    )
    return model
