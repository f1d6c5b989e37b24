"""The frame-choice rules of capture/timeline.py on made-up grab and input times (no X needed)."""

from __future__ import annotations

from demotrace.capture.screen import Grab
from demotrace.capture.timeline import AfterChoice, FrameTimeline


def grab(i: int, t0: float) -> Grab:
    return Grab(i, t0, t0 + 0.01, 0, (0, 0, 10, 10), (0, 0, 10, 10), b"", b"", None, final=True)


def ok(_g: Grab) -> bool:
    return True


def test_before_is_pinned_when_the_first_event_is_drained_and_survives_the_ring() -> None:
    tl = FrameTimeline()
    tl.add_grab(grab(1, 0.0))
    tl.add_grab(grab(2, 1.0))
    tl.note_press(1.5)
    assert tl.before(1.5, ok) == (False, None)  # not yet resolved: undecided, not a guess
    tl.resolve(1.5)
    for i in range(3, 20):  # the ring rolls over while the reducer holds the action
        tl.add_grab(grab(i, 1.5 + 0.2 * i))
    decided, g = tl.before(1.5, ok)
    assert decided and g is not None and g.id == 2


def test_after_is_the_settled_grab_when_there_was_quiet() -> None:
    tl = FrameTimeline(settle=0.3)
    tl.add_grab(grab(1, 1.1))
    tl.add_grab(grab(2, 1.35))
    tl.input_seen_upto = 2.0
    got = tl.after(1.0, ok, None, 2.0, 0.6)
    assert isinstance(got, AfterChoice) and got.grab is not None and got.grab.id == 2 and got.reason == ""


def test_after_never_shows_the_next_action() -> None:
    tl = FrameTimeline(settle=0.3)
    tl.note_press(1.2)  # the next action began 0.2 s after this one ended
    tl.add_grab(grab(1, 1.1))
    tl.add_grab(grab(2, 1.35))  # settled, but after the next action began
    tl.input_seen_upto = 2.0
    got = tl.after(1.0, ok, None, 2.0, 0.6)
    assert isinstance(got, AfterChoice) and got.grab is not None and got.grab.id == 1
    assert "newest grab before it" in got.reason


def test_no_after_frame_rather_than_a_later_moment() -> None:
    tl = FrameTimeline(settle=0.3)
    tl.note_press(1.15)
    tl.add_grab(grab(1, 1.4))
    tl.input_seen_upto = 2.0
    got = tl.after(1.0, ok, None, 2.0, 0.6)
    assert isinstance(got, AfterChoice) and got.grab is None and "before any grab" in got.reason


def test_after_waits_while_input_up_to_the_grab_is_not_yet_seen() -> None:
    tl = FrameTimeline(settle=0.3)
    tl.add_grab(grab(1, 1.35))
    tl.input_seen_upto = 1.36  # a press at 1.355 could still be on its way
    assert not isinstance(tl.after(1.0, ok, None, 1.4, 0.6), AfterChoice)


def test_before_is_none_rather_than_a_moment_without_the_previous_action() -> None:
    tl = FrameTimeline()
    tl.add_grab(grab(1, 0.0))  # mid-typing
    tl.note_press(0.30)  # Enter, 0.02 s after the last typed key (0.28): no grab in between
    tl.resolve(0.30)
    assert tl.before(0.30, ok, since=0.28 + 0.04) == (True, None)
    assert tl.before(0.30, ok) == (True, tl.ring[0])  # without the bound: the stale grab


def test_before_is_the_quick_grab_after_the_previous_action() -> None:
    tl = FrameTimeline()
    tl.add_grab(grab(1, 0.0))
    tl.add_grab(grab(2, 0.36))  # the grab 0.08 s after the last typed key
    tl.note_press(0.45)
    tl.resolve(0.45)
    decided, g = tl.before(0.45, ok, since=0.28 + 0.04)
    assert decided and g is not None and g.id == 2


def _win_grab(i: int, t0: float, window: int = 7) -> Grab:
    from demotrace.capture.screen import MaskSpec

    g = grab(i, t0)
    g.mask = MaskSpec(window, (0, 0, 10, 10))
    return g


def test_a_grab_superseded_with_no_action_between_leaves_the_ring() -> None:
    tl = FrameTimeline()
    tl.input_seen_upto = 5.0
    tl.add_grab(_win_grab(1, 1.08))  # the quick grab of a pause
    tl.add_grab(_win_grab(2, 1.30))  # the settled one: nothing happened between them
    assert [g.id for g in tl.ring] == [2]


def test_a_grab_is_kept_when_an_action_began_after_it_or_another_window_is_grabbed() -> None:
    tl = FrameTimeline()
    tl.input_seen_upto = 5.0
    tl.note_press(1.15)  # the next action began between the quick and the settled grab
    tl.add_grab(_win_grab(1, 1.08))
    tl.add_grab(_win_grab(2, 1.30))
    tl.add_grab(_win_grab(3, 2.0, window=8))
    assert [g.id for g in tl.ring] == [1, 2, 3]


def test_a_grab_is_kept_while_input_up_to_the_newer_one_is_not_yet_seen() -> None:
    tl = FrameTimeline()
    tl.input_seen_upto = 1.2
    tl.add_grab(_win_grab(1, 1.08))
    tl.add_grab(_win_grab(2, 1.30))
    assert [g.id for g in tl.ring] == [1, 2]


def test_a_long_typing_keeps_its_first_key_s_before_frame_through_many_grabs() -> None:
    tl = FrameTimeline()
    tl.add_grab(_win_grab(1, 0.5))  # the screen before the typing
    t, presses = 1.0, []
    for i in range(2, 22):  # a key every 0.15 s, a quick grab 0.08 s after each
        tl.note_press(t)
        presses.append(t)
        tl.input_seen_upto = t + 0.05
        tl.add_grab(_win_grab(i, t + 0.08))
        tl.input_seen_upto = t + 0.12
        tl.resolve(t + 0.1)
        t += 0.15
    decided, g = tl.before(presses[0], ok)
    assert decided and g is not None and g.id == 1
    assert len({g.id for _, g in tl.pins if g is not None}) <= tl.max_pinned


def test_pins_of_presses_before_an_instant_are_released() -> None:
    tl = FrameTimeline()
    tl.add_grab(_win_grab(1, 0.5))
    for t in (1.0, 1.2, 1.4):
        tl.note_press(t)
    tl.resolve(2.0)
    tl.release_before(1.3)
    assert [t for t, _ in tl.pins] == [1.4]
