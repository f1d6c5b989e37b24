"""Window context: the focused top-level window and the stacking of visible windows."""

from ._base import Layout, TopLevel, WindowSource
from ._xorg import XorgWindowSource

__all__ = ["Layout", "TopLevel", "WindowSource", "XorgWindowSource"]
