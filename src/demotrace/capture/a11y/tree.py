"""A compact, bounded accessibility tree of one window (the observation OSWorld calls
`accessibility_tree`), read level by level with pipelined calls (one wait per level).

Each node: `[depth, role, name, [x0, y0, x1, y1] | None, [states]]`, in document order, depth
≤ `max_depth`, at most `max_nodes` nodes; nodes that are not showing are left out with their
subtrees (closed menus, hidden pages). Names are raw here: the step writer passes them through
the text redactor before anything is stored. The scan also returns the window's password fields
(their boxes are masked) and the focused node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jeepney import DBusAddress, Properties

from .atspi import ACC, COMP, KEPT_STATES, SCREEN, AtspiClient, Node, Ref, states_of

MAX_DEPTH = 8
MAX_NODES = 300


@dataclass
class TreeScan:
    nodes: list[list[Any]] = field(default_factory=list)
    secure_boxes: list[list[int]] = field(default_factory=list)
    focused: Node | None = None
    truncated: bool = False


def scan_tree(
    client: AtspiClient, root: Ref, deadline: float, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES
) -> TreeScan:
    out = TreeScan()
    level: list[tuple[Ref, list[Any]]] = [(root, [])]
    order: list[tuple[list[Any], list[Any]]] = []  # (node row, its children rows) for ordering
    top: list[Any] = []
    level = [(root, top)]
    depth = 0
    count = 0
    while level and depth <= max_depth:
        msgs = []
        for ref, _ in level:
            msgs += [
                client.m(ref, ACC, "GetRoleName"),
                Properties(DBusAddress(ref[1], bus_name=ref[0], interface=ACC)).get("Name"),
                client.m(ref, ACC, "GetState"),
                client.m(ref, COMP, "GetExtents", "u", (SCREEN,)),
                client.m(ref, ACC, "GetChildren"),
            ]
        replies = client.call_many(msgs, deadline)
        nxt: list[tuple[Ref, list[Any]]] = []
        for i, (ref, siblings) in enumerate(level):
            role_r, name_r, state_r, ext_r, kids_r = replies[i * 5 : i * 5 + 5]
            states = states_of(list(state_r[0])) if state_r else []
            if depth > 0 and "showing" not in states:
                continue
            if count >= max_nodes:
                out.truncated = True
                break
            count += 1
            role = str(role_r[0]) if role_r else ""
            name = str(name_r[0][1]) if name_r else ""
            bbox = None
            if ext_r:
                x, y, w, h = ext_r[0]
                if w > 1 and h > 1 and x > -100000:
                    bbox = [int(x), int(y), int(x + w), int(y + h)]
            kept = [s for s in states if s in KEPT_STATES]
            children: list[Any] = []
            row = [depth, role, name, bbox, kept]
            siblings.append((row, children))
            node = Node(ref, role, name, kept, bbox)
            if role == "password text" and bbox is not None:
                out.secure_boxes.append(bbox)
            if "focused" in kept:
                out.focused = node
            if kids_r and depth < max_depth:
                nxt += [((str(n), str(p)), children) for n, p in kids_r[0]]
            elif kids_r and kids_r[0]:
                out.truncated = True
        level = nxt
        depth += 1
    del order
    _flatten(top, out.nodes)
    return out


def _flatten(items: list[Any], out: list[list[Any]]) -> None:
    for row, children in items:
        out.append(row)
        _flatten(children, out)


__all__ = ["MAX_DEPTH", "MAX_NODES", "TreeScan", "scan_tree"]
