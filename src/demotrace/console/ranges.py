"""Deleting an exact time range of a session from the console: `server/ranges.py` does the work;
its refusals become console errors."""

from __future__ import annotations

from ..server.ranges import RangeDeleted, RangeError
from ..server.ranges import delete_time_range as _delete
from ..store import ServiceData
from ..store.models import Session
from .web import ConsoleError

__all__ = ["RangeDeleted", "delete_time_range"]


def delete_time_range(data: ServiceData, row: Session, start: float, end: float, actor: str) -> RangeDeleted:
    """Delete [start, end] (seconds since the session's start) from one session."""
    try:
        return _delete(data, row, start, end, actor)
    except RangeError as e:
        raise ConsoleError(e.status, str(e)) from None
