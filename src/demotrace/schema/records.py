"""The records of a chunk file as pydantic models: what the service accepts at ingest and what its
release pass insists on. Strict types (a string is not a number, a list is not an object), extra
keys allowed (types only grow), so that every reader of a stored record can rely on its shape.

`validate_record(obj)` raises `ValueError` naming the field; it returns nothing."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Number = Annotated[float, Field(allow_inf_nan=False)]
Text = Annotated[str, Field(max_length=1_000_000)]


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")


class ObservationRecord(_Record):
    before: Text | None = None
    after: Text | None = None
    width: int = 0
    height: int = 0
    origin: Annotated[list[int], Field(min_length=2, max_length=2)] = [0, 0]
    scale: Number = 1.0


class ActionRecord(_Record):
    type: Annotated[str, Field(min_length=1, max_length=64)]


class StepRecord(_Record):
    index: Annotated[int, Field(ge=0)]
    t: Number
    action: ActionRecord
    observation: ObservationRecord | None = None
    context: dict[str, Any] | None = None
    target: dict[str, Any] | None = None
    redactions: list[dict[str, Any]] | None = None


class EventRecord(_Record):
    type: Annotated[str, Field(min_length=1, max_length=64)]
    t: Number
    seq: int = 0


class MarkRecord(_Record):
    what: Annotated[str, Field(min_length=1, max_length=256)]
    t: Number | None = None


class VideoRecord(_Record):
    t: Number | None = None


class FlushRecord(_Record):
    t: Number


RECORD_MODELS: dict[str, type[_Record]] = {
    "step": StepRecord,
    "event": EventRecord,
    "mark": MarkRecord,
    "video": VideoRecord,
    "flush": FlushRecord,
}


def validate_record(obj: object) -> str:
    """Check one object of a chunk record against its kind's model; returns the kind, raises
    ValueError with a one-line reason naming the field."""
    if not isinstance(obj, dict):
        raise ValueError(f"not an object but {type(obj).__name__}")
    kind = obj.get("kind")
    model = RECORD_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise ValueError(f"kind must be one of {sorted(RECORD_MODELS)}")
    try:
        model.model_validate(obj)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(x) for x in err.get("loc", ()))
        raise ValueError(f"{kind}.{loc}: {err.get('msg', 'invalid')}") from None
    return str(kind)
