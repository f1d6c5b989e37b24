"""X11 plumbing shared by the window, input and screen backends."""

from __future__ import annotations

import os
from typing import Any

from ...errors import CaptureError


def require_display(display: str | None) -> str:
    """Resolve the display to use and export it (pynput reads DISPLAY at import)."""
    d = display or os.environ.get("DISPLAY")
    if not d:
        raise CaptureError("no X display (DISPLAY unset); pass --display :N")
    os.environ["DISPLAY"] = d
    return d


def open_display(display: str) -> Any:
    from Xlib import display as xdisplay
    from Xlib.error import DisplayError

    try:
        return xdisplay.Display(display)
    except (DisplayError, OSError) as e:
        raise CaptureError(f"cannot open X display {display} ({e}); is the X server running?") from None


def read_resource_ms(d: Any, names: tuple[str, ...]) -> int | None:
    """A millisecond value from the X resource database (RESOURCE_MANAGER), e.g. multiClickTime."""
    try:
        rm = d.screen().root.get_full_property(d.intern_atom("RESOURCE_MANAGER"), 0)
    except Exception:
        return None
    if rm is None or not rm.value:
        return None
    text = rm.value.decode() if isinstance(rm.value, bytes) else str(rm.value)
    for line in text.splitlines():
        key, _, val = line.partition(":")
        if key.strip().split(".")[-1].split("*")[-1] in names:
            try:
                return int(val.strip())
            except ValueError:
                continue
    return None


def read_xsettings_int(d: Any, name: str) -> int | None:
    """An integer from the XSETTINGS manager (e.g. Net/DoubleClickTime), if one runs."""
    import struct

    try:
        sel = d.intern_atom("_XSETTINGS_S0")
        owner = d.get_selection_owner(sel)
        if not owner or owner == 0:
            return None
        prop = owner.get_full_property(d.intern_atom("_XSETTINGS_SETTINGS"), 0)
        if prop is None:
            return None
        data = bytes(prop.value)
    except Exception:
        return None
    order = "<" if data[:1] == b"\x00" else ">"
    try:
        (n,) = struct.unpack_from(order + "I", data, 8)
        pos = 12
        for _ in range(n):
            typ = data[pos]
            (nlen,) = struct.unpack_from(order + "H", data, pos + 2)
            key = data[pos + 4 : pos + 4 + nlen].decode()
            pos += 4 + ((nlen + 3) & ~3) + 4
            if typ == 0:  # integer
                (val,) = struct.unpack_from(order + "i", data, pos)
                pos += 4
                if key == name:
                    return int(val)
            elif typ == 1:  # string
                (slen,) = struct.unpack_from(order + "I", data, pos)
                pos += 4 + ((slen + 3) & ~3)
            else:  # colour
                pos += 8
    except (struct.error, IndexError, UnicodeDecodeError):
        return None
    return None
