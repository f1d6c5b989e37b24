"""Issue 10, item 5: nothing textual escapes the redactor. A click on a page full of PII — its
target with nested control, option list, ancestor path, selectors, an href; a title and a URL
with PII and an IP host — goes through the recorder's StepWriter into a real bundle, and no
string anywhere in the stored step still holds any of the PII (a walk over every string).

The DOM event is the extension's (DomEvent, as the bridge parses it); the bridge itself is
replaced by the list of its events, the one thing StepWriter asks of it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.bundle import BundleReader, BundleWriter
from demotrace.capture.browser.model import DomEvent
from demotrace.capture.stepwriter import StepWriter
from demotrace.redact import TextRedactor
from demotrace.redact.fields import FieldRedactor
from demotrace.schema import Action, WindowContext
from tests.pipeline.builders import meta

# each is found by the text redactor wherever it stands (checked below, on its own)
PII = [
    "priya.raman@example.com",
    "4539 1488 0343 6467",
    "Priya Raman",
    "+1 415 555 0132",
    "078-05-1120",
    "10.20.30.40",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
]
FILLER = ["Send to", "option", "#user-", "div.card >", "Account of", "", "label"]


class Events:
    """What StepWriter asks of the browser bridge: the DOM events of a time window."""

    def __init__(self, events: list[DomEvent]) -> None:
        self.events = events

    def events_between(self, t0: float, t1: float) -> list[DomEvent]:
        return [e for e in self.events if t0 <= e.t <= t1]


def strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield str(k)
            yield from strings(x)
    elif isinstance(v, list | tuple):
        for x in v:
            yield from strings(x)


def pii_text(draw: st.DrawFn) -> str:
    return f"{draw(st.sampled_from(FILLER))} {draw(st.sampled_from(PII))}".strip()


@st.composite
def pii_leaf(draw: st.DrawFn) -> str:
    return pii_text(draw)


PII_TREE = st.recursive(
    pii_leaf(),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["label", "value", "text", "aria", "data-x"]), inner, max_size=3),
    ),
    max_leaves=12,
)


@st.composite
def pii_target(draw: st.DrawFn) -> dict[str, Any]:
    leaf = pii_leaf()
    return {
        "source": "dom",
        "role": draw(st.sampled_from(["option", "button", "link", "combobox"])),
        "tag": "a",
        "name": draw(leaf),
        "selector": f"#{draw(leaf)} > li.opt",
        "id": draw(leaf),
        "title": draw(leaf),
        "placeholder": draw(leaf),
        "href": f"http://10.1.2.3:8080/people/{draw(leaf)}?mail={draw(st.sampled_from(PII))}",
        "bbox": [100, 100, 300, 130],
        "control": {"role": "combobox", "name": draw(leaf), "selector": f"select#{draw(leaf)}"},
        "options": draw(st.lists(leaf, min_size=1, max_size=5)),
        "ancestors": draw(st.lists(st.fixed_dictionaries({"role": leaf, "name": leaf}), max_size=3)),
        "extra": draw(PII_TREE),
    }


def test_every_pii_sample_is_found_alone() -> None:
    r = TextRedactor()
    for p in PII:
        red = r.redact(f"x {p} y")
        assert red.text is not None and p not in red.text, (p, red)


_REDACTOR = TextRedactor(host_allowed=lambda h: h == "127.0.0.1")


@settings(max_examples=12, deadline=None)
@given(target=pii_target(), title_pii=st.sampled_from(PII), url_pii=st.sampled_from(PII))
def test_no_string_of_a_stored_step_holds_pii(target: dict[str, Any], title_pii: str, url_pii: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check_step(Path(tmp), target, title_pii, url_pii)


def check_step(tmp: Path, target: dict[str, Any], title_pii: str, url_pii: str) -> None:
    w = BundleWriter(tmp / "spool", meta("01J0000000000000000000STEP"), None)
    url = f"http://127.0.0.1:8123/inbox/{url_pii}?q={url_pii}#{url_pii}"
    ev = DomEvent(kind="click", t=1.0, url=url, title="t", target=target, screen_bbox=(100, 100, 300, 130))
    sw = StepWriter(w, _REDACTOR, frames_enabled=False, browser=Events([ev]))
    ctx = WindowContext(
        window_id=7,
        wm_instance="chromium",
        wm_class="Chromium",
        title=f"Inbox - {title_pii} - Chromium",
        url=url,
    )
    sw.add(Action(type="click", t=1.0, x=150, y=110, button="left"), ctx, mono0=0.0)
    sw.add(Action(type="type", t=2.0, t_end=2.5, text=f"write to {title_pii}"), ctx, mono0=0.0)
    assert sw.pump(now=10.0, force=True) == 2
    w.close()
    steps = list(BundleReader(w.root).records("step"))
    assert len(steps) == 2
    for s in steps:
        leaks = [x for x in strings(s) for p in PII if p in x]
        assert leaks == [], leaks
        assert "127.0.0.1:8123" in s["context"]["url"]  # an allowlisted host is not PII
    click = steps[0]
    assert click["target"]["control"]["name"] is not None
    assert any(r["field"] == "target.control.name" for r in click["redactions"])


def test_field_redactor_drops_confidential_items_anywhere() -> None:
    fr = FieldRedactor(TextRedactor(confidential_terms=["Project Nightingale"]))
    out, found = fr.tree({"options": ["ok", "Project Nightingale plan"], "a": {"b": ["fine"]}}, "target")
    assert out == {"options": ["ok", None], "a": {"b": ["fine"]}}
    assert found == [{"field": "target.options[]", "kind": "CONFIDENTIAL_TERM"}]


class Trees:
    """What StepWriter asks of the accessibility source (capture/a11y/, driven for real in
    test_recorder_a11y*.py): a target, the focus, and each step's tree, here a new one per step."""

    def __init__(self, trees: list[list[list[Any]]]) -> None:
        self.trees = trees

    def target_at(self, t: float, pid: int | None) -> None:
        return None

    def focus_at(self, t: float, pid: int | None) -> None:
        return None

    def tree_for(self, pid: int | None) -> list[list[Any]]:
        return self.trees.pop(0)


def test_accessibility_names_are_redacted_also_when_their_memo_starts_over(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """Tree names are redacted in one batch per step and remembered; when the memo is full it
    starts over. Every stored name must still be the redacted one: the memo once started over
    right after storing a name and then fell back to the raw name."""
    import demotrace.capture.stepwriter as stepwriter

    monkeypatch.setattr(stepwriter, "TREE_NAMES_KEPT", 5)
    trees = [
        [[1, "label", f"Row {i}.{j}: write to {PII[(i + j) % len(PII)]}", None, []] for j in range(3)]
        + [[1, "button", "Send", None, []], [2, "label", "", None, []]]
        for i in range(6)
    ]
    w = BundleWriter(tmp_path / "spool", meta("01J0000000000000000000TREE"), None)
    sw = StepWriter(w, _REDACTOR, frames_enabled=False, a11y=Trees(trees))
    ctx = WindowContext(window_id=9, wm_instance="gedit", wm_class="Gedit", title="Notes", pid=42)
    for i in range(6):
        sw.add(Action(type="click", t=1.0 + i, x=10, y=10, button="left"), ctx, mono0=0.0)
    assert sw.pump(now=20.0, force=True) == 6
    w.close()
    steps = list(BundleReader(w.root).records("step"))
    names = [n[2] for s in steps for n in s["observation"]["accessibility_tree"]]
    assert len(names) == 30 and names.count("Send") == 6 and names.count("") == 6
    assert [x for x in names for p in PII if p in x] == []
    assert sum("Row" in x and "[" in x for x in names) == 18  # each PII row kept, redacted
