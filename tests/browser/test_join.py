"""join_click: time and position rules, on hand-made DOM events."""

from __future__ import annotations

import pytest

from demotrace.capture.browser import DomEvent, bbox_distance, join_click


def ev(kind: str, t: float, bbox: tuple[int, int, int, int] | None, name: str = "x") -> DomEvent:
    target = {"source": "dom", "role": "button", "name": name, "bbox": list(bbox) if bbox else None}
    return DomEvent(kind, t, "http://demo.localhost/", "Demo", target, bbox)


@pytest.mark.parametrize(
    "x, y, expected",
    [(15, 15, 0.0), (10, 10, 0.0), (20, 20, 0.0), (23, 20, 3.0), (5, 10, 5.0), (23, 24, 5.0)],
)
def test_bbox_distance(x: int, y: int, expected: float) -> None:
    assert bbox_distance((10, 10, 20, 20), x, y) == pytest.approx(expected)


def test_inside_beats_near_and_innermost_wins() -> None:
    outer = ev("click", 1.00, (0, 0, 500, 500), "outer")
    inner = ev("click", 1.00, (100, 100, 140, 120), "inner")
    near = ev("click", 1.00, (200, 200, 210, 210), "near")
    assert join_click(120, 110, 1.0, [outer, near, inner]) is inner
    assert join_click(213, 205, 1.0, [near]) is near  # 3 px off: within tol_px
    assert join_click(230, 205, 1.0, [near]) is None


def test_time_tolerance_and_closest_in_time() -> None:
    a = ev("click", 2.0, (0, 0, 10, 10), "a")
    b = ev("click", 2.3, (0, 0, 10, 10), "b")
    assert join_click(5, 5, 2.25, [a, b]) is b
    assert join_click(5, 5, 3.0, [a, b]) is None
    assert join_click(5, 5, 3.0, [a, b], tol_s=1.0) is b


def test_non_click_kinds_are_not_joined() -> None:
    assert (
        join_click(5, 5, 1.0, [ev("focus", 1.0, (0, 0, 10, 10)), ev("scroll", 1.0, (0, 0, 10, 10))]) is None
    )


def test_native_select_pick_joins_the_following_select_option() -> None:
    opener = ev("click", 1.0, (80, 400, 200, 430), "Country")
    pick = DomEvent("select_option", 2.02, "u", "t", {"role": "option", "name": "France"}, None)
    later = DomEvent("select_option", 4.0, "u", "t", {"role": "option", "name": "Japan"}, None)
    got = join_click(120, 470, 2.0, [opener, pick, later])
    assert got is pick and got.target is not None and got.target["name"] == "France"
    assert join_click(120, 470, 3.0, [opener, pick]) is None


def test_point_is_used_when_there_is_no_bbox() -> None:
    e = DomEvent("click", 1.0, "u", "t", {"role": "generic"}, None, point=(50, 60))
    assert join_click(52, 61, 1.0, [e]) is e
    assert join_click(90, 61, 1.0, [e]) is None


def test_a_right_click_joins_its_contextmenu_not_the_auxclick_nearer_in_time() -> None:
    """Chromium fires `contextmenu` on the press and `auxclick` on the release of a right click;
    on a loaded machine the release's stamp can be the nearer one (CI, stop 29)."""
    menu = ev("contextmenu", 1.00, (0, 0, 10, 10), "btn")
    aux = ev("auxclick", 1.12, (0, 0, 10, 10), "btn")
    assert join_click(5, 5, 1.10, [menu, aux]) is menu
    assert join_click(5, 5, 1.10, [aux]) is aux  # a middle click has no contextmenu
