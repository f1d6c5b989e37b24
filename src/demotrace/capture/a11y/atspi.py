"""A small AT-SPI client over the D-Bus protocol (jeepney, pure Python; no compiled bindings).

One connection to the accessibility bus, owned by one thread (capture/a11y/source.py). Every
call carries a deadline: a lookup gives up as a whole once its deadline passes (an app that
hangs costs at most that). Signals that arrive while a call waits are handed to `on_signal`.

What is read (the AT-SPI D-Bus interfaces, as at-spi2-core 2.46 documents them):
`org.a11y.atspi.Accessible` (GetRoleName, GetState, GetChildren, GetRelationSet, the Name /
Description / Parent properties) and `org.a11y.atspi.Component` (GetExtents,
GetAccessibleAtPoint) with screen coordinates (coord type 0).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, HeaderFields, Message, MessageType, Properties, new_method_call
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ACC = "org.a11y.atspi.Accessible"
COMP = "org.a11y.atspi.Component"
ROOT = "/org/a11y/atspi/accessible/root"
NULL = "/org/a11y/atspi/null"
SCREEN = 0
LABELLED_BY = 2
STATE_NAMES = [
    "invalid",
    "active",
    "armed",
    "busy",
    "checked",
    "collapsed",
    "defunct",
    "editable",
    "enabled",
    "expandable",
    "expanded",
    "focusable",
    "focused",
    "has-tooltip",
    "horizontal",
    "iconified",
    "modal",
    "multi-line",
    "multiselectable",
    "opaque",
    "pressed",
    "resizable",
    "selectable",
    "selected",
    "sensitive",
    "showing",
    "single-line",
    "stale",
    "transient",
    "vertical",
    "visible",
    "manages-descendants",
    "indeterminate",
    "required",
    "truncated",
    "animated",
    "invalid-entry",
    "supports-autocompletion",
    "selectable-text",
    "is-default",
    "visited",
    "checkable",
    "has-popup",
    "read-only",
]
KEPT_STATES = frozenset(
    [
        "active",
        "checked",
        "editable",
        "expanded",
        "focused",
        "pressed",
        "selected",
        "sensitive",
        "showing",
        "visible",
        "indeterminate",
        "read-only",
        "checkable",
        "expandable",
    ]
)
EVENT_NAMES = ("object:state-changed", "object:children-changed", "object:text-changed", "window:activate")
MASK_CHARS = frozenset("●•∗*⚫◼■")
"""What a toolkit shows for each character of a password (Qt's echo mode Password: ●)."""
Ref = tuple[str, str]
"""(bus name, object path) of one accessible."""


class Deadline(TimeoutError):
    """The lookup's time ran out."""


class CallFailed(Exception):
    """The app answered with a D-Bus error (no such object, no such interface)."""


def is_masked(text: str) -> bool:
    return bool(text) and all(c in MASK_CHARS for c in text)


def states_of(bits: list[int]) -> list[str]:
    out = []
    for word, value in enumerate(bits[:2]):
        for i in range(32):
            if value >> i & 1:
                n = word * 32 + i
                if n < len(STATE_NAMES):
                    out.append(STATE_NAMES[n])
    return out


@dataclass
class Node:
    ref: Ref
    role: str
    name: str
    states: list[str]
    bbox: list[int] | None
    """[x0, y0, x1, y1] in screen pixels; None when the toolkit has no place for it."""
    description: str = ""


class AtspiClient:
    def __init__(self, address: str, on_signal: Callable[[Message], None] | None = None) -> None:
        self.conn: DBusConnection = open_dbus_connection(address)
        self.on_signal = on_signal or (lambda m: None)
        self.calls = 0
        self.call_s = 0.0
        self._roles: dict[Ref, str] = {}
        """Role names never change for an object path: cached until the app leaves the bus."""

    def close(self) -> None:
        self.conn.close()

    # -- plumbing -------------------------------------------------------------------------------
    def call(self, msg: Message, deadline: float) -> tuple[Any, ...]:
        reply = self._exchange([msg], deadline)[0]
        if reply.header.message_type == MessageType.error:
            raise CallFailed(str(reply.header.fields.get(HeaderFields.error_name)))
        return tuple(reply.body)

    def call_many(self, msgs: list[Message], deadline: float) -> list[tuple[Any, ...] | None]:
        """Send every message, then collect the replies (one wait for all: a tree level at once).
        A D-Bus error gives None in its place."""
        return [
            None if r.header.message_type == MessageType.error else tuple(r.body)
            for r in self._exchange(msgs, deadline)
        ]

    def _exchange(self, msgs: list[Message], deadline: float) -> list[Message]:
        """Send the messages, wait for their replies (in the messages' order); the signals that
        arrive meanwhile go to `on_signal`. Raises Deadline past `deadline`."""
        t0 = time.perf_counter()
        self.calls += len(msgs)
        index: dict[int, int] = {}
        for i, msg in enumerate(msgs):
            serial = next(self.conn.outgoing_serial)
            self.conn.send_message(msg, serial=serial)
            index[serial] = i
        out: list[Message | None] = [None] * len(msgs)
        left_n = len(msgs)
        try:
            while left_n:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Deadline
                try:
                    m = self.conn.receive(timeout=left)
                except TimeoutError as e:
                    raise Deadline from e
                i = index.get(m.header.fields.get(HeaderFields.reply_serial, -1), -1)
                if i >= 0:
                    left_n -= 1
                    out[i] = m
                elif m.header.message_type == MessageType.signal:
                    self.on_signal(m)
            return [m for m in out if m is not None]
        finally:
            self.call_s += time.perf_counter() - t0

    def pump(self) -> None:
        """Hand every signal already received to `on_signal` (never waits)."""
        while True:
            try:
                m = self.conn.receive(timeout=0)
            except TimeoutError:
                return
            if m.header.message_type == MessageType.signal:
                self.on_signal(m)

    def fileno(self) -> int:
        return int(self.conn.sock.fileno())

    def m(
        self, ref: Ref, iface: str, method: str, sig: str | None = None, body: tuple[Any, ...] = ()
    ) -> Message:
        return new_method_call(DBusAddress(ref[1], bus_name=ref[0], interface=iface), method, sig, body)

    def subscribe(self, deadline: float) -> None:
        """Ask apps to send the change events we invalidate on (the registry tells them)."""
        reg = DBusAddress(
            "/org/a11y/atspi/registry",
            bus_name="org.a11y.atspi.Registry",
            interface="org.a11y.atspi.Registry",
        )
        for ev in EVENT_NAMES:
            try:
                self.call(new_method_call(reg, "RegisterEvent", "sass", (ev, [], "")), deadline)
            except CallFailed:  # older registries: RegisterEvent(s)
                self.call(new_method_call(reg, "RegisterEvent", "s", (ev,)), deadline)
        for iface in ("org.a11y.atspi.Event.Object", "org.a11y.atspi.Event.Window"):
            self.call(message_bus.AddMatch(MatchRule(type="signal", interface=iface)), deadline)
        rule = MatchRule(type="signal", interface="org.freedesktop.DBus", member="NameOwnerChanged")
        self.call(message_bus.AddMatch(rule), deadline)

    # -- reads ----------------------------------------------------------------------------------
    def app_pids(self, deadline: float) -> dict[int, str]:
        """pid → bus name of every app on the accessibility bus (not the registry, not us)."""
        out: dict[int, str] = {}
        skip = {self.conn.unique_name}  # ourselves (a call to us would never be answered)
        try:
            skip.add(self.call(message_bus.GetNameOwner("org.a11y.atspi.Registry"), deadline)[0])
        except CallFailed:
            pass
        for name in self.call(message_bus.ListNames(), deadline)[0]:
            if not name.startswith(":") or name in skip:
                continue
            try:
                pid = self.call(message_bus.GetConnectionUnixProcessID(name), deadline)[0]
            except CallFailed:
                continue
            out.setdefault(int(pid), name)
        return out

    def children(self, ref: Ref, deadline: float) -> list[Ref]:
        return [(str(n), str(p)) for n, p in self.call(self.m(ref, ACC, "GetChildren"), deadline)[0]]

    def role(self, ref: Ref, deadline: float) -> str:
        r = self._roles.get(ref)
        if r is None:
            r = str(self.call(self.m(ref, ACC, "GetRoleName"), deadline)[0])
            self._roles[ref] = r
        return r

    def forget(self, bus_name: str) -> None:
        self._roles = {k: v for k, v in self._roles.items() if k[0] != bus_name}

    def prop(self, ref: Ref, name: str, deadline: float) -> Any:
        msg = Properties(DBusAddress(ref[1], bus_name=ref[0], interface=ACC)).get(name)
        return self.call(msg, deadline)[0][1]

    def states(self, ref: Ref, deadline: float) -> list[str]:
        return states_of(list(self.call(self.m(ref, ACC, "GetState"), deadline)[0]))

    def bbox(self, ref: Ref, deadline: float) -> list[int] | None:
        try:
            x, y, w, h = self.call(self.m(ref, COMP, "GetExtents", "u", (SCREEN,)), deadline)[0]
        except CallFailed:
            return None
        if w <= 1 or h <= 1 or x < -100000 or y < -100000:
            return None
        return [int(x), int(y), int(x + w), int(y + h)]

    def at_point(self, ref: Ref, x: int, y: int, deadline: float) -> Ref | None:
        try:
            (n, p), *_ = self.call(self.m(ref, COMP, "GetAccessibleAtPoint", "iiu", (x, y, SCREEN)), deadline)
        except CallFailed:
            return None
        if p == NULL or not n:
            return None
        return (str(n), str(p))

    def name(self, ref: Ref, deadline: float) -> str:
        """The accessible name, else the text of what labels it (a GTK entry's mnemonic label)."""
        name = str(self.prop(ref, "Name", deadline) or "")
        if name:
            return name
        try:
            rels = self.call(self.m(ref, ACC, "GetRelationSet"), deadline)[0]
        except CallFailed:
            return ""
        for kind, targets in rels:
            if kind == LABELLED_BY and targets:
                return str(self.prop((str(targets[0][0]), str(targets[0][1])), "Name", deadline) or "")
        return ""

    def nodes(self, refs: list[Ref], deadline: float) -> list[Node]:
        """Role, name, states and box of each accessible, all asked at once (one wait)."""
        msgs: list[Message] = []
        for ref in refs:
            acc = DBusAddress(ref[1], bus_name=ref[0], interface=ACC)
            msgs += [
                self.m(ref, ACC, "GetRoleName"),
                Properties(acc).get("Name"),
                self.m(ref, ACC, "GetState"),
                self.m(ref, COMP, "GetExtents", "u", (SCREEN,)),
            ]
        replies = self.call_many(msgs, deadline)
        out = []
        for i, ref in enumerate(refs):
            role_r, name_r, state_r, ext_r = replies[i * 4 : i * 4 + 4]
            bbox = None
            if ext_r:
                x, y, w, h = ext_r[0]
                if w > 1 and h > 1 and x > -100000 and y > -100000:
                    bbox = [int(x), int(y), int(x + w), int(y + h)]
            states = states_of(list(state_r[0])) if state_r else []
            role = str(role_r[0]) if role_r else ""
            out.append(
                Node(
                    ref,
                    role,
                    str(name_r[0][1]) if name_r else "",
                    [s for s in states if s in KEPT_STATES],
                    bbox,
                )
            )
        return out

    def masked_text(self, ref: Ref, deadline: float) -> bool:
        """The text field shows only mask characters (a password field that the toolkit does not
        give the password-text role: Qt's QLineEdit in Password echo mode)."""
        try:
            text = str(self.call(self.m(ref, "org.a11y.atspi.Text", "GetText", "ii", (0, -1)), deadline)[0])
        except CallFailed:
            return False
        return is_masked(text)

    def node(self, ref: Ref, deadline: float, description: bool = False) -> Node:
        n = Node(ref, self.role(ref, deadline), self.name(ref, deadline), [], None)
        n.states = [s for s in self.states(ref, deadline) if s in KEPT_STATES]
        n.bbox = self.bbox(ref, deadline)
        if description:
            n.description = str(self.prop(ref, "Description", deadline) or "")
        return n


def a11y_target(node: Node, ancestors: list[Node], app: str) -> dict[str, Any]:
    """The DOM-target-shaped record (DESIGN.md, "source": "a11y")."""
    t: dict[str, Any] = {"source": "a11y", "role": node.role, "name": node.name}
    if node.description:
        t["description"] = node.description
    t["states"] = node.states
    if node.bbox is not None:
        t["bbox"] = node.bbox
    if ancestors:
        t["path"] = [{"role": a.role, "name": a.name} for a in ancestors]
    if app:
        t["app"] = app
    return t


__all__ = ["AtspiClient", "CallFailed", "Deadline", "Node", "Ref", "a11y_target", "states_of"]
