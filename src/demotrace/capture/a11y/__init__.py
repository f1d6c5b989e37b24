"""Desktop accessibility on Linux/X11 (AT-SPI): targets, password fields, tree observation."""

from .bus import CHROMIUM_FLAG, BusUnavailable, ensure_bus, toolkit_env
from .source import A11ySource

__all__ = ["CHROMIUM_FLAG", "A11ySource", "BusUnavailable", "ensure_bus", "toolkit_env"]
