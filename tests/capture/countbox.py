"""A real X program for timeline tests: a window (WM_CLASS countbox) that shows how many input
events (key and button presses and releases, wheel clicks included) it has received, as 12 bits
(white = 1, black = 0) in squares along its top, so a frame says which moment it shows. Each
event is logged to argv[5] as `monotonic_time count` once the new count is drawn."""

from __future__ import annotations

import sys
import time

from Xlib import X, display

BITS, SIZE, STEP, TOP = 12, 20, 26, 10


def bit_centre(i: int) -> tuple[int, int]:
    """Window-relative centre of bit i's square (bit 0 = least significant, leftmost)."""
    return TOP + STEP * i + SIZE // 2, TOP + SIZE // 2


def main() -> None:
    x, y, w, h = (int(v) for v in sys.argv[1:5])
    log = open(sys.argv[5], "a", buffering=1)  # noqa: SIM115 - lives as long as the program
    d = display.Display()
    s = d.screen()
    cmap = s.default_colormap
    grey = cmap.alloc_color(0x8000, 0x8000, 0x8000).pixel
    mask = X.ButtonPressMask | X.ButtonReleaseMask | X.KeyPressMask | X.KeyReleaseMask | X.ExposureMask
    win = s.root.create_window(
        x, y, w, h, 0, s.root_depth, X.InputOutput, X.CopyFromParent, background_pixel=grey, event_mask=mask
    )  # fmt: skip
    white = win.create_gc(foreground=s.white_pixel)
    black = win.create_gc(foreground=s.black_pixel)
    win.set_wm_class("countbox", "Countbox")
    win.set_wm_name("countbox")
    win.map()
    count = 0

    def draw() -> None:
        for i in range(BITS):
            gc = white if count >> i & 1 else black
            win.fill_rectangle(gc, TOP + STEP * i, TOP, SIZE, SIZE)
        d.sync()

    while True:
        ev = d.next_event()
        if ev.type in (X.ButtonPress, X.ButtonRelease, X.KeyPress, X.KeyRelease):
            count += 1
            draw()
            log.write(f"{time.monotonic():.6f} {count}\n")
        elif ev.type == X.Expose:
            draw()


if __name__ == "__main__":
    main()
