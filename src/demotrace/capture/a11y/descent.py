"""From a screen point to the accessible under it: the descent through an app's frames.

Worker thread only (the source's). Holds what the descent caches per app: its on-screen
top-level accessibles (`frames`, the active one first) and the connections that did not answer
(`hung`, left alone for HUNG_FOR seconds). Popups are handled with `popups.Popups`: an item of a
popup that was open at the press is answered from its snapshot (`snap_popup` reads it when the
popup opens), and the press that opened a popup is the opener's (`OPENER_ROLES`).
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from jeepney import Message

from .atspi import AtspiClient, CallFailed, Deadline, Ref, a11y_target
from .popups import OPENER_ROLES, POPUP_ROLES, Popups, tops_changed
from .tree import scan_tree

HUNG_FOR = 10.0
"""A bus connection that did not list its windows in SILENT_AFTER s is left alone this long."""
SILENT_AFTER = 0.1
ROOT = "/org/a11y/atspi/accessible/root"


@dataclass
class Descent:
    client: AtspiClient
    signals: deque[tuple[float, Message]]
    """The source's signals not yet handled (popups opened or closed since the press)."""
    popups: Popups = field(default_factory=Popups)
    frames: dict[str, list[Ref]] = field(default_factory=dict)
    hung: dict[str, float] = field(default_factory=dict)
    problem: tuple[float, str] | None = None
    """(monotonic time, what) when the app in front did not list its windows in time."""

    def forget(self, name: str) -> None:
        self.frames.pop(name, None)

    def at_point(
        self,
        x: int,
        y: int,
        deadline: float,
        apps: list[tuple[int, str]],
        front: int,
        press: float | None = None,
    ) -> tuple[int, dict[str, Any]] | None:
        """(pid, target) of the deepest accessible at (x, y), asking `apps` (pid, bus name) in
        order. Raises Deadline past `deadline`."""
        client = self.client
        pid_of = {name: pid for pid, name in apps}
        opened = tops_changed(self.signals, press, self.frames) if press is not None else set()
        if press is not None and (hit := self.popups.item_at(x, y, press, self.signals)) is not None:
            name, target = hit
            if name in pid_of:
                return pid_of[name], target
        now = time.monotonic()
        for pid, name in apps:
            if self.hung.get(name, 0) > now:
                continue
            try:
                try:
                    frames = self.frames_of(name, min(deadline, time.monotonic() + SILENT_AFTER))
                except Deadline:  # a connection that never answers (not an app): left alone
                    self.hung[name] = time.monotonic() + HUNG_FOR
                    if pid == front:
                        self.problem = (time.monotonic(), f"the app in front (pid {pid}) does not answer")
                    continue
                if name in opened:  # not the popup this press opened: the control that opened it
                    frames = [r for r in frames if client.role(r, deadline) not in POPUP_ROLES]
                for frame in frames:
                    chain = [frame]
                    while len(chain) < 24 and (nxt := client.at_point(chain[-1], x, y, deadline)):
                        if nxt == chain[-1]:
                            break
                        chain.append(nxt)
                    if len(chain) == 1:
                        continue
                    nodes = client.nodes(chain, deadline)
                    if press is not None:  # signals that came while the app answered
                        opened |= tops_changed(self.signals, press, self.frames)
                    if name in opened:
                        cut = next((i for i, n in enumerate(nodes) if n.role in OPENER_ROLES), None)
                        if cut is not None:
                            chain, nodes = chain[: cut + 1], nodes[: cut + 1]
                    if not nodes[-1].name:  # an entry named by its label (labelled-by)
                        nodes[-1].name = client.name(chain[-1], deadline)
                    app = str(client.prop((name, ROOT), "Name", deadline))
                    return pid, a11y_target(nodes[-1], nodes[:-1], app)
            except CallFailed:
                self.frames.pop(name, None)
        return None

    def snap_popup(self, name: str, budget: float) -> None:
        """Read the items of the app's popup that just opened (bounded, off the lookup path)."""
        client = self.client
        deadline = time.monotonic() + budget
        try:
            self.frames.pop(name, None)
            for ref in self.frames_of(name, deadline):
                if client.role(ref, deadline) in POPUP_ROLES:
                    rows = scan_tree(client, ref, deadline, max_depth=4, max_nodes=100).nodes
                    app = str(client.prop((name, ROOT), "Name", deadline))
                    self.popups.snap[name] = (time.monotonic(), rows, app)
                    return
        except (Deadline, CallFailed):
            return

    def frames_of(self, name: str, deadline: float) -> list[Ref]:
        """The app's top-level accessibles that are on screen, the active one first."""
        frames = self.frames.get(name)
        if frames is None:
            found = []
            for r in self.client.children((name, ROOT), deadline):
                st = self.client.states(r, deadline)
                if "showing" in st:
                    found.append((0 if "active" in st else 1, r))
            frames = [r for _, r in sorted(found)]
            self.frames[name] = frames
        return frames


__all__ = ["HUNG_FOR", "SILENT_AFTER", "Descent"]
