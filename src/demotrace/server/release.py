"""Quarantine → release. A background thread in each worker claims quarantined sessions one at a
time (an atomic UPDATE, so workers never process the same one), re-runs the text engine over all
text of each step and event, runs the frame pass over every frame, writes the result as a plain
bundle under `released/<id>/`, and only then marks the session released. Every record is validated
against its model first. Any failure (an invalid record included) marks it `failed` with the
cause as an alert for admins; its data stays in quarantine. Video segments are released frame by
frame through the same pass (`video_release.py`); the pass has a time budget per frame
(`frame_timeout_s`), past which the session fails closed."""

from __future__ import annotations

import json
import logging
import shutil
import struct
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson
import zstandard
from sqlalchemy import or_, select, update

from ..bundle import read_chunk
from ..policy import Policy
from ..redact import TextRedactor
from ..redact.fields import URL_KEYS, FieldRedactor
from ..schema.records import validate_record
from ..store import ServiceData, audit, id_hash
from ..store.lifecycle import purge_expired
from ..store.models import Session
from .exports_refresh import refresh_exports
from .frames import FramePassError, frame_masks, frame_paths, list_frame_masks, redact_frames
from .policies import current_policy
from .still_masks import still_masks
from .video_release import release_video

log = logging.getLogger("demotrace.server")
_cctx = zstandard.ZstdCompressor(level=3)
_LEN = struct.Struct(">I")
_STRUCTURAL = {"kind", "type", "button", "key", "source", "role", "tag", "before", "after", "reason"}


def plain_chunk(objs: list[dict[str, Any]], per_record: int = 2000) -> bytes:
    """A plaintext chunk file (readable by `demotrace.bundle.read_chunk(path, None)`)."""
    out = [b"DTC1\x00"]
    for i in range(0, len(objs), per_record):
        payload = _cctx.compress(b"\n".join(orjson.dumps(o) for o in objs[i : i + per_record]))
        out.append(_LEN.pack(len(payload)) + payload)
    return b"".join(out)


class InvalidRecord(ValueError):
    """A stored record fails its model (stored before validation, or altered): no release."""


class TextPass:
    def __init__(self, policy: Policy) -> None:
        self.r = TextRedactor(
            policy.confidential_terms, policy.sensitive_topics, host_allowed=policy.host_allowed
        )
        self.fields = FieldRedactor(self.r)

    def _field(self, holder: dict[str, Any], key: str, path: str, found: list[dict[str, Any]]) -> bool:
        """Redact holder[key] in place; False when the item had to be dropped."""
        v = holder.get(key)
        if not isinstance(v, str) or not v:
            return True
        # a URL is redacted as one (host kept, pieces apart): plain text redaction would turn
        # an IP host into `[IP]`, which no URL parser accepts
        res = self.r.redact_url(v) if key in URL_KEYS else self.r.redact(v)
        if res.dropped or res.text is None:
            del holder[key]
            found.append({"field": path, "kind": "DROPPED"})
            return False
        holder[key] = res.text
        found.extend({"field": path, "kind": f.kind} for f in res.findings)
        return True

    def step(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        found: list[dict[str, Any]] = []
        action = obj.get("action") or {}
        if not self._field(action, "text", "action.text", found):
            return None  # a `type` action without its text is no action
        for k in list((obj.get("context") or {}).keys()):
            self._field(obj["context"], k, f"context.{k}", found)
        obs = obj.get("observation")
        if isinstance(obs, dict) and isinstance(obs.get("accessibility_tree"), list):
            obs["accessibility_tree"] = self._tree(obs["accessibility_tree"], found)
        target = obj.get("target")
        if isinstance(target, dict):
            for k in [k for k in target if k not in _STRUCTURAL]:
                if isinstance(target[k], dict | list):  # control, options, ancestor path: every string
                    target[k], nested = self.fields.tree(target[k], f"target.{k}")
                    found.extend(nested)
                else:
                    self._field(target, k, f"target.{k}", found)
        if found:
            obj["redactions"] = [*(obj.get("redactions") or []), *found]
        return obj

    def _tree(self, nodes: list[Any], found: list[dict[str, Any]]) -> list[Any]:
        """An accessibility tree (`[depth, role, name, bbox, states]` per node), every string in it
        through the text engine in one batch, as the recorder did on the device with its policy:
        a name the current policy drops becomes "[REDACTED]", as on the device."""
        out: list[Any]
        out, nested = self.fields.tree(nodes, "observation.accessibility_tree")
        found.extend(nested)
        for node, raw in zip(out, nodes, strict=True):
            if isinstance(node, list) and len(node) > 2 and node[2] is None and isinstance(raw[2], str):
                node[2] = "[REDACTED]"
        return out

    def other(self, obj: dict[str, Any]) -> dict[str, Any]:
        for k in [k for k, v in obj.items() if isinstance(v, str) and k not in _STRUCTURAL]:
            self._field(obj, k, k, [])
        return obj

    def meta(self, data: bytes) -> bytes:
        d = json.loads(data)
        if isinstance(d.get("task"), str):
            self._field(d, "task", "task", [])
        return json.dumps(d, indent=1).encode()


def release_session(data: ServiceData, session_id: str) -> None:
    """Run the server-side redaction pass over a quarantined session and release it."""
    src = data.blobs.session_dir("quarantine", session_id)
    policy = current_policy(data)
    text = TextPass(policy)
    tmp_root = data.config.data_dir / "tmp"
    tmp_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"release-{session_id}-", dir=tmp_root) as tmp:
        files: dict[str, bytes] = {"session.json": text.meta((src / "session.json").read_bytes())}
        chunks: dict[str, list[dict[str, Any]]] = {}
        for p in sorted((src / "chunks").glob("*.dtc")) if (src / "chunks").is_dir() else []:
            objs = []
            for n, o in enumerate(read_chunk(p, None)):
                try:  # fail closed: a record that is not what its model says is never released
                    validate_record(o)
                except ValueError as e:
                    raise InvalidRecord(f"chunks/{p.name} object {n}: {e}") from None
                r = text.step(o) if o.get("kind") == "step" else text.other(o)
                if r is not None:
                    objs.append(r)
            chunks[f"chunks/{p.name}"] = objs
        frames = frame_paths(src)
        cmd, per_frame = data.config.frame_pass_cmd or None, data.config.frame_timeout_s
        done = redact_frames(
            src,
            Path(tmp) / "frames-out",
            frames,
            policy,
            cmd=cmd,
            timeout=60.0 + per_frame * len(frames),
            per_frame=per_frame,
        )
        masks = frame_masks(Path(tmp) / "frames-out") if done else {}
        for rel, objs in chunks.items():  # the OCR pass's masks, listed like the recorder's
            for o in objs:
                if o.get("kind") == "step":
                    list_frame_masks(o, masks)
            files[rel] = plain_chunk(objs)
        for rel, path in done.items():
            files[rel] = path.read_bytes()
        steps = [o for objs in chunks.values() for o in objs if o.get("kind") == "step"]
        stills = still_masks(steps, masks)
        files.update(release_video(src, Path(tmp), policy, cmd, per_frame, stills))
        data.blobs.delete_prefix(f"released/{session_id}")
        for rel, blob in files.items():
            data.blobs.put(f"released/{session_id}/{rel}", blob)
    with data.db.write() as s:
        row = s.get(Session, session_id)
        if row is None:  # deleted meanwhile
            data.blobs.delete_prefix(f"released/{session_id}")
            return
        row.state, row.alert, row.claimed_at, row.updated = "released", None, None, time.time()
        audit.append(
            s, "service", "session.release", {"session_hash": id_hash(session_id), "frames": len(done)}
        )
    data.blobs.delete_prefix(f"quarantine/{session_id}")
    data.blobs.drop_cache(session_id)


def claim_next(data: ServiceData) -> str | None:
    """Claim one quarantined session (or one whose claimer stopped heart-beating: a worker that
    died mid-pass) with an atomic UPDATE; returns its id."""
    now = time.time()
    stale = now - data.config.claim_timeout
    with data.db.read() as s:
        cands = list(
            s.execute(
                select(Session.id)
                .where(
                    or_(
                        Session.state == "quarantined",
                        (Session.state == "redacting") & (Session.claimed_at < stale),
                    )
                )
                .order_by(Session.updated)
                .limit(5)
            ).scalars()
        )
    for sid in cands:
        with data.db.write() as s:
            r = s.execute(
                update(Session)
                .where(
                    Session.id == sid,
                    or_(
                        Session.state == "quarantined",
                        (Session.state == "redacting") & (Session.claimed_at < stale),
                    ),
                )
                .values(state="redacting", claimed_at=now)
            )
            if r.rowcount == 1:  # type: ignore[attr-defined]
                return sid
    return None


def _heartbeat(data: ServiceData, sid: str, done: threading.Event) -> None:
    """Keep our claim fresh while the pass runs, so only a dead worker's claim goes stale."""
    while not done.wait(data.config.claim_timeout / 4):
        try:
            with data.db.write() as s:
                s.execute(
                    update(Session)
                    .where(Session.id == sid, Session.state == "redacting")
                    .values(claimed_at=time.time())
                )
        except Exception:  # a missed beat only risks a duplicate (idempotent) pass
            log.warning("heartbeat for session %s failed", sid, exc_info=True)


def redacting_elsewhere(data: ServiceData) -> int:
    """Sessions another worker has claimed and is still redacting (its claim heart-beaten within
    `claim_timeout`): `admin release` cannot take them, and they are not released yet."""
    fresh = time.time() - data.config.claim_timeout
    with data.db.read() as s:
        rows = s.execute(
            select(Session.id).where((Session.state == "redacting") & (Session.claimed_at >= fresh))
        ).scalars()
        return len(list(rows))


def process_one(data: ServiceData) -> bool:
    sid = claim_next(data)
    if sid is None:
        return False
    run_claimed(data, sid)
    return True


def run_claimed(data: ServiceData, sid: str) -> str:
    """Release one session this worker has claimed (heart-beating the claim meanwhile); a failure
    marks it `failed` with an alert. Returns the state it ends in. Idempotent: a retry after a
    worker died mid-pass (Ray) writes the released copy again from the start."""
    done = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(data, sid, done), daemon=True)
    beat.start()
    try:
        release_session(data, sid)
        return "released"
    except (FramePassError, Exception) as e:
        msg = f"{type(e).__name__}: {e}".splitlines()[0][:500].replace(sid, "<session>")
        log.warning("session %s stays quarantined: %s", sid, msg)
        with data.db.write() as s:
            row = s.get(Session, sid)
            if row is not None:
                row.state, row.alert, row.claimed_at, row.updated = "failed", msg, None, time.time()
                audit.append(
                    s, "service", "session.release_failed", {"session_hash": id_hash(sid), "error": msg}
                )
        return "failed"
    finally:
        done.set()
        beat.join()


def _sweep_tmp(data: ServiceData, older_than: float = 3600.0) -> None:
    """Remove work folders that a killed worker left behind (they hold plaintext)."""
    tmp = data.config.data_dir / "tmp"
    if not tmp.is_dir():
        return
    for p in tmp.iterdir():
        try:
            if time.time() - p.stat().st_mtime > older_than:
                shutil.rmtree(p, ignore_errors=True)
        except FileNotFoundError:
            pass


class Background:
    """The worker's background jobs: release quarantined sessions, purge expired ones."""

    def __init__(self, data: ServiceData) -> None:
        self.data = data
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demotrace-release", daemon=True)
        self._next_purge = time.monotonic() + min(5.0, data.config.retention_interval)
        self._next_checkpoint = time.monotonic() + data.config.audit_checkpoint_interval
        self._checkpointed: tuple[int, str] | None = None

    def start(self) -> None:
        _sweep_tmp(self.data)
        self._thread.start()

    def kick(self) -> None:
        self._kick.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._kick.set()
        self._thread.join(timeout)
        self.checkpoint()

    def checkpoint(self) -> None:
        """A signed checkpoint of the audit head, outside the database (when it moved)."""
        try:
            self._checkpointed = self.data.checkpoint_audit(self._checkpointed)
        except Exception:
            log.exception("audit checkpoint failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                while (
                    self.data.config.background_release and not self._stop.is_set() and process_one(self.data)
                ):
                    pass
                refresh_exports(self.data)  # after a deletion: exports follow
                if time.monotonic() >= self._next_purge:
                    self._next_purge = time.monotonic() + self.data.config.retention_interval
                    purge_expired(self.data, self.data.config.retention_days)
                if time.monotonic() >= self._next_checkpoint:
                    self._next_checkpoint = time.monotonic() + self.data.config.audit_checkpoint_interval
                    self.checkpoint()
            except Exception:
                log.exception("background job failed")
            self._kick.wait(
                min(self.data.config.release_interval, self.data.config.audit_checkpoint_interval)
            )
            self._kick.clear()
