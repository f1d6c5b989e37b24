"""Property tests of the reducer (strategies in strategies.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.reduce import ReduceConfig, Reducer, reduce_events
from demotrace.schema import Action, ButtonEvent, KeyEvent, RawEvent, ScrollEvent

from .editor import Field
from .script import Script
from .strategies import chunkings, configs, edit_sessions, modifier_streams, streams

settings.register_profile("reduce", max_examples=300, deadline=None)
PROFILE = settings.get_profile("reduce")


def _dicts(acts: list[Action]) -> list[tuple[float, float | None, dict[str, object]]]:
    return [(a.t, a.t_end, a.to_dict()) for a in acts]


@PROFILE
@given(streams(), configs())
def test_time_ordered_and_exact_times(events: list[RawEvent], cfg: ReduceConfig) -> None:
    acts = reduce_events(events, cfg)
    ts = [a.t for a in acts]
    assert ts == sorted(ts)
    times = {ev.t for ev in events}
    for a in acts:
        assert a.t_end is not None and a.t <= a.t_end
        assert a.t in times and a.t_end in times  # both are raw events' times


@PROFILE
@given(streams(), configs())
def test_deterministic(events: list[RawEvent], cfg: ReduceConfig) -> None:
    assert _dicts(reduce_events(events, cfg)) == _dicts(reduce_events(list(events), cfg))


@PROFILE
@given(st.data(), streams(), configs())
def test_streaming_with_polls_equals_batch(
    data: st.DataObject, events: list[RawEvent], cfg: ReduceConfig
) -> None:
    plan = data.draw(chunkings(len(events)))
    r = Reducer(cfg)
    out: list[Action] = []
    prev_t = 0.0
    for (i, frac), ev in zip(plan, events, strict=True):
        if frac is not None:
            out.extend(r.poll(prev_t + frac * (ev.t - prev_t)))
        out.extend(r.feed(ev))
        prev_t = ev.t
        assert [a.t for a in out] == sorted(a.t for a in out), f"out of order after event {i}"
    out.extend(r.finish())
    assert _dicts(out) == _dicts(reduce_events(events, cfg))


@PROFILE
@given(streams(), configs())
def test_usable_after_finish(events: list[RawEvent], cfg: ReduceConfig) -> None:
    r = Reducer(cfg)
    half = len(events) // 2
    for ev in events[:half]:
        r.feed(ev)
    r.finish()
    out = [a for ev in events[half:] for a in r.feed(ev)] + r.finish()
    assert [a.t for a in out] == sorted(a.t for a in out)


@PROFILE
@given(modifier_streams(), configs())
def test_lone_modifiers_give_nothing(events: list[RawEvent], cfg: ReduceConfig) -> None:
    acts = reduce_events(events, ReduceConfig(**{**_cfg_dict(cfg), "hover_dwell": None}))
    assert acts == []


def _cfg_dict(cfg: ReduceConfig) -> dict[str, object]:
    return {f: getattr(cfg, f) for f in cfg.__dataclass_fields__}


@PROFILE
@given(streams(), configs())
def test_scroll_ticks_conserved(events: list[RawEvent], cfg: ReduceConfig) -> None:
    acts = reduce_events(events, cfg)
    ticks = [ev for ev in events if isinstance(ev, ScrollEvent)]
    scrolls = [a for a in acts if a.type == "scroll"]
    assert sum(a.dy or 0 for a in scrolls) == sum(ev.dy for ev in ticks)
    assert sum(a.dx or 0 for a in scrolls) == sum(ev.dx for ev in ticks)
    assert all(a.dx or a.dy for a in scrolls)


_WEIGHT = {"click": 1, "double_click": 2, "triple_click": 3, "drag": 1}


@PROFILE
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from((0.05, 0.2, 0.6))), max_size=30
    )
)
def test_every_left_click_counted_once(clicks: list[tuple[int, int, float]]) -> None:
    s = Script()
    for x, y, gap in clicks:
        s.wait(gap).click(x, y)
    acts = s.reduce()
    assert sum(_WEIGHT[a.type] for a in acts) == len(clicks)
    assert all(a.type in _WEIGHT for a in acts)


def _press(s: Script, op: str, char: str) -> None:
    if op == "char":
        s.text(char)
    elif op.startswith("sel_"):
        s.kdown("shift").key(op[4:]).kup("shift")
    else:
        s.key(op)


@PROFILE
@given(edit_sessions(), st.sampled_from((("", 0), ("PRE", 3), ("PREPOST", 3), ("POST", 0))))
def test_actions_replay_like_keys(ops: list[tuple[str, str]], start: tuple[str, int]) -> None:
    s = Script()
    raw = Field(*start)
    for op, char in ops:
        _press(s, op, char)
        raw.op(op, char)
    replayed = Field(*start)
    for a in s.reduce():
        replayed.action(a)
    assert replayed.state() == raw.state()


@PROFILE
@given(st.lists(st.sampled_from(("a", "b", "c", "X", "Y", " ", "BS", "BS")), max_size=50))
def test_backspace_applied(keys: list[str]) -> None:
    s = Script()
    expected: list[str] = []
    hit_empty = False
    for k in keys:
        if k == "BS":
            s.key("backspace")
            hit_empty = hit_empty or not expected
            if expected:
                expected.pop()
        else:
            s.key("space" if k == " " else k)
            expected.append(k)
    acts = s.reduce()
    field = Field("", 0)
    for a in acts:
        field.action(a)
    assert field.text == "".join(expected)
    if expected and not hit_empty:  # one run, every backspace inside it: one type action
        assert [a.to_dict() for a in acts] == [{"type": "type", "text": "".join(expected)}]


def test_strategies_make_interesting_streams() -> None:
    """Guard against strategies that silently stop covering the rules."""
    from hypothesis import find

    find(streams(), lambda evs: "double_click" in {a.type for a in reduce_events(evs)})
    find(streams(), lambda evs: "drag" in {a.type for a in reduce_events(evs)})
    find(streams(), lambda evs: "hotkey" in {a.type for a in reduce_events(evs)})
    find(
        streams(),
        lambda evs: (
            any(isinstance(e, KeyEvent) for e in evs)
            and any(isinstance(e, ButtonEvent) for e in evs)
            and len({a.type for a in reduce_events(evs)}) >= 4
        ),
    )


@PROFILE
@given(st.permutations(list(range(12))).flatmap(lambda p: st.tuples(st.just(p), streams(max_size=12))))
def test_out_of_order_input_does_not_crash(arg: tuple[list[int], list[RawEvent]]) -> None:
    """Input out of time order breaks the contract, but must not break the recorder."""
    perm, events = arg
    shuffled = [events[i] for i in perm if i < len(events)]
    acts = reduce_events(shuffled)
    assert all(a.t_end is not None and a.t <= a.t_end for a in acts)
