"""The trainer: the queue of released episodes, the replay viewer driven by the keyboard, an
edited instruction and a rejected episode, both reflected by `demotrace export`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.pipeline.builders import EPISODE_1
from tests.server.helpers import CLI

from .conftest import World
from .world import audit_actions, chromium, staff_url


def _export(data_dir: Path, out: Path, fmt: str = "native") -> str:
    r = subprocess.run(
        [*CLI, "export", str(data_dir), "--format", fmt, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout + r.stderr


def test_replay_edit_reject_and_export(world: World, tmp_path: Path) -> None:
    svc = world.svc
    sid = world.alice.sessions[0]
    first, second = f"{sid}-000", f"{sid}-001"
    with chromium() as ctx:
        page = ctx.new_page()
        page.goto(staff_url(svc, "trainer", "tom"))
        assert page.url.endswith("/console/review")
        queue = page.text_content("main") or ""
        assert first in queue and second in queue and f"{world.bob.sessions[0]}-000" in queue
        page.get_by_role("link", name=first).click()
        page.wait_for_url(f"**/console/review/episodes/{first}")
        replay = page.locator("#replay")
        assert replay.get_attribute("data-index") == "0"
        assert page.locator("#overlay circle").count() == 1  # the first action is a click: its point drawn
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert replay.get_attribute("data-index") == "2"
        assert page.text_content("#pos") == f"3 / {len(EPISODE_1)}"
        page.keyboard.press("ArrowRight")  # past the secure_input marker to the key step: one chip
        assert replay.get_attribute("data-index") == "3"
        assert page.locator("#keys kbd").count() == 1
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        assert replay.get_attribute("data-index") == "1"
        assert "hello world" in (page.text_content("#what") or "")  # typed text shown
        last = str(len(EPISODE_1) - 1)
        page.select_option("#speed", "4")
        page.keyboard.press(" ")
        assert replay.get_attribute("data-playing") == "true"
        for _ in range(150):  # played to the end (the CSP forbids wait_for_function's eval)
            if replay.get_attribute("data-index") == last:
                break
            page.wait_for_timeout(100)
        assert replay.get_attribute("data-index") == last
        assert replay.get_attribute("data-playing") == "false"
        drag = str([a["type"] for a in EPISODE_1].index("drag"))
        page.locator("#scrub").fill(drag)
        assert replay.get_attribute("data-index") == drag
        assert page.locator("#overlay line, #overlay polyline").count() == 1  # the drag's path
        frame = page.get_attribute("#frame", "src") or ""
        assert page.request.get(svc.url + frame).status == 200
        page.get_by_label("Task instruction").fill("Save the note in the editor with Ctrl+S")
        page.get_by_role("button", name="Save the instruction").click()
        page.wait_for_url("**saved=instruction")
        assert page.text_content("#instruction-now") == "Save the note in the editor with Ctrl+S"
        page.get_by_role("radio", name="Accept").check()
        page.get_by_role("button", name="Save the verdict").click()
        page.wait_for_url("**saved=accepted")
        # reject the second, with a reason (none: refused)
        page.goto(f"{svc.url}/console/review/episodes/{second}")
        page.get_by_role("radio", name="Reject").check()
        page.get_by_role("button", name="Save the verdict").click()
        assert "Give a reason" in (page.text_content("main") or "")
        page.goto(f"{svc.url}/console/review/episodes/{second}")
        page.get_by_role("radio", name="Reject").check()
        page.get_by_label("Reason (needed to reject)").fill("the wrong page was open")
        page.get_by_role("button", name="Save the verdict").click()
        page.wait_for_url("**saved=rejected")
        page.goto(f"{svc.url}/console/review?status=rejected")
        assert second in (page.text_content("main") or "")
        # a person's own pages are not the trainer's: 404; admin pages: 403
        assert page.goto(f"{svc.url}/console/me/sessions/{sid}").status == 404  # type: ignore[union-attr]
        assert page.goto(f"{svc.url}/console/admin/coverage").status == 403  # type: ignore[union-attr]
        assert page.goto(f"{svc.url}/console/review/episodes/NOSUCHSESSION-000").status == 404  # type: ignore[union-attr]
    _export(svc.data_dir, tmp_path / "native")
    eps = {
        e["episode_id"]: e
        for e in map(json.loads, (tmp_path / "native" / "trajectories.jsonl").read_text().splitlines())
    }
    assert eps[first]["instruction"] == "Save the note in the editor with Ctrl+S"
    assert second not in eps
    assert f"{world.bob.sessions[0]}-001" in eps  # other episodes untouched
    _export(svc.data_dir, tmp_path / "agentnet", "agentnet")
    tasks = {
        t["task_id"]: t
        for t in map(json.loads, (tmp_path / "agentnet" / "agentnet.jsonl").read_text().splitlines())
    }
    assert tasks[first]["instruction"] == "Save the note in the editor with Ctrl+S" and second not in tasks
    # the person sees the trainer's reads of their data in their own audit trail
    with chromium() as ctx:
        page = ctx.new_page()
        page.goto(world.alice.console_url())
        page.goto(svc.url + "/console/me/audit")
        rows = page.locator("tbody tr", has_text="trainer:tom:console")
        assert rows.filter(has_text="released.read").count() >= 2  # the two episodes opened
        assert rows.filter(has_text="episode.review").count() == 3
        page.goto(svc.url + "/console/me")  # bob's reads are not in alice's trail
    reviews = [e for e in audit_actions(svc) if e["action"] == "episode.review"]
    assert len(reviews) == 3 and all(e["actor"] == "trainer:tom:console" for e in reviews)
