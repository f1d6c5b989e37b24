"""Popups (a combo box's list, a menu) and the clicks on them.

Two races with the toolkit, which handles the X events before it answers the bus:
- the press that opens a combo box's popup: by the time the app answers, the popup lies under
  the point. When a new top-level appeared after the press (`tops_changed`), the lookup skips
  popups and cuts the chain at the opener (`OPENER_ROLES`): the click is the combo box's.
- a click on a popup item: the item acts on the release and the popup is gone before the app
  answers. So a popup's items are read when it opens (`descent.Descent.snap_popup` stores them in
  `Popups.snap`), and a press inside one of them is answered from that snapshot (`item_at`) if
  the popup was open at the press: no "a top-level went away" signal between the snapshot and the
  press (handled ones in `closed`, pending ones in the signal queue).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jeepney import HeaderFields, Message

from .atspi import Node, a11y_target

POPUP_ROLES = frozenset({"window", "menu", "popup menu", "tool tip", "list"})
"""Top-level accessibles that are popups (a combo box's list, a menu)."""
OPENER_ROLES = frozenset({"combo box"})
"""Controls whose press opens a popup over themselves (the click is the control's)."""
ITEM_ROLES = frozenset(
    {"menu item", "check menu item", "radio menu item", "option", "list item", "tearoff menu item"}
)
"""What a popup's items are (answered from the popup's snapshot)."""
Signals = Iterable[tuple[float, Message]]
"""(arrival time, signal) not yet handled by the source."""


def tops_signal(member: Any, path: str, body: tuple[Any, ...]) -> bool:
    """The signal may change which top-level accessibles are on screen or active (a popup)."""
    if member == "Activate" or (member == "ChildrenChanged" and path.endswith("/root")):
        return True
    return member == "StateChanged" and bool(body) and body[0] in ("active", "showing") and bool(body[1])


def _root_change(m: Message) -> str:
    """ "add" / "remove" for a signal that a top-level came or went, else ""."""
    f = m.header.fields
    if f.get(HeaderFields.member) != "ChildrenChanged" or not m.body:
        return ""
    if not str(f.get(HeaderFields.path, "")).endswith("/root"):
        return ""
    kind = str(m.body[0])
    return "add" if kind.startswith("add") else "remove" if kind.startswith("remove") else ""


def tops_changed(signals: Signals, press: float, frames: dict[str, Any]) -> set[str]:
    """Apps whose top-level accessibles changed (their cached frame lists are dropped); → those
    where one was added after `press` (the press opened a popup)."""
    after = set()
    for ts, m in signals:
        f = m.header.fields
        if tops_signal(f.get(HeaderFields.member), str(f.get(HeaderFields.path, "")), m.body):
            sender = str(f.get(HeaderFields.sender, ""))
            frames.pop(sender, None)
            if ts >= press and _root_change(m) == "add":
                after.add(sender)
    return after


@dataclass
class Popups:
    snap: dict[str, tuple[float, list[list[Any]], str]] = field(default_factory=dict)
    """Per app (bus name): (time, tree rows, app name) of its popup, read when it opened."""
    closed: dict[str, float] = field(default_factory=dict)
    due: set[str] = field(default_factory=set)
    """Apps whose new popup is still to be read."""

    def note(self, member: Any, path: str, body: tuple[Any, ...], sender: str, arrived: float) -> None:
        """A handled signal: a top-level added (read it) or removed (the popup closed)."""
        if member != "ChildrenChanged" or not path.endswith("/root") or not body:
            return
        if str(body[0]).startswith("add"):
            self.due.add(sender)
        elif str(body[0]).startswith("remove"):
            self.closed[sender] = arrived

    def item_at(self, x: int, y: int, press: float, pending: Signals) -> tuple[str, dict[str, Any]] | None:
        """(app bus name, target) of the popup item at the point, if its popup was open at the
        press."""
        pending = list(pending)
        for name, (t, rows, app) in list(self.snap.items()):
            closes = [self.closed.get(name, 0.0)]
            closes += [
                ts
                for ts, m in pending
                if m.header.fields.get(HeaderFields.sender) == name and _root_change(m) == "remove"
            ]
            if t > press or any(t < c <= press for c in closes):  # not open at the press
                continue
            hit = _item_in(rows, x, y)
            if hit is not None:
                (_, role, name_, bbox, states), anc = hit
                node = Node(("", ""), role, name_, list(states), bbox)
                return name, a11y_target(node, [Node(("", ""), a[1], a[2], [], None) for a in anc], app)
        return None


def _item_in(rows: list[list[Any]], x: int, y: int) -> tuple[list[Any], list[list[Any]]] | None:
    """The last item row whose box holds the point, with its ancestor rows."""
    path: list[list[Any]] = []
    hit = None
    for row in rows:
        del path[row[0] :]
        box = row[3]
        if box is not None and row[1] in ITEM_ROLES and box[0] <= x < box[2] and box[1] <= y < box[3]:
            hit = (row, list(path))
        path.append(row)
    return hit


__all__ = ["ITEM_ROLES", "OPENER_ROLES", "POPUP_ROLES", "Popups", "tops_changed", "tops_signal"]
