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
- `first_conv_as_lookups`: the first convolution (the 64-wide embedding to 32 channels, 3 wide,
  21.8 % of the tagger's time) becomes four lookups of integer terms (three per char id, one per
  three shapes), added, scaled and rounded as QLinearConv does: the tagger 7.5 % faster on page
  text (AMD EPYC, AVX2; measured with three per-pair tables, which the per-id tables match within
  the noise at a tenth of the memory), every output bit the same.
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


def first_conv_as_lookups(model: Any) -> Any:
    """`model` with its first convolution (the pairs' embedding, 3 wide) as lookups: the
    convolution's int32 sum is, per output channel, one term per tap, and each term depends on one
    character's (char id, shape) pair only, `Σ_c (emb[pair, c] - zx) · w[o, c, t]`; each embedding
    channel comes from the id or from the shape, so the term is an id's part plus a shape's part
    (`_tap_tables`, the bias added to the middle tap's ids). The convolution is then
    `chars_0[id(i-1)] + chars_1[id(i)] + chars_2[id(i+1)] + shape_terms[s(i-1), s(i), s(i+1)]`: four
    lookups in tables of 1.3 MB in all, the padding an id whose terms cancel its shape's. The sum
    is of integers below 2^24, exact in float32; scaled by the convolution's own multiplier
    (`sx · sw[o] / sy`, as ONNX Runtime's QLinearConv computes it) and rounded by a QuantizeLinear
    of scale 1, it gives the bytes QLinearConv gave.

    The tables are written into the file, not left to ONNX Runtime's constant folding: folded at
    load, tables of every pair (29,953 x 3 x 32 floats) cost each process that loads the tagger
    ~12 MB resident and ~40 MB while folding (the recorder's peak RSS)."""
    from onnx import helper, numpy_helper

    graph = model.graph
    inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    nodes = list(graph.node)
    gather = next(n for n in nodes if n.op_type == "Gather" and PAIRS in n.input)
    conv = next(n for n in nodes if n.op_type == "Conv")
    (quant,) = _consumers(graph, conv.output[0])
    made = {o: n for n in nodes for o in n.output}
    x_dq = made[conv.input[0]]
    w_dq = made[conv.input[1]]
    b_dq = made[conv.input[2]]
    sx, zx = inits[x_dq.input[1]], inits[x_dq.input[2]]
    wq, sw, zw = (inits[i] for i in w_dq.input)
    bq = inits[b_dq.input[0]]
    sy = inits[quant.input[1]]
    (first_dq,) = _consumers(graph, gather.output[0])  # the lookup's bytes as the convolution reads them
    pairs = zip(first_dq.input[1:], x_dq.input[1:], strict=True)
    same = all(np.array_equal(inits[a], inits[b]) for a, b in pairs)
    if first_dq.op_type != "DequantizeLinear" or not same:
        raise ValueError("the lookup's bytes are requantised before the first convolution")
    if np.any(zw != 0) or wq.shape[2] != 3:
        raise ValueError("the first convolution is not 3 wide with symmetric weights")
    attrs = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
    if list(attrs.get("pads", [])) != [1, 1] or list(attrs.get("dilations", [1])) != [1]:
        raise ValueError(f"the first convolution is not padded by 1 ({attrs})")
    table = inits[gather.input[0]]  # uint8 [pairs, channels]
    chars, shapes = _tap_tables(table, int(zx), wq, bq)
    # the multiplier as QLinearConv computes it: float32 (sx * sw[o]) / sy
    multiplier = (np.float32(sx) * sw.astype(np.float32)) / np.float32(sy)
    new_inits = [
        numpy_helper.from_array(np.array([0, 1, 0, 1], dtype=np.int64), "net.inp.pads"),
        numpy_helper.from_array(np.array(table.shape[0], dtype=np.int32), "net.inp.pad_row"),
        numpy_helper.from_array(np.array(codec.SHAPES, dtype=np.int32), "net.inp.shapes"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "net.inp.axis"),
        numpy_helper.from_array(multiplier.astype(np.float32), "net.inp.multiplier"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "net.inp.one"),
    ]
    new_nodes = [
        helper.make_node(
            "Pad", [PAIRS, "net.inp.pads", "net.inp.pad_row"], ["net.inp.padded"], mode="constant"
        ),
        helper.make_node("Div", ["net.inp.padded", "net.inp.shapes"], ["net.inp.ids"]),
        helper.make_node("Mod", ["net.inp.padded", "net.inp.shapes"], ["net.inp.shape"]),
    ]
    n = codec.SHAPES
    triples = shapes[0][:, None, None] + shapes[1][None, :, None] + shapes[2][None, None, :]
    new_inits += [
        numpy_helper.from_array(triples.reshape(n**3, -1), "net.inp.shape_terms"),
        numpy_helper.from_array(np.array(n * n, dtype=np.int32), "net.inp.n2"),
    ]
    looked = []
    for t in range(3):  # tap t reads the character at i - 1 + t (the padded arrays from t)
        end = -2 + t if t < 2 else np.iinfo(np.int64).max
        new_inits += [
            numpy_helper.from_array(np.array([t], dtype=np.int64), f"net.inp.s{t}"),
            numpy_helper.from_array(np.array([end], dtype=np.int64), f"net.inp.e{t}"),
            numpy_helper.from_array(chars[t], f"net.inp.chars{t}"),
        ]
        for part in ("ids", "shape"):
            new_nodes.append(
                helper.make_node(
                    "Slice",
                    [f"net.inp.{part}", f"net.inp.s{t}", f"net.inp.e{t}", "net.inp.axis"],
                    [f"net.inp.{part}{t}"],
                )
            )
        new_nodes.append(
            helper.make_node("Gather", [f"net.inp.chars{t}", f"net.inp.ids{t}"], [f"net.inp.gc{t}"])
        )
        looked.append(f"net.inp.gc{t}")
    # the three shapes around a character as one index (s(i-1)·n² + s(i)·n + s(i+1)) into the sums
    # of their terms: one lookup instead of three
    new_nodes += [
        helper.make_node("Mul", ["net.inp.shape0", "net.inp.n2"], ["net.inp.tri0"]),
        helper.make_node("Mul", ["net.inp.shape1", "net.inp.shapes"], ["net.inp.tri1"]),
        helper.make_node("Add", ["net.inp.tri0", "net.inp.tri1"], ["net.inp.tri01"]),
        helper.make_node("Add", ["net.inp.tri01", "net.inp.shape2"], ["net.inp.tri"]),
        helper.make_node("Gather", ["net.inp.shape_terms", "net.inp.tri"], ["net.inp.gs"]),
    ]
    looked.append("net.inp.gs")
    new_nodes += [
        helper.make_node("Sum", looked, ["net.inp.acc"]),
        helper.make_node("Mul", ["net.inp.acc", "net.inp.multiplier"], ["net.inp.scaled"]),
        helper.make_node(
            "QuantizeLinear", ["net.inp.scaled", "net.inp.one", quant.input[2]], ["net.inp.q_nlc"]
        ),
        helper.make_node("Transpose", ["net.inp.q_nlc"], [quant.output[0]], perm=[0, 2, 1]),
    ]
    drop = {id(gather), id(conv), id(quant), id(w_dq), id(b_dq)}
    k = x_dq
    while k is not None and id(k) not in drop and k is not gather:  # DQ <- Q <- Transpose <- DQ <- gather
        drop.add(id(k))
        k = made.get(k.input[0])
    kept = [n for n in nodes if id(n) not in drop]
    del graph.node[:]
    graph.node.extend([*new_nodes, *kept])
    used = {i for n in graph.node for i in n.input}
    old = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend([*new_inits, *old])
    return model


def _tap_tables(
    table: np.ndarray, zx: int, wq: np.ndarray, bq: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per tap t, float32 tables `chars[t]` [VOCAB + 1, out] and `shapes[t]` [SHAPES, out] whose
    sum at (id, shape) is the convolution's integer term of that pair, `Σ_c (table[pair, c] - zx)
    · w[o, c, t]` (+ the bias on the middle tap): each of the table's channels comes from the char
    id's embedding or the shape's, never both (checked). The row after the last id is the padding
    (`pair = VOCAB * SHAPES`: id VOCAB, shape 0), whose terms add up to zero. Every value is an
    integer below 2^24, exact in float32 (checked), so the sums are the bytes' own."""
    vocab, n_shapes = codec.VOCAB, codec.SHAPES
    if table.shape[0] != vocab * n_shapes:
        raise ValueError(f"the pair table has {table.shape[0]} rows, not {vocab} x {n_shapes}")
    grid = table.reshape(vocab, n_shapes, -1).astype(np.int64) - zx
    by_id = np.all(grid == grid[:, :1, :], axis=(0, 1))  # channels that the shape does not change
    by_shape = np.all(grid == grid[:1, :, :], axis=(0, 1))
    if not np.all(by_id | by_shape):
        raise ValueError("a channel of the pair table depends on both the char id and the shape")
    chars, shapes = [], []
    for t in range(wq.shape[2]):
        w = wq[:, :, t].T.astype(np.int64)  # [channels in, out]
        c_t = grid[:, 0][:, by_id] @ w[by_id] + (bq.astype(np.int64) if t == 1 else 0)
        s_t = grid[0][:, ~by_id] @ w[~by_id]
        whole = np.einsum("vsc,co->vso", grid, w) + (bq.astype(np.int64) if t == 1 else 0)
        if not np.array_equal(c_t[:, None, :] + s_t[None, :, :], whole):
            raise ValueError("the per-id and per-shape terms do not add up to the pair's")
        c_t = np.concatenate([c_t, -s_t[:1]])  # the padding: id VOCAB + shape 0 = 0
        if max(np.abs(c_t).max(), np.abs(s_t).max()) * 9 >= 2**24:
            raise ValueError("the first convolution's terms may not be exact in float32")
        chars.append(c_t.astype(np.float32))
        shapes.append(s_t.astype(np.float32))
    return chars, shapes
