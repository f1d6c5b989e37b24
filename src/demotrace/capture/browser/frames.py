"""Which frames of each tab have told the bridge where their secure fields are.

The recorder masks a password only where a content script reported it, and each frame (a
cross-origin sign-in iframe too) has its own content script. A frame whose script never spoke (not
injected yet, a scheme it cannot run in, a script that never learnt the policy) would show its
password unmasked, so a tab is recorded only when every frame the browser has in it has reported
its current document's boxes (an empty list counts). The service worker lists each tab's frames
(`frames` messages, from `chrome.webNavigation`); until such a list of the current page has come,
an extension that says it sends them (`hello` with `frames`) gets its tab blocked. One that does
not (an older copy loaded by hand) keeps the older rule: the top frame must have reported.

Documents are named twice: `doc`, the service worker's port number, tells a frame's successive
content scripts apart (a late `gone` of a replaced one is dropped), and `document`, Chrome's
`documentId`, ties a report to the frame list (a frame listed with another document than the one
that reported is not measured: it navigated and its new page has not spoken yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOT_MEASURED = "page not yet measured by the extension (its secure fields unknown)"
NOT_LISTED = "page's frames not yet listed by the extension (a frame's secure fields may be unknown)"
SCRIPTABLE = frozenset({"http:", "https:", "about:", "data:", "blob:", "filesystem:"})
"""Schemes the content script can run in (manifest `matches` http(s), `match_origin_as_fallback`
for the rest when an http(s) page made them); a frame of any other (chrome-error:, an extension's
page) never reports, and keeps its tab blocked."""


def frame_unplaced(frame: int) -> str:
    """The reason a tab is blocked for a frame that has secure fields it cannot place on screen (a
    child frame whose parent has not yet told it where it is)."""
    return f"frame {frame} of the page has secure fields the extension cannot place on screen yet"


def frame_not_measured(frame: int, scheme: str) -> str:
    """The reason a tab is blocked for one of its child frames."""
    if scheme and scheme not in SCRIPTABLE:
        return (
            f"frame {frame} of the page is a {scheme} document, where the extension's content script "
            "cannot run (its secure fields unknown)"
        )
    return f"frame {frame} of the page not yet measured by the extension (its secure fields unknown)"


@dataclass(frozen=True)
class Frame:
    id: int
    document: str  # Chrome's documentId; "" when not known
    scheme: str  # "https:", "chrome-error:", ...; "" when not known


@dataclass(frozen=True)
class _Report:
    doc: int  # the service worker's port number
    document: str
    unplaced: bool  # secure fields on show that the report could not box: it vouches for nothing


@dataclass
class FrameGate:
    """Per extension connection: each frame's reporting document and each tab's frame list."""

    lists_frames: bool = False
    """The extension sends frame lists: a tab without one of its current page is blocked."""
    reports: dict[tuple[int, int], _Report] = field(default_factory=dict)
    lists: dict[int, tuple[float, tuple[Frame, ...]]] = field(default_factory=dict)
    """tab → (the worker's stamp when it asked for the list, its frames)."""

    def reported(self, key: tuple[int, int], doc: int, document: str, unplaced: bool = False) -> None:
        self.reports[key] = _Report(doc, document, unplaced)

    def gone(self, key: tuple[int, int], doc: int) -> bool:
        """The document `doc` left frame `key`; False (and nothing changes) when a newer document
        has already reported there: its report and boxes stand."""
        r = self.reports.get(key)
        if r is None or r.doc != doc:
            return False
        del self.reports[key]
        return True

    def listed(self, tab: int, t: float, frames: list[Any]) -> None:
        """A frame list of `tab` the worker asked for at `t` (epoch ms). One asked for earlier
        than the list held is dropped: it may lack a frame added since. An empty one (the tab
        closed) forgets the tab."""
        held = self.lists.get(tab)
        if held is not None and t < held[0]:
            return
        parsed = tuple(_frame(f) for f in frames if isinstance(f, dict))
        if not parsed:
            self.lists.pop(tab, None)
            return
        self.lists[tab] = (t, parsed)

    def why_blocked(self, tab: int) -> str | None:
        """None when every frame of `tab` has reported its current document, else why not."""
        top = self.reports.get((tab, 0))
        if top is None:
            return NOT_MEASURED
        for (t, frame), rep in self.reports.items():
            if t == tab and rep.unplaced:
                return frame_unplaced(frame)
        held = self.lists.get(tab)
        if held is None:
            return NOT_LISTED if self.lists_frames else None
        frames = held[1]
        listed_top = next((f for f in frames if f.id == 0), None)
        if listed_top is None:
            return NOT_LISTED
        for f in frames:
            r = self.reports.get((tab, f.id))
            if r is None or (f.document and r.document and f.document != r.document):
                return NOT_MEASURED if f.id == 0 else frame_not_measured(f.id, f.scheme)
        return None


def _frame(d: dict[str, Any]) -> Frame:
    try:
        fid = int(d.get("frame"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        fid = -1  # never reports: the tab stays blocked (fail closed)
    return Frame(fid, str(d.get("document") or ""), str(d.get("scheme") or ""))
