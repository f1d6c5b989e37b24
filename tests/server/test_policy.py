"""Policy distribution: admin PUT validated like the recorder's loader (422 naming the key),
ETag polling, hot reload in the recorder's PolicyClient, last policy kept while unreachable."""

from __future__ import annotations

import threading
import time

from demotrace.capture.policy_client import PolicyClient
from demotrace.policy import Policy

from .helpers import Service


def _wait(cond: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_policy_put_is_validated_audited_and_served_with_etag(service: Service) -> None:
    emp, admin = service.enroll("alice"), service.token("admin")
    with service.client(emp) as c:
        r = c.get("/v1/policy")
        assert r.status_code == 200 and r.json()["default"] == "deny"
        etag = r.headers["etag"]
        assert c.get("/v1/policy", headers={"If-None-Match": etag}).status_code == 304
        assert c.put("/v1/policy", json={"version": 9}).status_code == 403
    with service.client(admin) as c:
        bad = c.put("/v1/policy", json={"sites": [{"domain": "https://github.com/x"}]})
        assert bad.status_code == 422 and "sites[0].domain" in bad.json()["detail"]
        unknown = c.put("/v1/policy", json={"version": 2, "colour": "red"})
        assert unknown.status_code == 422 and "colour" in unknown.json()["detail"]
        assert c.put("/v1/policy", json={"default": "allow"}).status_code == 422
        ok = c.put("/v1/policy", json={"version": 7, "sites": [{"domain": "*.wikipedia.org"}]})
        assert ok.status_code == 200 and ok.json()["version"] == 7
        again = c.put("/v1/policy", json={"version": 1, "sites": [{"domain": "github.com"}]})
        assert again.json()["version"] == 8  # versions only grow
        actions = [e["action"] for e in c.get("/v1/admin/audit").json()["entries"]]
        assert actions.count("policy.update") == 2
    with service.client(emp) as c:
        r = c.get("/v1/policy", headers={"If-None-Match": etag})
        assert r.status_code == 200 and r.json()["version"] == 8 and r.headers["etag"] != etag


def test_policy_client_hot_reloads_and_keeps_the_last_policy_when_unreachable(service: Service) -> None:
    emp, admin = service.enroll("alice"), service.token("admin")
    got: list[Policy] = []
    lock = threading.Lock()

    def on_policy(p: Policy) -> None:
        with lock:
            got.append(p)

    pc = PolicyClient(service.url, emp, on_policy, interval=0.1)
    pc.start()
    try:
        _wait(lambda: len(got) == 1)
        with service.client(admin) as c:
            c.put("/v1/policy", json={"version": 12, "apps": [{"match": {"wm_class": "xterm"}}]})
        _wait(lambda: len(got) == 2)
        assert got[-1].version == 12 and got[-1].apps[0].wm_class == "xterm"
        polls = pc.polls
        _wait(lambda: pc.polls > polls + 3)
        assert len(got) == 2  # unchanged policy: 304, no callback
        service.stop()
        _wait(lambda: pc.last_error is not None)
        assert pc.policy is not None and pc.policy.version == 12 and len(got) == 2
    finally:
        pc.stop()
    # a restarted recorder, service still down: starts from the cached policy
    again: list[Policy] = []
    pc2 = PolicyClient(service.url, emp, again.append, interval=0.1)
    pc2.start()
    try:
        _wait(lambda: len(again) == 1)
        assert again[0].version == 12
        service.start()
        time.sleep(0.5)
        assert len(again) == 1 and pc2.last_error is None  # same ETag: nothing new delivered
    finally:
        pc2.stop()
