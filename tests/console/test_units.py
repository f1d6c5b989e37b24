"""The console's pure parts: bulk-import parsing, policy diffs, action geometry and summaries."""

from __future__ import annotations

from demotrace.console.episodes import describe, frame_point, split_episode_id
from demotrace.console.policy_edit import app_line, app_rule, diff, parse_domains, with_sites
from demotrace.schema import Step
from demotrace.schema.steps import Observation


def test_parse_domains_csv_and_lists() -> None:
    good, bad = parse_domains("domain,owner\nA.example.com,x\nhttps://b.example.org/path,y\n*.c.net,z\n")
    assert good == ["a.example.com", "b.example.org", "*.c.net"] and bad == []
    good, bad = parse_domains("one.com, two.com\nthree.com;one.com  four.io")
    assert good == ["one.com", "two.com", "three.com", "four.io"]
    good, bad = parse_domains("ok.com\n<script>.com\nex ample!.com")
    assert good == ["ok.com", "ex"] and bad == ["<script>.com", "ample!.com"]
    assert parse_domains("") == ([], [])


def test_with_sites_and_diff() -> None:
    doc = {"sites": [{"domain": "a.com"}], "apps": [], "deny": {"apps": ["k"], "confidential_terms": []}}
    new = with_sites(doc, add=["b.com", "a.com"], remove=[])
    assert [s["domain"] for s in new["sites"]] == ["a.com", "b.com"]
    assert doc["sites"] == [{"domain": "a.com"}]  # the input is not changed
    new["deny"]["confidential_terms"] = ["Blue Falcon"]
    changes = {c["section"]: c for c in diff(doc, new)}
    assert changes["sites"]["added"] == ["b.com"] and changes["sites"]["removed"] == []
    assert changes["confidential terms"]["added"] == ["Blue Falcon"]
    assert diff(new, doc)[0]["removed"] == ["b.com"]
    assert [s["domain"] for s in with_sites(new, remove=["a.com"])["sites"]] == ["b.com"]


def test_frame_point_scales_into_frame_pixels() -> None:
    obs = Observation(width=640, height=400, origin=(1280, 0), scale=0.5)
    st = Step(0, 1.0, {"type": "drag", "x": 1380, "y": 200, "to_x": 1480, "to_y": 300}, obs)
    assert frame_point(st) == {"type": "drag", "point": [50.0, 100.0], "to": [100.0, 150.0]}
    st = Step(1, 2.0, {"type": "hotkey", "keys": ["ctrl", "s"]}, obs)
    assert frame_point(st)["keys"] == ["ctrl", "s"] and describe(st.action) == "hotkey: ctrl+s"
    assert describe({"type": "type", "text": "<b>x</b>"}) == "type: <b>x</b>"  # escaped by the template


def test_episode_ids() -> None:
    assert split_episode_id("01ABC-003") == ("01ABC", 3)
    assert split_episode_id("../x-001") is None and split_episode_id("01ABC") is None


def test_app_lines_round_trip() -> None:
    for rule in ({"match": {"wm_class": "xterm"}}, {"match": {"exe": "gedit"}}):
        assert app_rule(app_line(rule)) == rule
