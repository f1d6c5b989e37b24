"""The uploader: sends the spool's session bundles to the service while recording goes on.

`Uploader(spool_dir, server_url, key, token=None)` runs in a background thread (`start()`,
`stop(timeout)`, `stats()`). Each pass walks `<spool>/<session_id>/`, asks the service what it
holds (`GET /v1/sessions/{id}/manifest`), and sends every file it lacks, decrypted with the
device key: `session.json`, sealed chunks (`chunks/*.dtc`, re-encoded as plaintext chunk files;
never a `.dtc.open`), frames, and video once the session has stopped. A file's path in the bundle
is its id and its sha256 guards it in transit, so resending is harmless (the service acknowledges a
duplicate without storing it twice). A session is done when `session.json` has `stop` set and the
service confirms (`POST …/complete` → `durable: true`) that every file is stored durably; only
then is the local folder deleted. Transport errors and 5xx (a balancer's 502/503 while a worker
restarts) back off exponentially with jitter; a 429 (the token's rate limit, or a worker with all
its upload slots taken) waits at least its Retry-After, capped at 10 minutes; the manifest makes a
restart of either side resume where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import zstandard

from .. import paths
from ..bundle import read_chunk, read_file
from ..errors import BundleError
from .media_upload import StoreRefused, is_media, send_via_grant

log = logging.getLogger("demotrace.capture.uploader")
_LEN = struct.Struct(">I")
_local = threading.local()  # a ZstdCompressor is not thread-safe: one per thread


def _zstd(data: bytes) -> bytes:
    cctx = getattr(_local, "cctx", None)
    if cctx is None:
        cctx = _local.cctx = zstandard.ZstdCompressor(level=3)
    return bytes(cctx.compress(data))


_SKIP_SUFFIXES = (".tmp", ".open", ".part", ".partial")


class _Retry(Exception):
    """A transient failure: back off and try again (at least `wait` seconds: a 429's Retry-After)."""

    def __init__(self, msg: str, wait: float = 0.0) -> None:
        super().__init__(msg)
        self.wait = wait


def retry_after_s(r: httpx.Response, cap: float = 600.0) -> float:
    """The seconds a response's `Retry-After` asks for (0 without one; an HTTP date is not used)."""
    v = r.headers.get("retry-after", "").strip()
    try:
        return min(cap, max(0.0, float(v))) if v else 0.0
    except ValueError:
        return 0.0


def plain_chunk(objs: list[dict[str, Any]], per_record: int = 2000) -> bytes:
    """A plaintext chunk file (DTC1, flag 0) holding `objs`; deterministic for the same input."""
    out = [b"DTC1\x00"]
    for i in range(0, len(objs), per_record):
        payload = _zstd(b"\n".join(orjson.dumps(o) for o in objs[i : i + per_record]))
        out.append(_LEN.pack(len(payload)) + payload)
    return b"".join(out)


def device_token() -> str | None:
    try:
        tok = json.loads((paths.home() / "device.json").read_text()).get("token")
    except (OSError, ValueError):
        return None
    return tok if isinstance(tok, str) and tok else None


def backoff_delay(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    """Exponential backoff with jitter: uniform in [d/2, d], d = min(cap, base * 2**attempt)."""
    d = min(cap, base * (2 ** min(attempt, 30)))
    return random.uniform(d / 2, d)


class Uploader:
    def __init__(
        self,
        spool_dir: Path,
        server_url: str,
        key: bytes | None,
        token: str | None = None,
        *,
        interval: float = 2.0,
        max_backoff: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.spool_dir = Path(spool_dir)
        self.server_url = server_url.rstrip("/")
        self.key = key
        self._token = token
        self.interval = interval
        self.max_backoff = max_backoff
        self._client = httpx.Client(
            base_url=self.server_url, transport=transport, timeout=httpx.Timeout(timeout, connect=5.0)
        )
        # the object store of presigned media uploads: never sent the API token
        self._store = httpx.Client(timeout=httpx.Timeout(timeout, connect=5.0))
        self._grants = True
        """False once the service answered that it keeps no object store (media PUT to the API)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._manifests: dict[str, dict[str, str]] = {}
        self._shas: dict[tuple[str, int, int], str] = {}
        self._stuck: dict[str, str] = {}
        self._stuck_at: dict[str, float] = {}
        self.stuck_retry = 300.0
        self.recorder_state: Callable[[], str] | None = None
        """When set: a one-line state (`recording`, `paused`, `blocked: why`, `stopped`) sent
        with every request as `X-Recorder-State`."""
        self._stats: dict[str, Any] = {
            "sent_chunks": 0,
            "sent_files": 0,
            "sent_bytes": 0,
            "duplicates": 0,
            "sessions_done": 0,
            "pending": 0,
            "retries": 0,
            "last_error": None,
            "last_success": None,
        }

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="demotrace-uploader", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._client.close()
        self._store.close()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._stats, stuck=dict(self._stuck))

    def _bump(self, **kw: Any) -> None:
        with self._lock:
            for k, v in kw.items():
                if isinstance(v, int) and not isinstance(v, bool) and k not in ("pending",):
                    self._stats[k] = self._stats.get(k, 0) + v
                else:
                    self._stats[k] = v

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self.run_once()
                attempt = 0
                self._stop.wait(self.interval)
            except _Retry as e:
                self._bump(last_error=str(e), retries=1)
                self._stop.wait(max(e.wait, backoff_delay(attempt, cap=self.max_backoff)))
                attempt += 1
            except Exception as e:
                log.exception("uploader pass failed")
                self._bump(last_error=f"{type(e).__name__}: {e}", retries=1)
                self._stop.wait(backoff_delay(attempt, cap=self.max_backoff))
                attempt += 1

    def flush(self, timeout: float = 60.0) -> int:
        """Run passes in the calling thread (backing off on failures) until nothing is pending or
        `timeout` passes; returns the number of files still pending. For a final drain after
        recording stops, or tests; do not mix with a running `start()` thread."""
        deadline = time.monotonic() + timeout
        attempt, pending = 0, 1
        while time.monotonic() < deadline:
            try:
                pending = self.run_once()
                attempt = 0
                if pending <= len(self._stuck):  # only sessions that need a person are left
                    return pending
                time.sleep(min(self.interval, max(0.0, deadline - time.monotonic())))
            except _Retry as e:
                self._bump(last_error=str(e), retries=1)
                wait = max(e.wait, backoff_delay(attempt, cap=self.max_backoff))
                time.sleep(min(wait, max(0.0, deadline - time.monotonic())))
                attempt += 1
        return pending

    # -- one pass -------------------------------------------------------------------------------
    def run_once(self) -> int:
        """Send what is pending in the whole spool; returns the number of files still pending.
        Raises _Retry on a transient failure (the thread backs off)."""
        pending = 0
        if not self.spool_dir.is_dir():
            self._bump(pending=0)
            return 0
        for d in sorted(p for p in self.spool_dir.iterdir() if p.is_dir() and (p / "session.json").exists()):
            if self._stop.is_set():
                break
            if d.name in self._stuck:
                if time.monotonic() - self._stuck_at.setdefault(d.name, time.monotonic()) < self.stuck_retry:
                    pending += 1
                    continue
                self._stuck.pop(d.name)
                self._stuck_at.pop(d.name)
            pending += self._sync_session(d)
        self._bump(pending=pending)
        return pending

    def report_state(self) -> bool:
        """Send `recorder_state` now, even with nothing to upload (a GET of the policy); best
        effort: False when the service did not answer."""
        try:
            return self._call("GET", "/v1/policy").status_code < 500
        except Exception:
            return False

    def _headers(self) -> dict[str, str]:
        tok = self._token or device_token()
        if not tok:
            raise _Retry("not enrolled: no device token (run `demotrace enroll URL CODE`)")
        headers = {"Authorization": f"Bearer {tok}"}
        if self.recorder_state is not None:  # the console shows it as the device's live state
            line = self.recorder_state().encode("ascii", "replace").decode()
            headers["X-Recorder-State"] = " ".join(line.split())[:200]
        return headers

    def _call(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            r = self._client.request(method, url, headers={**self._headers(), **kw.pop("headers", {})}, **kw)
        except httpx.HTTPError as e:
            raise _Retry(f"{method} {url}: {type(e).__name__}: {e}") from None
        if r.status_code >= 500 or r.status_code in (401, 403, 408, 429):
            raise _Retry(f"{method} {url}: HTTP {r.status_code} {r.text[:200]}", retry_after_s(r))
        return r

    def _sha(self, d: Path, rel: str, force: bool = False) -> tuple[str, bytes | None]:
        """The sha256 of the file's plaintext (cached by mtime and size); the plaintext too when it
        had to be computed (or `force`)."""
        st = (d / rel).stat()
        k = (str(d / rel), st.st_mtime_ns, st.st_size)
        if not force and k in self._shas:
            return self._shas[k], None
        data = self._plaintext(d, rel)
        sha = hashlib.sha256(data).hexdigest()
        self._shas[k] = sha
        return sha, data

    def _plaintext(self, root: Path, rel: str) -> bytes:
        if rel.startswith("chunks/"):
            return plain_chunk(list(read_chunk(root / rel, self.key)))
        return read_file(root, rel, self.key)

    def _local_files(self, d: Path, stopped: bool) -> list[str]:
        rels = ["session.json"]
        for sub in ("chunks", "frames", "video"):
            folder = d / sub
            if not folder.is_dir() or (sub == "video" and not stopped):
                continue
            for p in sorted(folder.iterdir()):
                n = p.name
                if not p.is_file() or n.startswith(".") or n.endswith(_SKIP_SUFFIXES):
                    continue
                if sub == "chunks" and not n.endswith(".dtc"):
                    continue
                rels.append(f"{sub}/{n}")
        return rels

    def _forget(self, d: Path) -> None:
        self._manifests.pop(d.name, None)
        prefix = str(d)
        self._shas = {k: v for k, v in self._shas.items() if not k[0].startswith(prefix)}

    def _sync_session(self, d: Path) -> int:
        sid = d.name
        try:
            meta = json.loads(read_file(d, "session.json", self.key))
        except (BundleError, ValueError) as e:
            self._stuck[sid] = f"session.json unreadable: {e}"
            self._bump(last_error=self._stuck[sid])
            return 1
        stopped = meta.get("stop") is not None
        manifest = self._manifests.get(sid)
        if manifest is None:
            r = self._call("GET", f"/v1/sessions/{sid}/manifest")
            if r.status_code == 410:
                return self._drop(d, "deleted on the service")
            if r.status_code != 200:
                self._stuck[sid] = f"manifest: HTTP {r.status_code} {r.text[:200]}"
                self._bump(last_error=self._stuck[sid])
                return 1
            manifest = dict(r.json()["files"])
            self._manifests[sid] = manifest
        rels = self._local_files(d, stopped)
        shas: dict[str, str] = {}
        pending = 0
        for rel in rels:
            if self._stop.is_set():
                return pending + 1
            try:
                sha, data = self._sha(d, rel)
            except FileNotFoundError:
                continue
            except BundleError as e:
                self._stuck[sid] = f"{rel}: {e}"
                self._bump(last_error=self._stuck[sid])
                return 1
            shas[rel] = sha
            if manifest.get(rel) == sha:
                continue
            if data is None:
                sha, data = self._sha(d, rel, force=True)
                shas[rel] = sha
            assert data is not None
            outcome = self._send(sid, rel, sha, data)
            if outcome == "gone":
                return self._drop(d, "deleted on the service")
            if outcome != "ok":
                self._stuck[sid] = outcome
                self._bump(last_error=outcome)
                return pending + 1
            manifest[rel] = sha
        if not stopped:
            return pending
        r = self._call("POST", f"/v1/sessions/{sid}/complete", json={"files": shas})
        if r.status_code == 410:
            return self._drop(d, "deleted on the service")
        if r.status_code == 200 and r.json().get("durable") is True:
            shutil.rmtree(d, ignore_errors=True)
            self._forget(d)
            self._bump(sessions_done=1, last_success=time.time())
            return 0
        self._manifests.pop(sid, None)  # re-read what the service holds next pass
        return len(r.json().get("missing", [])) if r.status_code == 200 else 1

    def _send(self, sid: str, rel: str, sha: str, data: bytes) -> str:
        if self._grants and is_media(rel):  # straight to the object store (capture/media_upload.py)
            try:
                granted = send_via_grant(self._call, self._store, sid, rel, sha, data)
            except StoreRefused as e:
                raise _Retry(f"{rel}: {e}") from None
            if granted is not None:
                return self._outcome(rel, granted, len(data))
            self._grants = False
        headers = {"X-Content-SHA256": sha, "Content-Type": "application/octet-stream"}
        body = data
        if rel.endswith(".json"):
            body = _zstd(data)
            headers["Content-Encoding"] = "zstd"
        r = self._call("PUT", f"/v1/sessions/{sid}/files/{rel}", content=body, headers=headers)
        return self._outcome(rel, r, len(body))

    def _outcome(self, rel: str, r: httpx.Response, sent: int) -> str:
        if r.status_code == 200:
            dup = bool(r.json().get("duplicate"))
            self._bump(
                sent_files=1,
                sent_bytes=sent,
                duplicates=int(dup),
                sent_chunks=int(rel.startswith("chunks/")),
                last_success=time.time(),
            )
            return "ok"
        if r.status_code == 410:
            return "gone"
        if r.status_code == 400 or (r.status_code == 422 and "X-Content-SHA256" in r.text):
            raise _Retry(f"PUT {rel}: HTTP 400 {r.text[:200]}")
        return f"{rel}: HTTP {r.status_code} {r.text[:200]}"

    def _drop(self, d: Path, why: str) -> int:
        log.info("session %s %s: removing the local copy", d.name, why)
        shutil.rmtree(d, ignore_errors=True)
        self._forget(d)
        return 0
