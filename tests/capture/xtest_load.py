"""Load generator (a real X client): 1 kHz pointer motion through XTEST for SECONDS, with a click
every 250 ms and a key every 150 ms interleaved. Prints {"clicks": [[x, y], …], "text": "…"}."""

from __future__ import annotations

import json
import math
import sys
import time

from Xlib import XK, X, display
from Xlib.ext import xtest


def main() -> None:
    seconds = float(sys.argv[1])
    cx, cy, r = (int(v) for v in sys.argv[2:5])
    d = display.Display()
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    codes = {c: d.keysym_to_keycode(XK.string_to_keysym(c)) for c in alphabet}
    clicks: list[list[int]] = []
    text = []
    t0 = time.monotonic()
    next_click, next_key, i = t0 + 0.25, t0 + 0.15, 0
    while (now := time.monotonic()) - t0 < seconds:
        a = (now - t0) * 2.2
        x, y = int(cx + r * math.cos(a)), int(cy + r * math.sin(a))
        xtest.fake_input(d, X.MotionNotify, x=x, y=y)
        if now >= next_click:
            xtest.fake_input(d, X.ButtonPress, 1)
            xtest.fake_input(d, X.ButtonRelease, 1)
            clicks.append([x, y])
            next_click += 0.25
        if now >= next_key:
            c = alphabet[i % len(alphabet)]
            i += 1
            xtest.fake_input(d, X.KeyPress, codes[c])
            xtest.fake_input(d, X.KeyRelease, codes[c])
            text.append(c)
            next_key += 0.15
        d.flush()
        time.sleep(max(0.0, 0.001 - (time.monotonic() - now)))
    d.sync()
    print(json.dumps({"clicks": clicks, "text": "".join(text), "seconds": time.monotonic() - t0}))


if __name__ == "__main__":
    main()
