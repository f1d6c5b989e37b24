"""PolicyClient: keeps the recorder's policy in step with the service.

`PolicyClient(server_url, token, on_policy, interval=30.0)` polls `GET /v1/policy` in a background
thread with `If-None-Match`, validates a new document with `policy_from_dict` (the same loader as
for files) and calls `on_policy(policy)` (in its thread) only when the policy changed. When the
service cannot be reached, answers an error or sends an invalid document, the last good policy
stays in force and the client retries with exponential backoff and jitter. The last good policy
and its ETag are cached in DEMOTRACE_HOME/policy-cache.json, so a restarted recorder starts from
it (delivered once by `start()`) even while the service is down.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from .. import paths
from ..errors import PolicyError
from ..policy import Policy, policy_from_dict
from .uploader import backoff_delay, device_token

log = logging.getLogger("demotrace.capture.policy_client")


class PolicyClient:
    def __init__(
        self,
        server_url: str,
        token: str | None,
        on_policy: Callable[[Policy], None],
        interval: float = 30.0,
        *,
        transport: httpx.BaseTransport | None = None,
        cache_path: Path | None = None,
        use_cache: bool = True,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self._token = token
        self.on_policy = on_policy
        self.interval = interval
        self.cache_path = cache_path or (paths.home() / "policy-cache.json")
        self.use_cache = use_cache
        self.recorder_state: Callable[[], str] | None = None
        """When set: the recorder's one-line state, sent with each poll as `X-Recorder-State`."""
        self.policy: Policy | None = None
        self.etag: str | None = None
        self.last_error: str | None = None
        self.polls = 0
        self._client = httpx.Client(
            base_url=self.server_url, transport=transport, timeout=httpx.Timeout(15.0, connect=5.0)
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        if self.use_cache:
            self._load_cache()
        self._thread = threading.Thread(target=self._run, name="demotrace-policy", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._client.close()

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            if self.poll_once():
                attempt = 0
                self._stop.wait(self.interval * random.uniform(0.9, 1.1))
            else:
                self._stop.wait(min(self.interval, backoff_delay(attempt, cap=self.interval)))
                attempt += 1

    def poll_once(self) -> bool:
        """One poll; True when the service answered (changed or not), False on any failure."""
        self.polls += 1
        tok = self._token or device_token()
        if not tok:
            self.last_error = "not enrolled: no device token"
            return False
        headers = {"Authorization": f"Bearer {tok}"}
        if self.recorder_state is not None:  # a heartbeat for the console, even with nothing to upload
            line = self.recorder_state().encode("ascii", "replace").decode()
            headers["X-Recorder-State"] = " ".join(line.split())[:200]
        if self.etag:
            headers["If-None-Match"] = f'"{self.etag}"'
        try:
            r = self._client.get("/v1/policy", headers=headers)
        except httpx.HTTPError as e:
            self.last_error = f"GET /v1/policy: {type(e).__name__}: {e}"
            return False
        if r.status_code == 304:
            self.last_error = None
            return True
        if r.status_code != 200:
            self.last_error = f"GET /v1/policy: HTTP {r.status_code} {r.text[:200]}"
            return False
        etag = r.headers.get("etag", "").strip('"') or None
        try:
            doc = r.json()
            policy = policy_from_dict(doc, f"{self.server_url}/v1/policy")
        except (ValueError, PolicyError) as e:
            self.last_error = f"policy from the service is invalid (keeping the last one): {e}"
            log.warning("%s", self.last_error)
            return False
        self.last_error = None
        self.etag = etag
        self._deliver(policy)
        self._save_cache(doc, etag)
        return True

    def _deliver(self, policy: Policy) -> None:
        self.policy = policy
        try:
            self.on_policy(policy)
        except Exception:
            log.exception("on_policy callback failed")

    def _load_cache(self) -> None:
        try:
            c = json.loads(self.cache_path.read_text())
            policy = policy_from_dict(c["policy"], str(self.cache_path))
        except (OSError, ValueError, KeyError, TypeError, PolicyError):
            return
        self.etag = c.get("etag")
        self._deliver(policy)

    def _save_cache(self, doc: Any, etag: str | None) -> None:
        tmp = self.cache_path.with_name(self.cache_path.name + ".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                json.dump({"etag": etag, "policy": doc}, f)
            os.replace(tmp, self.cache_path)
        except OSError as e:
            log.warning("cannot cache the policy in %s: %s", self.cache_path, e)
