"""The data contract of demotrace (DESIGN.md): raw events, actions, steps, findings, session metadata.

Pure data: this package imports nothing else from demotrace, and every other package may import it.
Types only grow: add fields with defaults, never rename.
"""

from .actions import ACTION_TYPES, CLICK_TYPES, MODIFIER_KEYS, POINTER_TYPES, Action, ActionType
from .events import (
    ButtonEvent,
    FocusEvent,
    KeyEvent,
    MoveEvent,
    RawEvent,
    ScrollEvent,
    event_from_dict,
    event_to_dict,
)
from .findings import Finding
from .session import Monitor, SessionMeta, new_session_id
from .steps import Observation, Step, Target
from .window import WindowContext

__all__ = [
    "ACTION_TYPES",
    "CLICK_TYPES",
    "MODIFIER_KEYS",
    "POINTER_TYPES",
    "Action",
    "ActionType",
    "ButtonEvent",
    "Finding",
    "FocusEvent",
    "KeyEvent",
    "Monitor",
    "MoveEvent",
    "Observation",
    "RawEvent",
    "ScrollEvent",
    "SessionMeta",
    "Step",
    "Target",
    "WindowContext",
    "event_from_dict",
    "event_to_dict",
    "new_session_id",
]
