"""A real X program for frame tests: a window (WM_CLASS colorbox) that is red and turns blue on
the first button press — the before frame must show red, the after frame blue."""

from __future__ import annotations

import sys

from Xlib import X, display


def main() -> None:
    x, y, w, h = (int(v) for v in sys.argv[1:5])
    d = display.Display()
    s = d.screen()
    cmap = s.default_colormap
    red = cmap.alloc_color(0xFFFF, 0, 0).pixel
    blue = cmap.alloc_color(0, 0, 0xFFFF).pixel
    win = s.root.create_window(
        x,
        y,
        w,
        h,
        0,
        s.root_depth,
        X.InputOutput,
        X.CopyFromParent,
        background_pixel=red,
        event_mask=X.ButtonPressMask | X.ExposureMask,
    )
    win.set_wm_class("colorbox", "Colorbox")
    win.set_wm_name("colorbox")
    win.map()
    d.sync()
    while True:
        ev = d.next_event()
        if ev.type == X.ButtonPress:
            win.change_attributes(background_pixel=blue)
            win.clear_area()
            d.sync()


if __name__ == "__main__":
    main()
