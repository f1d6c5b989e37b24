"""The admin: bulk-imports 300 sites (a running recorder's policy poller picks the new version
up within its poll interval), searches and removes, sees the diff in the history and rolls
back; creates an enrollment code and revokes a device; reads the coverage charts."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from demotrace.capture.policy_client import PolicyClient
from demotrace.policy import Policy

from .conftest import World
from .world import audit_actions, chromium, enroll, staff_url

POLL = 1.0


def _wait(pred: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_bulk_import_reaches_recorder_diff_and_rollback(world: World, tmp_path: Path) -> None:
    svc = world.svc
    seen: list[Policy] = []
    got = threading.Event()

    def on_policy(p: Policy) -> None:
        seen.append(p)
        got.set()

    pc = PolicyClient(
        svc.url, world.alice.token, on_policy, POLL, cache_path=tmp_path / "pc.json", use_cache=False
    )
    pc.start()
    try:
        _wait(lambda: seen, 30, "the first policy")
        first = seen[-1]
        csv = tmp_path / "sites.csv"
        csv.write_text(
            "domain,owner\n" + "".join(f"site-{i:04d}.example.com,team {i % 7}\n" for i in range(300))
        )
        with chromium() as ctx:
            page = ctx.new_page()
            page.goto(staff_url(svc, "admin", "ada"))
            assert page.url.endswith("/console/admin/policy")
            page.get_by_label("…or a file (CSV or list of domains)").set_input_files(str(csv))
            page.get_by_role("button", name="Add", exact=True).click()
            page.wait_for_url("**/console/admin/policy?notice=*")
            assert "Added 300 sites" in (page.text_content("[role=status]") or "")
            saved_at = time.monotonic()
            _wait(
                lambda: len(seen[-1].sites) == len(first.sites) + 300, POLL + 5, "the recorder's new policy"
            )
            assert time.monotonic() - saved_at <= POLL + 5
            imported = seen[-1]
            assert imported.version > first.version
            # search, then remove one
            page.get_by_label("Search sites").fill("site-004")
            page.get_by_role("button", name="Search").click()
            assert page.locator("table.sites tbody tr").count() == 10
            page.get_by_label("site-0042.example.com").check()
            page.get_by_label("site-0047.example.com").check()
            page.get_by_role("button", name="Remove the checked sites").click()
            page.wait_for_url("**notice=*")
            _wait(lambda: len(seen[-1].sites) == len(first.sites) + 298, POLL + 5, "the removal")
            assert not {"site-0042.example.com", "site-0047.example.com"} & {s.domain for s in seen[-1].sites}
            # the history shows the import's diff
            page.get_by_role("link", name=f"diff of version {imported.version}").click()
            diff = page.text_content("#diff") or ""
            assert "added 300" in diff and "site-0299.example.com" not in diff.split("removed")[-1]
            # roll back to the first version: its sites again, as a newer version
            page.get_by_role("button", name=f"Roll back to version {first.version}").click()
            page.wait_for_url("**notice=*")
            _wait(lambda: seen[-1].version > imported.version + 1, POLL + 5, "the rollback")
            assert [s.domain for s in seen[-1].sites] == [s.domain for s in first.sites]
    finally:
        pc.stop()
    actions = [e["action"] for e in audit_actions(svc)]
    assert actions.count("policy.update") >= 3 and "policy.rollback" in actions


def test_lists_codes_revoke_coverage(world: World, tmp_path: Path) -> None:
    svc = world.svc
    carol = enroll(svc, "carol", tmp_path)
    with chromium() as ctx:
        page = ctx.new_page()
        page.goto(staff_url(svc, "admin", "ada"))
        page.get_by_label("Confidential terms (an episode showing one is dropped)").fill(
            "Project Nightingale\nBlue Falcon"
        )
        page.get_by_role("button", name="Save the lists").click()
        page.wait_for_url("**notice=*")
        assert (
            page.get_by_label("Confidential terms (an episode showing one is dropped)")
            .input_value()
            .endswith("Blue Falcon")
        )
        page.goto(svc.url + "/console/admin/devices")
        page.get_by_label("Person (pseudonym; empty: a new one)").fill("dave")
        page.get_by_role("button", name="Create a one-time code").click()
        code = page.text_content("#code") or ""
        assert len(code.replace("-", "")) == 16
        page.goto(svc.url + "/console/admin/devices")
        token_id = carol.home.joinpath("device.json").read_text().split('"device_id": "')[1].split('"')[0]
        page.get_by_role("button", name=f"Revoke {token_id}").click()
        page.wait_for_url("**/console/admin/devices")
        with httpx.Client(base_url=svc.url) as c:
            assert (
                c.get("/v1/me/sessions", headers={"Authorization": f"Bearer {carol.token}"}).status_code
                == 401
            )
        page.goto(svc.url + "/console/admin/coverage")
        assert page.locator("figure.chart svg").count() >= 6
        main = page.text_content("main") or ""
        assert "Clicks with a known target" in main and "xterm" in main and "en.wikipedia.org" in main
        assert "16.7% (2 of 12)" in " ".join(main.split())  # one click of six per session has a target
        charts = {
            f.locator("figcaption").text_content(): f.locator("table").text_content() or ""
            for f in page.locator("figure.chart").all()
        }
        assert "EMAIL2" in charts["Redactions per kind"]
        assert "step: empty2" in charts["Dropped, by reason"]
        assert "xterm2" in charts["Episodes per app or site"]
        # admins never see steps or frames: the person's pages answer 404
        r = page.goto(f"{svc.url}/console/me/sessions/{world.alice.sessions[0]}")
        assert r is not None and r.status == 404
