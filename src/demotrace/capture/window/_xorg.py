"""X11 window source (python-xlib, EWMH where a window manager provides it).

The recorder's loop owns this object and calls `sync()` once per batch of input events: it
drains focus/property/structure events and makes one round trip (GetInputFocus), so focus
changes that happened before the batch was taken are never missed. Window properties are read
when a window changes, not per input event.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from Xlib import X, Xatom
from Xlib.error import XError

from ...schema import WindowContext
from .._util.xorg import open_display
from ._base import Layout, TopLevel, WindowSource

log = logging.getLogger("demotrace.capture.window")

_TOP_MASK = X.FocusChangeMask | X.PropertyChangeMask | X.StructureNotifyMask


class XorgWindowSource(WindowSource):
    def __init__(self, display: str, monitors: list[tuple[int, int, int, int]] | None = None) -> None:
        self.d = open_display(display)
        # Windows vanish between an event and our request about them: such X errors are expected
        # (the request's result is then ignored); keep them out of stderr.
        self.d.set_error_handler(lambda err, *_: log.debug("X error: %s", err))
        self.root = self.d.screen().root
        self.monitors = monitors or []
        self._atoms = {
            n: self.d.intern_atom(n)
            for n in ("_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "UTF8_STRING", "_NET_WM_PID", "WM_NAME")
        }
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask | X.PropertyChangeMask)
        self._ctx: dict[int, WindowContext] = {}
        self._toplevel_of: dict[int, int] = {}
        self._layout: Layout | None = None
        self._gen = 0
        self._focus: int | None = None
        self._active: int | None = None
        """_NET_ACTIVE_WINDOW (0: none, no window manager), None: to be read."""
        for child in self.root.query_tree().children:
            self._watch(child)
        self.d.sync()

    # -- WindowSource ---------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._gen

    def sync(self, force: bool = True) -> None:
        """With `force` (input is waiting to be judged), one round trip so that every change before
        this call is seen. Without it, only what the server already sent is read, and the round
        trip is made only if something changed — an idle desktop costs no requests."""
        changed = False
        while self.d.pending_events():
            self._handle(self.d.next_event())
            changed = True
        if not (force or changed):
            return
        focus = self._query_focus()  # the round trip: events queued before it are now readable
        while self.d.pending_events():
            self._handle(self.d.next_event())
        if focus != self._focus:
            self._focus = focus
            self._gen += 1

    def focused(self) -> WindowContext | None:
        return self.context(self._focus) if self._focus else None

    def focused_id(self) -> int | None:
        return self._focus

    def context(self, window_id: int | None) -> WindowContext | None:
        if not window_id:
            return None
        ctx = self._ctx.get(window_id)
        if ctx is None:
            ctx = self._read_context(window_id)
            if ctx is not None:
                self._ctx[window_id] = ctx
        return ctx

    def layout(self) -> Layout:
        if self._layout is None:
            wins = []
            try:
                children = self.root.query_tree().children
            except XError:
                children = []
            for w in children:
                try:
                    if w.get_attributes().map_state != X.IsViewable:
                        continue
                    g = w.get_geometry()
                    wins.append(
                        TopLevel(
                            w.id, (g.x, g.y, g.width + 2 * g.border_width, g.height + 2 * g.border_width)
                        )
                    )
                except XError:
                    continue
            self._layout = Layout(tuple(wins))
        return self._layout

    def pointer_toplevel(self) -> int | None:
        p = self.root.query_pointer()
        return int(p.child.id) if p.child else None

    def close(self) -> None:
        try:
            self.d.close()
        except Exception:  # pragma: no cover - best effort at shutdown
            pass

    # -- internals ------------------------------------------------------------------------------
    def _watch(self, w: Any) -> None:
        try:
            w.change_attributes(event_mask=_TOP_MASK)
        except XError:
            pass

    def _changed(self, wid: int | None = None, layout: bool = False) -> None:
        if wid is not None:
            self._ctx.pop(wid, None)
        if layout:
            self._layout = None
        self._gen += 1

    def _handle(self, ev: Any) -> None:
        t = ev.type
        if t == X.CreateNotify:
            if ev.parent == self.root:
                self._watch(ev.window)
            self._changed(layout=True)
        elif t in (X.MapNotify, X.UnmapNotify, X.ConfigureNotify, X.DestroyNotify, X.ReparentNotify):
            wid = getattr(ev, "window", None)
            self._changed(wid.id if wid is not None else None, layout=True)
            if t in (X.DestroyNotify, X.ReparentNotify):
                self._toplevel_of.clear()
        elif t == X.PropertyNotify:
            if ev.window == self.root:
                if ev.atom == self._atoms["_NET_ACTIVE_WINDOW"]:
                    self._active = None  # re-read at the next round trip
                    self._changed()
            elif ev.atom in (self._atoms["_NET_WM_NAME"], self._atoms["WM_NAME"], Xatom.WM_CLASS):
                self._changed(ev.window.id)
        elif t in (X.FocusIn, X.FocusOut):
            self._changed()

    def _query_focus(self) -> int | None:
        try:
            f = self.d.get_input_focus().focus
            if self._active is None:  # EWMH window manager: its word, kept current by PropertyNotify
                self._active = self._read_active()
            if self._active:
                return self._toplevel(self._active)
        except XError:
            return None
        if isinstance(f, int):  # None (0) or PointerRoot (1): keys go to the window under the pointer
            return self.pointer_toplevel() if f == X.PointerRoot else None
        return self._toplevel(int(f.id))

    def _read_active(self) -> int:
        active = self.root.get_full_property(self._atoms["_NET_ACTIVE_WINDOW"], X.AnyPropertyType)
        return int(active.value[0]) if active is not None and len(active.value) else 0

    def _toplevel(self, wid: int) -> int | None:
        if wid in self._toplevel_of:
            return self._toplevel_of[wid]
        cur = wid
        root_id = self.root.id
        try:
            while True:
                tree = self.d.create_resource_object("window", cur).query_tree()
                parent = tree.parent if isinstance(tree.parent, int) else getattr(tree.parent, "id", 0)
                if not parent or parent == root_id:
                    break
                cur = int(parent)
        except XError:
            return None
        if cur == root_id:
            return None
        self._toplevel_of[wid] = cur
        return cur

    def _read_context(self, wid: int) -> WindowContext | None:
        w = self.d.create_resource_object("window", wid)
        try:
            client = self._client_of(w)
            cls = client.get_wm_class() or ("", "")
            title = self._title(client)
            pid_prop = client.get_full_property(self._atoms["_NET_WM_PID"], Xatom.CARDINAL)
            pid = int(pid_prop.value[0]) if pid_prop is not None and len(pid_prop.value) else None
            g = w.get_geometry()
            pos = w.translate_coords(self.root, 0, 0)
            x, y = -pos.x, -pos.y
        except XError:
            return None
        geom = (int(x), int(y), int(g.width), int(g.height))
        return WindowContext(
            window_id=wid,
            wm_instance=cls[0] or "",
            wm_class=cls[1] or "",
            title=title,
            pid=pid,
            exe=_exe_name(pid),
            geometry=geom,
            monitor=self._monitor_of(geom),
        )

    def _client_of(self, w: Any, depth: int = 0) -> Any:
        """Under a window manager the root's child is a frame; WM_CLASS lives on the client."""
        if w.get_wm_class() is not None or depth >= 2:
            return w
        for c in w.query_tree().children:
            found = self._client_of(c, depth + 1)
            if found.get_wm_class() is not None:
                return found
        return w

    def _title(self, w: Any) -> str:
        p = w.get_full_property(self._atoms["_NET_WM_NAME"], self._atoms["UTF8_STRING"])
        if p is not None and p.value:
            v = p.value
            return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
        name = w.get_wm_name()
        if isinstance(name, bytes):
            return name.decode("latin-1")
        return name or ""

    def _monitor_of(self, geom: tuple[int, int, int, int]) -> int:
        cx, cy = geom[0] + geom[2] // 2, geom[1] + geom[3] // 2
        for i, (mx, my, mw, mh) in enumerate(self.monitors):
            if mx <= cx < mx + mw and my <= cy < my + mh:
                return i
        return 0


def _exe_name(pid: int | None) -> str:
    if not pid:
        return ""
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        try:
            with open(f"/proc/{pid}/comm") as f:
                return f.read().strip()
        except OSError:
            return ""
