"""The person recorded: signs in with the device's link, sees their sessions, cannot reach
another person's (404, audited), deletes a time range (gone from pages and exports); reused and
expired links are refused; recorded markup stays text under a strict CSP."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
import zipfile
from pathlib import Path

from sqlalchemy import update

from demotrace.store import ServiceData
from demotrace.store.console_models import ConsoleLink
from tests.pipeline.builders import EPISODE_1, EPISODE_2
from tests.server.helpers import CLI, PNG

from .conftest import World
from .world import XSS_TITLE, audit_actions, chromium, http

STEPS = len(EPISODE_1) + len(EPISODE_2) + 1
"""Rows of a session of `world.recorded_session`: both episodes and the `empty` step."""


def test_sign_in_sessions_and_anothers_ids(world: World) -> None:
    svc, alice, bob = world.svc, world.alice, world.bob
    url = alice.console_url()
    assert url.startswith(f"{svc.url}/console/login?t=")
    with chromium() as ctx:
        page = ctx.new_page()
        page.goto(url)
        assert page.url == f"{svc.url}/console/me"
        cookie = next(c for c in ctx.cookies() if c["name"] == "dt_console")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and not cookie["secure"]
        assert page.get_by_role("heading", name="My data").is_visible()
        links = page.locator("a[href^='/console/me/sessions/']")
        assert links.count() == 1
        links.first.click()
        page.wait_for_url(f"**/console/me/sessions/{alice.sessions[0]}")
        assert page.locator("table.steps tbody tr").count() == STEPS
        # another person's session and frame, by editing the URL: 404, as if it did not exist
        bob_sid = bob.sessions[0]
        for path in (
            f"/console/me/sessions/{bob_sid}",
            f"/console/me/sessions/{bob_sid}/frames/f000001.webp",
        ):
            r = page.goto(svc.url + path)
            assert r is not None and r.status == 404, path
            assert bob_sid not in (page.text_content("main") or "").replace(f"No session {bob_sid}", "")
        # a role that may not see a page: 403
        for path in ("/console/review", "/console/admin/policy", "/console/admin/devices"):
            r = page.goto(svc.url + path)
            assert r is not None and r.status == 403, path
        # everything about me, streamed as one zip: alice's files only
        page.goto(svc.url + "/console/me")
        with page.expect_download() as dl:
            page.get_by_role("link", name="Download everything held about me (zip)").click()
        z = zipfile.ZipFile(dl.value.path())
        names = z.namelist()
        assert "sessions.json" in names and f"{alice.sessions[0]}/session.json" in names
        assert not any(n.startswith(bob_sid) for n in names)
        assert sum(n.endswith(".webp") for n in names) == STEPS  # one after frame a step + the first before
        # the reused link is refused
        r = page.goto(url)
        assert r is not None and r.status == 401
        # sign-out ends the session
        page.goto(svc.url + "/console/me")
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/console/signed-out")
        r = page.goto(svc.url + "/console/me")
        assert r is not None and r.status == 401
    denied = [e for e in audit_actions(svc) if e["action"] == "console.denied"]
    assert len(denied) >= 2 and all(e["actor"] == "employee:alice:console" for e in denied)
    assert not any(bob_sid in json.dumps(e) for e in audit_actions(svc))  # logged by hash only


def test_expired_link_and_csrf_refused(world: World) -> None:
    svc = world.svc
    url = world.alice.console_url()
    data = ServiceData.open(svc.data_dir, migrate=False)
    try:
        with data.db.write() as s:
            s.execute(
                update(ConsoleLink).where(ConsoleLink.used_at.is_(None)).values(expires=time.time() - 1)
            )
    finally:
        data.close()
    with http(svc) as c:
        assert c.get(url.removeprefix(svc.url)).status_code == 401
        assert c.get("/console/login?t=not-a-token").status_code == 401
        fresh = world.alice.console_url().removeprefix(svc.url)
        r = c.get(fresh)
        assert r.status_code == 303 and r.headers["location"] == "/console/me"
        assert (
            "httponly" in r.headers["set-cookie"].lower()
            and "samesite=strict" in r.headers["set-cookie"].lower()
        )
        sid = world.alice.sessions[0]
        r = c.post(f"/console/me/sessions/{sid}/delete", data={"csrf": "forged"})
        assert r.status_code == 403
        assert c.get(f"/console/me/sessions/{sid}").status_code == 200  # still there


def test_recorded_markup_is_text_under_csp(world: World) -> None:
    svc = world.svc
    with chromium() as ctx:
        page = ctx.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(world.alice.console_url())
        r = page.goto(f"{svc.url}/console/me/sessions/{world.alice.sessions[0]}")
        assert r is not None
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert page.locator("span.title", has_text=XSS_TITLE).count() == len(EPISODE_1)
        assert page.locator("img[src='x']").count() == 0
        page.wait_for_timeout(300)
        assert dialogs == []
        # an inline script would not run either (the CSP), even if markup got through
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(2)>')")
        page.wait_for_timeout(300)
        assert dialogs == []


def test_delete_time_range_gone_from_pages_and_exports(world: World, tmp_path: Path) -> None:
    svc, alice = world.svc, world.alice
    (sid,) = alice.upload(svc, "range test", typed="RANGE-SECRET-TEXT")
    with chromium() as ctx:
        page = ctx.new_page()
        page.goto(alice.console_url())
        page.goto(f"{svc.url}/console/me/sessions/{sid}")
        assert "RANGE-SECRET-TEXT" in (page.text_content("main") or "")
        # the typed step is at second 2, the next step at 3; frame 3 is only theirs
        assert page.goto(f"{svc.url}/console/me/sessions/{sid}/frames/f000003.webp").status == 200  # type: ignore[union-attr]
        page.goto(f"{svc.url}/console/me/sessions/{sid}")
        page.get_by_label("From second").fill("1.5")
        page.get_by_label("to second").fill("3.5")
        page.get_by_role("button", name="Delete this time range").click()
        page.wait_for_url("**removed=2")
        main = page.text_content("main") or ""
        assert "RANGE-SECRET-TEXT" not in main
        assert page.locator("table.steps tbody tr").count() == STEPS - 2
        assert page.goto(f"{svc.url}/console/me/sessions/{sid}/frames/f000003.webp").status == 404  # type: ignore[union-attr]
        assert page.goto(f"{svc.url}/console/me/sessions/{sid}/frames/f000002.webp").status == 200  # type: ignore[union-attr]
        page.goto(f"{svc.url}/console/me")
        assert "RANGE-SECRET-TEXT" not in (page.text_content("main") or "")
    for fmt in ("native", "agentnet"):
        out = tmp_path / fmt
        r = subprocess.run(
            [*CLI, "export", str(svc.data_dir), "--format", fmt, "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
        blob = b"".join(
            p.read_bytes() for p in out.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".json")
        )
        assert b"RANGE-SECRET-TEXT" not in blob
        assert sid.encode() in blob  # the rest of the session is still exported
    entries = [e for e in audit_actions(svc) if e["action"] == "session.delete_range"]
    assert entries and entries[-1]["detail"]["steps"] == 2 and entries[-1]["detail"]["frames"] == 1


def test_range_covering_everything_deletes_the_session_with_its_tombstone(world: World) -> None:
    svc, alice = world.svc, world.alice
    (sid,) = alice.upload(svc, "to be deleted")
    with http(svc) as c:
        c.get(alice.console_url().removeprefix(svc.url))
        page = c.get(f"/console/me/sessions/{sid}").text
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        r = c.post(f"/console/me/sessions/{sid}/delete-range", data={"csrf": csrf, "start": "5", "end": "2"})
        assert r.status_code == 422 and "must not be before" in r.text
        r = c.post(f"/console/me/sessions/{sid}/delete", data={"csrf": csrf})
        assert r.status_code == 422  # the whole session needs the confirmation box
        r = c.post(
            f"/console/me/sessions/{sid}/delete-range", data={"csrf": csrf, "start": "0", "end": "1000"}
        )
        assert r.status_code == 303 and r.headers["location"] == "/console/me?deleted=1"
        assert c.get(f"/console/me/sessions/{sid}").status_code == 404
    with svc.client(alice.token) as api:  # a retried upload of the deleted session: 410 (tombstone)
        sha = hashlib.sha256(PNG).hexdigest()
        r = api.put(
            f"/v1/sessions/{sid}/files/frames/f000001.png", content=PNG, headers={"X-Content-SHA256": sha}
        )
        assert r.status_code == 410
    assert any(e["action"] == "session.delete" for e in audit_actions(svc))
