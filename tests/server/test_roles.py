"""Roles: an employee reaches only their own data (every endpoint), an admin never reads steps
or frames, a trainer never reads quarantined data."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import httpx

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.server import create_app
from demotrace.store import ServiceConfig

from .helpers import Service, make_bundle


def _routes(tmp: Path) -> list[tuple[str, str]]:
    """Every operation in the published OpenAPI document."""
    spec = create_app(ServiceConfig(tmp), background=False).openapi()
    return [(m.upper(), p) for p, ops in spec["paths"].items() for m in ops]


def _fill(path: str, sid: str) -> str:
    path = path.replace("{session_id}", sid).replace("{rel:path}", "frames/000000-before.png")
    path = path.replace("{rel}", "frames/000000-before.png").replace("{name}", "000000-before.png")
    return path.replace("{device_id}", "nope")


def _upload(svc: Service, token: str, tmp: Path, name: str, **kw: object) -> str:
    key = load_or_create_key(device_key_path())
    spool = tmp / f"spool-{name}"
    sid = make_bundle(spool, key, **kw)  # type: ignore[arg-type]
    u = Uploader(spool, svc.url, key, token, interval=0.05, max_backoff=0.2)
    u.flush(timeout=30)
    u.stop()
    return sid


def test_every_endpoint_keeps_employees_apart_and_roles_in_their_lane(
    service: Service, tmp_path: Path
) -> None:
    alice, bob = service.enroll("alice"), service.enroll("bob")
    admin, trainer = service.token("admin"), service.token("trainer")
    released = _upload(service, alice, tmp_path, "a1", frames=1, marker="alicesecret")
    live = _upload(service, alice, tmp_path, "a2", frames=1, stop=False, marker="alicelive")
    assert service.wait_state(alice, released, ("released",)) == "released"
    bob_sid = _upload(service, bob, tmp_path, "b1", marker="bobstuff")
    service.wait_state(bob, bob_sid, ("released",))

    routes = _routes(tmp_path / "x")
    session_routes = [(m, p) for m, p in routes if "{session_id}" in p]
    assert len(session_routes) >= 10
    with service.client(bob) as c:
        for m, p in session_routes:
            for sid in (released, live):
                r = c.request(
                    m,
                    _fill(p, sid),
                    json={"files": {}} if m == "POST" else None,
                    headers={"X-Content-SHA256": "0" * 64},
                )
                assert "alice" not in r.text, (m, p, r.text)
                if p.endswith(("/manifest", "/complete")):  # answered as for an id never used
                    assert r.status_code == 200 and r.json()["state"] == "absent", (m, p, r.text)
                    continue
                assert r.status_code in (403, 404, 422), (m, p, r.status_code, r.text)
                if p.startswith(("/v1/me", "/v1/sessions")) and r.status_code != 422:
                    assert r.status_code == 404, (m, p, r.status_code)
        listed = c.get("/v1/me/sessions").json()["sessions"]
        assert [s["id"] for s in listed] == [bob_sid]
        z = zipfile.ZipFile(io.BytesIO(c.get("/v1/me/archive").content))
        assert all(n.startswith((bob_sid, "sessions.json")) for n in z.namelist())
        assert b"alice" not in b"".join(z.read(n) for n in z.namelist())
        assert c.request("DELETE", "/v1/me/sessions", params={"start": 0, "end": 1e10}).json() == {
            "trimmed": 0,
            "deleted": 1,
        }
    with service.client(alice) as c:  # bob's deletions did not touch alice
        assert {s["id"] for s in c.get("/v1/me/sessions").json()["sessions"]} == {released, live}
        assert c.get(f"/v1/me/sessions/{released}/frames/000000-before.png").status_code == 200
        for m, p in routes:  # the employee role reaches no admin or trainer endpoint
            if p.startswith(("/v1/admin", "/v1/released")):
                assert c.request(m, _fill(p, released)).status_code in (403, 422), (m, p)

    with service.client(admin) as c:
        for m, p in routes:
            if p.startswith(("/v1/me", "/v1/released")) or "/files/" in p:
                r = c.request(m, _fill(p, released), headers={"X-Content-SHA256": "0" * 64})
                assert r.status_code in (403, 422), (m, p, r.status_code)
        # no way from the admin API to a person's data or to a trainer's access
        assert c.post("/v1/admin/codes", json={"user": "alice"}).status_code == 409
        assert c.post("/v1/admin/codes", json={"role": "trainer"}).status_code == 422
        new = c.post("/v1/admin/codes", json={"user": "newcomer"})
        assert new.status_code == 200 and new.json()["role"] == "employee"
        body = (
            c.get("/v1/admin/sessions").text + c.get("/v1/admin/alerts").text + c.get("/v1/admin/audit").text
        )
        assert released in body and "alicesecret" not in body

    with service.client(trainer) as c:
        ids = [s["id"] for s in c.get("/v1/released/sessions").json()["sessions"]]
        assert released in ids and live not in ids
        assert c.get(f"/v1/released/sessions/{released}/steps").status_code == 200
        assert c.get(f"/v1/released/sessions/{released}/files/frames/000000-before.png").status_code == 200
        for rel in ("frames/000000-before.png", "session.json", "chunks/000001.dtc"):
            assert c.get(f"/v1/released/sessions/{live}/files/{rel}").status_code == 404
        assert c.get(f"/v1/released/sessions/{live}/steps").status_code == 404
        assert c.get(
            f"/v1/released/sessions/{released}/files/../quarantine/{live}/session.json"
        ).status_code in (404, 422)
        for m, p in routes:
            if p.startswith(("/v1/me", "/v1/admin", "/v1/sessions")):
                assert c.request(m, _fill(p, released)).status_code in (403, 422), (m, p)
    with service.client(admin) as c:
        reads = [
            e
            for e in c.get("/v1/admin/audit", params={"limit": 1000}).json()["entries"]
            if e["action"] == "released.read" and e["actor"].startswith("trainer:")
        ]
        assert {e["detail"]["what"] for e in reads} >= {"steps", "frames/000000-before.png"}
    assert not re.search(r"Traceback", service.log_text())


def test_failed_redaction_pass_keeps_data_quarantined_with_an_admin_alert(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(config={"frame_pass_cmd": ["false"], "release_interval": 0.2}).start()  # type: ignore[call-arg]
    alice, admin, trainer = svc.enroll("alice"), svc.token("admin"), svc.token("trainer")
    with_frames = _upload(svc, alice, tmp_path, "f", frames=1)
    no_frames = _upload(svc, alice, tmp_path, "n", frames=0)
    assert svc.wait_state(alice, with_frames, ("failed",)) == "failed"
    assert svc.wait_state(alice, no_frames, ("released",)) == "released"
    with svc.client(admin) as c:
        alerts = c.get("/v1/admin/alerts").json()["sessions"]
        assert [a["id"] for a in alerts] == [with_frames]
        assert "frame redaction pass failed" in alerts[0]["alert"]
    with svc.client(trainer) as c:
        assert [s["id"] for s in c.get("/v1/released/sessions").json()["sessions"]] == [no_frames]
        assert c.get(f"/v1/released/sessions/{with_frames}/steps").status_code == 404
    from demotrace.store import released_bundle_dirs

    assert [d.name for d in released_bundle_dirs(svc.data_dir)] == [no_frames]
    with svc.client(alice) as c:  # the person still sees their own quarantined data
        assert len(c.get(f"/v1/me/sessions/{with_frames}/steps").json()["steps"]) == 4
    with svc.client(admin) as c:
        assert c.post(f"/v1/admin/sessions/{with_frames}/retry").json()["state"] == "quarantined"
    assert svc.wait_state(alice, with_frames, ("failed",)) == "failed"
    _ = httpx
