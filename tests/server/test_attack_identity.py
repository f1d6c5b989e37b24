"""Attacks on identity against a real `demotrace serve`: an admin token trying to become a
person, existence oracles (another person's id vs an id never used, on every route), token
flooding (429 + Retry-After, honoured by the uploader), admin reads leaving a trace."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from demotrace.bundle import load_or_create_key
from demotrace.capture.uploader import Uploader
from demotrace.paths import device_key_path
from demotrace.schema import new_session_id
from demotrace.server import create_app
from demotrace.store import ServiceConfig

from .helpers import Service, make_bundle


def _enroll(svc: Service, code: str) -> httpx.Response:
    return httpx.post(svc.url + "/v1/enroll", json={"code": code, "name": "x"}, timeout=30)


def test_an_admin_token_cannot_become_an_existing_person(service: Service) -> None:
    admin = service.token("admin")
    with service.client(admin) as a:
        # a new person: one code, and then never another from the admin API
        first = a.post("/v1/admin/codes", json={"user": "carol"})
        assert first.status_code == 200
        pending = a.post("/v1/admin/codes", json={"user": "carol"})  # code pending, no device yet
        assert pending.status_code == 409, pending.text
        alice_tok = service.enroll("alice")  # alice has a device
        for user in ("alice", "carol"):
            assert a.post("/v1/admin/codes", json={"user": user}).status_code == 409
        assert a.post("/v1/admin/codes", json={"user": "ops"}).status_code == 409  # the admin itself
        assert a.post("/v1/admin/codes", json={"role": "trainer"}).status_code == 422
        # twelve racing requests for one new person: one code
        gate = threading.Barrier(12)

        def ask(_: int) -> int:
            with service.client(admin) as c:
                gate.wait()
                return c.post("/v1/admin/codes", json={"user": "dave"}).status_code

        with ThreadPoolExecutor(12) as ex:
            codes = sorted(ex.map(ask, range(12)))
        assert codes == [200] + [409] * 11, codes
    # the person's own device is the only way to a code for another device of theirs
    with service.client(alice_tok) as c:
        r = c.post("/v1/me/codes")
        assert r.status_code == 200 and r.json()["user"] == "alice"
    second = _enroll(service, r.json()["code"])
    assert second.status_code == 200 and second.json()["user"] == "alice"
    carol = _enroll(service, first.json()["code"])
    assert carol.status_code == 200 and carol.json()["user"] == "carol"
    with service.client(admin) as a:  # no admin route hands out a token for them either
        assert a.post("/v1/me/codes").status_code == 403
        assert a.post("/v1/admin/codes", json={"user": "carol"}).status_code == 409


def _routes(tmp: Path) -> list[tuple[str, str]]:
    spec = create_app(ServiceConfig(tmp), background=False).openapi()
    return [(m.upper(), p) for p, ops in spec["paths"].items() for m in ops if "{session_id}" in p]


def _fill(path: str, sid: str) -> str:
    path = path.replace("{session_id}", sid).replace("{rel:path}", "frames/000000-before.png")
    return path.replace("{rel}", "frames/000000-before.png").replace("{name}", "000000-before.png")


def test_foreign_and_unknown_ids_get_identical_answers_on_every_route(
    service: Service, tmp_path: Path
) -> None:
    alice, bob = service.enroll("alice"), service.enroll("bob")
    tokens = {"employee": bob, "admin": service.token("admin"), "trainer": service.token("trainer")}
    spool = tmp_path / "spool"
    key = load_or_create_key(device_key_path())
    live = make_bundle(spool, key, frames=1, stop=False)  # alice's, still receiving
    done = make_bundle(spool, key, frames=1)
    u = Uploader(spool, service.url, key, alice, interval=0.05, max_backoff=0.2)
    u.flush(timeout=60)
    service.wait_state(alice, done, ("released",))
    routes = _routes(tmp_path / "spec")
    assert len(routes) >= 10
    checked = 0
    for role, tok in tokens.items():
        with service.client(tok) as c:
            for m, p in routes:
                if m == "DELETE" and role == "admin":
                    continue  # an admin may delete any session: not an oracle, a power
                for foreign in (live, done):
                    unknown = new_session_id()
                    answers = []
                    for sid in (foreign, unknown):
                        r = c.request(
                            m,
                            _fill(p, sid),
                            json={"files": {"session.json": "0" * 64}} if m == "POST" else None,
                            headers={"X-Content-SHA256": "0" * 64},
                        )
                        answers.append((r.status_code, r.text.replace(sid, "<id>")))
                    if role == "admin" or (role == "trainer" and foreign == done):
                        continue  # their lanes see these sessions by design (metadata / released)
                    assert answers[0] == answers[1], (role, m, p, answers)
                    assert answers[0][0] < 500
                    checked += 1
    assert checked >= 20


def test_a_flooding_token_gets_429_and_the_uploader_waits(
    make_service: type[Service], tmp_path: Path
) -> None:
    svc = make_service(config={"rate_per_s": 2.0, "rate_burst": 5}).start()  # type: ignore[call-arg]
    alice, bob = svc.enroll("alice"), svc.enroll("bob")
    with svc.client(alice) as c:
        codes = [c.get("/v1/me/sessions").status_code for _ in range(12)]
        assert codes[:5] == [200] * 5 and 429 in codes[5:], codes
        r = c.get("/v1/me/sessions")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    with svc.client(bob) as c:  # per token: bob is not slowed by alice
        assert c.get("/v1/me/sessions").status_code == 200
    # the uploader: 1 session = manifest + session.json + 3 chunks + complete > the burst left
    key = load_or_create_key(device_key_path())
    spool = tmp_path / "spool"
    sid = make_bundle(spool, key, chunks=3)
    u = Uploader(spool, svc.url, key, bob, interval=0.05, max_backoff=0.1)
    t0 = time.monotonic()
    assert u.flush(timeout=60) == 0
    assert "429" in str(u.stats()["last_error"]) and u.stats()["retries"] >= 1
    assert time.monotonic() - t0 >= 0.9  # it waited Retry-After (≥ 1 s), not its 0.1 s backoff
    assert not (spool / sid).exists()


def test_admin_reads_of_metadata_and_alerts_are_audited(service: Service) -> None:
    admin = service.token("admin")
    with service.client(admin) as a:
        for path in ("/v1/admin/sessions", "/v1/admin/alerts", "/v1/admin/devices"):
            assert a.get(path).status_code == 200
        entries = a.get("/v1/admin/audit", params={"limit": 10}).json()["entries"]
    reads = [e["detail"]["what"] for e in entries if e["action"] == "admin.read"]
    assert {"sessions", "alerts", "devices", "audit"} <= set(reads)
    assert all(e["actor"].startswith("admin:") for e in entries if e["action"] == "admin.read")
