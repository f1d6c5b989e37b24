"""Units of the accessibility source that need no bus: state bits, mask detection, the toolkit
switches, a missing session bus, the input tap, and OSWorld's linearized tree."""

from __future__ import annotations

import pytest

from demotrace.capture.a11y import BusUnavailable, ensure_bus, toolkit_env
from demotrace.capture.a11y.atspi import is_masked, states_of
from demotrace.capture.a11y.popups import tops_signal as _tops_signal
from demotrace.capture.a11y.source import A11ySource
from demotrace.capture.recorder import TappedQueue
from demotrace.pipeline.export.osworld import linearized_tree
from demotrace.schema import Observation, Step


def test_states_from_both_words() -> None:
    focused, showing, checkable = 12, 25, 41  # AtspiStateType values
    bits = [(1 << focused) | (1 << showing), 1 << (checkable - 32)]
    assert states_of(bits) == ["focused", "showing", "checkable"]
    assert states_of([0, 0]) == []


@pytest.mark.parametrize(
    ("text", "masked"),
    [("●●●", True), ("•", True), ("", False), ("ab●", False), ("hunter2", False)],
)
def test_masked_text(text: str, masked: bool) -> None:
    assert is_masked(text) is masked


def test_toolkit_env_turns_toolkits_on() -> None:
    env = toolkit_env({"NO_AT_BRIDGE": "1", "GTK_A11Y": "none", "HOME": "/h"})
    assert "NO_AT_BRIDGE" not in env and "GTK_A11Y" not in env and env["HOME"] == "/h"
    assert env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] == "1"


def test_no_session_bus_is_a_clear_reason() -> None:
    with pytest.raises(BusUnavailable, match="no D-Bus session bus"):
        ensure_bus({"PATH": "/usr/bin"})
    with pytest.raises(BusUnavailable, match="session bus unreachable"):
        ensure_bus({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})


def test_tap_sees_presses_only_and_never_blocks() -> None:
    src = A11ySource()
    src.why = ""  # as if the bus were up; no worker runs: requests pile up to the bound
    q = TappedQueue(src.tap)
    q.append(("m", 1.0, 5, 5))
    q.append(("b", 1.1, 5, 5, "left", False))
    assert src._requests.qsize() == 0
    for i in range(40):
        q.append(("b", 2.0 + i, 5, 5, "left", True))
    assert src._requests.qsize() == 32 and src.counts["dropped_full"] == 8
    assert len(q) == 42  # the recorder's queue got every event
    src.stop()


def test_tops_signals() -> None:
    assert _tops_signal("Activate", "/org/a11y/atspi/accessible/20", ("", 0, 0))
    assert _tops_signal("ChildrenChanged", "/org/a11y/atspi/accessible/root", ("add", 1, 0))
    assert not _tops_signal("ChildrenChanged", "/org/a11y/atspi/accessible/7", ("add", 1, 0))
    assert _tops_signal("StateChanged", "/x", ("active", 1, 0))
    assert not _tops_signal("StateChanged", "/x", ("focused", 1, 0))


def test_osworld_linearized_tree_in_screenshot_pixels() -> None:
    rows = [
        [0, "frame", "Demo form", [40, 40, 460, 400], ["active"]],
        [1, "push button", "Save draft", [52, 87, 448, 121], ["focusable"]],
        [1, "menu", "", None, []],
    ]
    step = Step(index=0, t=0.0, action={"type": "click"}, observation=Observation(origin=(40, 0)))
    text = linearized_tree(rows, step)
    lines = text.splitlines()
    assert lines[0].startswith("tag\tname")
    assert lines[1:] == [
        "frame\tDemo form\t(0, 40)\t(420, 360)",
        "push button\tSave draft\t(12, 87)\t(396, 34)",
    ]
