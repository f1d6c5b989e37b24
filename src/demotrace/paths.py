"""Where demotrace keeps its state on this machine.

`DEMOTRACE_HOME` (default `~/.local/share/demotrace`) holds the device key, the default spool,
the recorder's control socket and the device's enrollment token.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    env = os.environ.get("DEMOTRACE_HOME")
    if env:
        p = Path(env)
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        p = Path(base) / "demotrace"
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return p


def default_spool() -> Path:
    return home() / "spool"


def control_socket() -> Path:
    return home() / "control.sock"


def device_key_path() -> Path:
    return home() / "device.key"
