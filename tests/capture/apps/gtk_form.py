#!/usr/bin/python3
"""A GTK 3 form for the accessibility tests (run with the system /usr/bin/python3, PyGObject):
a menu bar (File → Open, Quit), a button, a check box, a combo box with three items, an entry and a
password entry, each labelled. Window class `gtkform` (its popups too). Once shown, it writes the
screen box [x, y, w, h] of each control, by label, as JSON to the file named by argv[1] (X/GTK
geometry: what the test clicks, independent of the accessibility bus)."""

import json
import sys

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk  # noqa: E402


def boxes(win, widgets, path):
    ox, oy = win.get_window().get_origin()[1:]
    out = {}
    for label, w in widgets.items():
        x, y = w.translate_coordinates(win, 0, 0)
        a = w.get_allocation()
        out[label] = [ox + x, oy + y, a.width, a.height]
    with open(path + ".tmp", "w") as f:
        json.dump(out, f)
    import os

    os.replace(path + ".tmp", path)
    return False


def main() -> None:
    GLib.set_prgname("gtkform")
    Gtk.init(["gtkform"])
    widgets = {}
    win = Gtk.Window(title="Demo form")
    win.set_default_size(420, 360)
    win.move(40, 40)
    box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=10)
    box.set_border_width(12)

    bar = Gtk.MenuBar()
    file_item = Gtk.MenuItem(label="File")
    widgets["File"] = file_item
    menu = Gtk.Menu()
    for label in ("Open", "Quit"):
        menu.append(Gtk.MenuItem(label=label))
    file_item.set_submenu(menu)
    bar.append(file_item)
    box.pack_start(bar, False, False, 0)

    widgets["Save draft"] = Gtk.Button(label="Save draft")
    widgets["Remember me"] = Gtk.CheckButton(label="Remember me")
    box.pack_start(widgets["Save draft"], False, False, 0)
    box.pack_start(widgets["Remember me"], False, False, 0)

    combo = Gtk.ComboBoxText()
    for label in ("Small", "Medium", "Large"):
        combo.append_text(label)
    combo.set_active(0)
    widgets["combo"] = combo
    box.pack_start(combo, False, False, 0)

    for label, secret in (("Username", False), ("Password", True)):
        row = Gtk.Box(spacing=8)
        lab = Gtk.Label(label=label)
        entry = Gtk.Entry()
        entry.set_visibility(not secret)
        lab.set_mnemonic_widget(entry)
        widgets[label] = entry  # the entry's accessible name is the label's text
        row.pack_start(lab, False, False, 0)
        row.pack_start(entry, True, True, 0)
        box.pack_start(row, False, False, 0)

    win.add(box)
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    if len(sys.argv) > 1:
        GLib.timeout_add(400, boxes, win, widgets, sys.argv[1])
    Gtk.main()


if __name__ == "__main__":
    main()
