"""The browser side of capture: the bridge to the demotrace extension, the click↔DOM join and a
managed Chromium profile. See docs/architecture/extension.md."""

from .bridge import BrowserBridge
from .join import CLICK_KINDS, bbox_distance, join_click
from .launcher import chromium_flags, default_profile, extension_source, launch, prepare_profile
from .model import BBox, DomEvent, PageState
from .pairing import DEFAULT_PORT, Pairing, load_pairing, pairing_path, save_pairing

__all__ = [
    "CLICK_KINDS",
    "DEFAULT_PORT",
    "BBox",
    "BrowserBridge",
    "DomEvent",
    "PageState",
    "Pairing",
    "bbox_distance",
    "chromium_flags",
    "default_profile",
    "extension_source",
    "join_click",
    "launch",
    "load_pairing",
    "pairing_path",
    "prepare_profile",
    "save_pairing",
]
