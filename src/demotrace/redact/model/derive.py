"""Derive `charmodel_tags.onnx` (the span tagger alone, padding masked) from `charmodel.onnx`.

    python -m demotrace.redact.model.derive      # needs the `onnx` package (the `model` extra)

Same weights, no training: the graph is cut to the `tags` output (the topic head costs ~45 % of
the full graph's work and spans do not need it), and the input of every convolution wider than one
character is multiplied by `mask`, so that a text padded in a batch with longer ones sees zeros past
its end exactly as it does alone (the exported graph zero-pads each convolution, but padded ids
would otherwise feed the embedding of id 0 into the text's last 31 characters). With a mask of ones
the graph computes what the full one computes. The source's SHA-256 is stamped into the derived
file's metadata; `CharModel` uses the derived graph only when the stamp matches the shipped model.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "charmodel.onnx"
DERIVED = HERE / "charmodel_tags.onnx"
STAMP_KEY = "source_sha256"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def derive(source: Path = SOURCE, out: Path = DERIVED, mask: bool = True) -> Path:
    """The tagger of `source` at `out`; `mask=False`: without the padding mask (no `mask` input,
    no multiply), for rows that are never padded (`train/quantize.py` quantises this one)."""
    import onnx
    from onnx import helper
    from onnx.utils import Extractor

    full = onnx.load(str(source))
    tags = Extractor(full).extract_model(["ids", "shapes", "mask"], ["tags"])
    graph = tags.graph
    if not mask:
        kept = [i for i in graph.input if i.name != "mask"]
        del graph.input[:]
        graph.input.extend(kept)
        return _stamp_and_save(tags, source, out)
    if not any(i.name == "mask" for i in graph.input):  # the trunk alone does not read it
        graph.input.append(next(i for i in full.graph.input if i.name == "mask"))
    axis = helper.make_tensor("derive_mask_axis", onnx.TensorProto.INT64, [1], [1])
    graph.initializer.append(axis)
    nodes = [helper.make_node("Unsqueeze", ["mask", axis.name], ["derive_mask_bcl"])]
    masked: dict[str, str] = {}
    for node in graph.node:
        kernel = next((a.ints for a in node.attribute if a.name == "kernel_shape"), [1])
        if node.op_type == "Conv" and max(kernel) > 1:
            x = node.input[0]
            if x not in masked:
                masked[x] = f"{x}_masked"
                nodes.append(helper.make_node("Mul", [x, "derive_mask_bcl"], [masked[x]]))
            node.input[0] = masked[x]
        nodes.append(node)
    del graph.node[:]
    known = {i.name for i in graph.input} | {i.name for i in graph.initializer}
    graph.node.extend(_topological(nodes, known))
    return _stamp_and_save(tags, source, out)


def _stamp_and_save(tags: Any, source: Path, out: Path) -> Path:
    import onnx

    del tags.metadata_props[:]
    tags.metadata_props.append(onnx.StringStringEntryProto(key=STAMP_KEY, value=sha256(source)))
    onnx.checker.check_model(tags)
    onnx.save(tags, str(out))
    return out


def _topological(nodes: list, known: set[str]) -> list:  # type: ignore[type-arg]
    """The nodes in an order where every input is produced before it is read."""
    have = set(known) | {""}
    left, order = list(nodes), []
    while left:
        ready = [n for n in left if all(i in have for i in n.input)]
        if not ready:
            raise ValueError("graph has a cycle or a missing input")
        for n in ready:
            order.append(n)
            have.update(n.output)
            left.remove(n)
    return order


if __name__ == "__main__":
    args = sys.argv[1:3]
    print(derive(Path(args[0]) if args else SOURCE, Path(args[1]) if args[1:] else DERIVED))
