"""The weights of the shipped ONNX model, read straight from its protobuf bytes.

The recorder runs the character model with numpy (`forward.py`) so that it never loads ONNX
Runtime (~21 MB resident); this reads the graph's float initialisers without the `onnx` package
(protobuf wire format: ModelProto.graph = 7, GraphProto.initializer = 5, TensorProto.dims = 1,
data_type = 2, float_data = 4, name = 8, raw_data = 9). Anything else in the file is skipped.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_FLOAT = 1  # TensorProto.DataType.FLOAT


class WeightsError(ValueError):
    pass


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if i >= len(buf):
            raise WeightsError("truncated varint")
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes) -> list[tuple[int, int, int | bytes]]:
    """(field number, wire type, value) of one message: an int for varints and fixed-size fields,
    the bytes for length-delimited ones."""
    out: list[tuple[int, int, int | bytes]] = []
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
            out.append((field, wire, value))
        elif wire == 2:
            size, i = _varint(buf, i)
            if i + size > len(buf):
                raise WeightsError("truncated field")
            out.append((field, wire, buf[i : i + size]))
            i += size
        elif wire in (1, 5):
            width = 8 if wire == 1 else 4
            out.append((field, wire, int.from_bytes(buf[i : i + width], "little")))
            i += width
        else:
            raise WeightsError(f"unsupported wire type {wire}")
    return out


def _tensor(buf: bytes) -> tuple[str, npt.NDArray[np.float32]]:
    name, dtype, dims, raw, floats = "", 0, [], b"", b""
    for field, _wire, value in _fields(buf):
        if field == 1:  # dims: packed or one varint each
            if isinstance(value, bytes):
                j = 0
                while j < len(value):
                    d, j = _varint(value, j)
                    dims.append(d)
            else:
                dims.append(value)
        elif field == 2 and isinstance(value, int):
            dtype = value
        elif field == 4 and isinstance(value, bytes):
            floats += value
        elif field == 8 and isinstance(value, bytes):
            name = value.decode()
        elif field == 9 and isinstance(value, bytes):
            raw = value
    if dtype != _FLOAT:
        raise WeightsError(f"initialiser {name!r} is not float32 (type {dtype})")
    data = np.frombuffer(raw or floats, dtype="<f4")
    if data.size != int(np.prod(dims)):
        raise WeightsError(f"initialiser {name!r}: {data.size} values for shape {dims}")
    return name, data.reshape(dims).astype(np.float32)


def read_initialisers(data: bytes) -> dict[str, npt.NDArray[np.float32]]:
    """Every float initialiser of an ONNX model's graph, by name."""
    graphs = [v for f, w, v in _fields(data) if f == 7 and isinstance(v, bytes)]
    if not graphs:
        raise WeightsError("no graph in the model file")
    return dict(_tensor(v) for f, w, v in _fields(graphs[0]) if f == 5 and isinstance(v, bytes))
