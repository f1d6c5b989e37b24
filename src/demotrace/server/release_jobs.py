"""The release pass as a job on Ray (`demotrace admin release --engine ray`): one task per
quarantined session, over the object store and the shared database.

The driver claims sessions with the same atomic UPDATE as the service's background workers (so
the two never release one session twice) and submits each as a Ray task; the task opens the
service's data (configuration, database, blob store) from `--data`, heart-beats its claim and
runs the redaction pass. A worker process that dies mid-task is a system failure to Ray: the
task runs again on another worker (`max_retries`), and the pass is idempotent (it rewrites the
released copy from the start). A task whose retries are spent leaves its claim to go stale, so
the service claims the session again later: nothing stays stuck. Ray nodes need the data folder
(`service.json`, the audit key) and reach the same database and object store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline.ray_engine import ray_runtime
from ..store import ServiceData
from .release import claim_next, run_claimed

RETRIES = 3


@dataclass(slots=True)
class ReleaseSummary:
    released: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """The pass refused them (kept in quarantine with an alert)."""
    lost: list[str] = field(default_factory=list)
    """Their task died more than RETRIES times; the claim goes stale and the service retries."""


def release_task(data_dir: str, sid: str) -> tuple[str, str]:
    """One session's release, in a Ray worker: (session id, state it ends in)."""
    data = ServiceData.open(Path(data_dir), migrate=False)
    try:
        return sid, run_claimed(data, sid)
    finally:
        data.close()


def release_on_ray(data_dir: Path, workers: int) -> ReleaseSummary:
    summary = ReleaseSummary()
    with ray_runtime(workers) as ray:
        from ray.exceptions import RayError

        data = ServiceData.open(data_dir)
        try:
            task = ray.remote(num_cpus=1, max_retries=RETRIES)(release_task)
            pending: dict[Any, str] = {}
            while True:
                while len(pending) < 2 * workers and (sid := claim_next(data)) is not None:
                    pending[task.remote(str(data_dir.resolve()), sid)] = sid
                if not pending:
                    break
                done, _ = ray.wait(list(pending), num_returns=1)
                sid = pending.pop(done[0])
                try:
                    _, state = ray.get(done[0])
                except RayError:
                    summary.lost.append(sid)
                    continue
                (summary.released if state == "released" else summary.failed).append(sid)
        finally:
            data.close()
    return summary
