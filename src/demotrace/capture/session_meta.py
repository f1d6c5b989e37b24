"""Who and what a new session is: pseudonymous device and user ids, OS, screens, clocks, locale.

The ids are HMACs of the device key, so the service can group a person's sessions without ever
learning the login name or the machine's name.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import platform
import time

from .. import __version__
from ..schema import Monitor, SessionMeta, new_session_id
from .screen._base import Rect


def new_session_meta(
    key: bytes,
    monitors: list[Rect],
    double_click_s: float,
    policy_version: int,
) -> SessionMeta:
    """A new session's metadata, its clocks read now (`clock` pairs the monotonic and wall
    times every offset in the bundle is relative to)."""
    mono0, wall0 = time.monotonic(), time.time()
    return SessionMeta(
        id=new_session_id(),
        device=pseudonym(key, "device"),
        user=pseudonym(key, "user:" + getpass.getuser()),
        recorder_version=__version__,
        os=f"{platform.system()} {platform.release()} X11",
        monitors=[Monitor(*m) for m in monitors],
        double_click_interval=double_click_s,
        double_click_distance=5,
        policy_version=policy_version,
        clock={"monotonic": mono0, "wall": wall0},
        start=wall0,
        extra={"locale": locale(), "redaction_engine": f"demotrace-redact {__version__}"},
    )


def pseudonym(key: bytes, what: str) -> str:
    """A stable, keyed id for `what` (16 hex digits of an HMAC-SHA256)."""
    return hmac.new(key, what.encode(), hashlib.sha256).hexdigest()[:16]


def locale() -> str | None:
    """The person's locale as the environment gives it (e.g. en_US.UTF-8), for the dataset."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        v = os.environ.get(var)
        if v and v not in ("C", "POSIX"):
            return v
    return None
