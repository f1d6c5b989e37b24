"""Quarantine alerts: a session whose server-side redaction pass fails is listed for the admin
with its cause; Retry re-queues it (audited) and the pass runs again."""

from __future__ import annotations

import time
from pathlib import Path

from demotrace.capture.uploader import Uploader
from tests.server.helpers import Service

from .world import audit_actions, chromium, enroll, recorded_session, staff_url


def test_failed_pass_listed_and_retried(tmp_path: Path) -> None:
    svc = Service(data_dir=tmp_path / "data", config={"release_interval": 0.2, "frame_pass_cmd": ["false"]})
    svc.data_dir.mkdir()
    svc.start()
    try:
        erin = enroll(svc, "erin", tmp_path)
        spool = erin.home / "spool"
        sid, _ = recorded_session(spool, "erin's terminal")
        assert Uploader(spool, svc.url, None, token=erin.token, interval=0.2).flush(timeout=60) == 0
        svc.wait_state(erin.token, sid, ("failed",), timeout=120)
        with chromium() as ctx:
            page = ctx.new_page()
            page.goto(staff_url(svc, "admin", "ada"))
            page.get_by_role("link", name="Devices").click()
            row = page.locator("tbody tr", has_text=sid)
            assert "frame redaction pass failed" in (row.text_content() or "")
            page.get_by_role("button", name=f"Retry {sid}").click()
            page.wait_for_url("**/console/admin/devices")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            actions = [e["action"] for e in audit_actions(svc)]
            if actions.count("session.release_failed") == 2:
                break
            time.sleep(0.2)
        assert "session.retry" in actions and actions.count("session.release_failed") == 2
    finally:
        svc.stop()
