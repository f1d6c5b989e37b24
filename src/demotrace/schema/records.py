"""The records of a chunk file as pydantic types: what the service accepts at ingest and what its
release pass insists on. Strict types (a string is not a number, a list is not an object), extra
keys allowed (types only grow), so that every reader of a stored record can rely on its shape.
TypedDicts rather than models: pydantic-core checks a batch of them without building objects
(about 3× faster than models), which keeps ingest above its benchmark floor.

`validate_json_records(b"[…]")` checks a batch in one pass (a list of a union discriminated by
`kind`) and returns the objects; `validate_record(obj)` checks one parsed object. Both raise
`ValueError` naming the object and the field."""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

Number = Annotated[float, Field(allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1, max_length=256)]
STRICT = ConfigDict(strict=True)


class ObservationRecord(TypedDict, total=False):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    before: str | None
    after: str | None
    width: int
    height: int
    origin: Annotated[list[int], Field(min_length=2, max_length=2)]
    scale: Number
    accessibility_tree: list[Any]
    """Desktop apps: [depth, role, name, bbox | None, states] per node (capture/a11y/tree.py)."""


class ActionRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    type: Name


class StepRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    kind: Literal["step"]
    index: Annotated[int, Field(ge=0)]
    t: Number
    action: ActionRecord
    observation: NotRequired[ObservationRecord | None]
    context: NotRequired[dict[str, Any] | None]
    target: NotRequired[dict[str, Any] | None]
    redactions: NotRequired[list[dict[str, Any]] | None]


class EventRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    kind: Literal["event"]
    type: Name
    t: Number
    seq: NotRequired[int]


class MarkRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    kind: Literal["mark"]
    what: Name
    t: NotRequired[Number | None]


class VideoRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    kind: Literal["video"]
    t: NotRequired[Number | None]


class FlushRecord(TypedDict):
    __pydantic_config__ = STRICT  # type: ignore[misc]
    kind: Literal["flush"]
    t: Number


KINDS = ("event", "flush", "mark", "step", "video")
AnyRecord = Annotated[
    StepRecord | EventRecord | MarkRecord | VideoRecord | FlushRecord, Field(discriminator="kind")
]
_BATCH: TypeAdapter[list[AnyRecord]] = TypeAdapter(list[AnyRecord])


def _reason(e: ValidationError, first: int = 0) -> ValueError:
    err = e.errors()[0]
    loc = list(err.get("loc", ()))
    j = str(first + int(loc.pop(0))) if loc and isinstance(loc[0], int) else "?"
    msg = str(err.get("msg", "invalid"))
    if err.get("type") == "union_tag_invalid" or err.get("type") == "union_tag_not_found":
        msg = f"kind must be one of {list(KINDS)}"
    return ValueError(f"object {j}: {'.'.join(str(x) for x in loc)}: {msg}".replace(": : ", ": "))


def validate_json_records(data: bytes, first: int = 0) -> list[dict[str, Any]]:
    """Parse and check a JSON array of chunk objects; `first` numbers them in the message."""
    try:
        return list(_BATCH.validate_json(data))  # type: ignore[arg-type]
    except ValidationError as e:
        raise _reason(e, first) from None


def validate_record(obj: object) -> str:
    """Check one parsed object against its kind's type; returns the kind."""
    try:
        _BATCH.validate_python([obj])
    except ValidationError as e:
        raise _reason(e) from None
    assert isinstance(obj, dict)
    return str(obj["kind"])
