"""Input sources: keyboard and mouse. Callbacks only enqueue; the recorder's loop does the rest."""

from ._base import InputSource, RawInput, key_from_name
from ._xorg import XorgInputSource

__all__ = ["InputSource", "RawInput", "XorgInputSource", "key_from_name"]
