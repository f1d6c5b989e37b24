"""Where a service keeps its state: `--data DIR` holds `service.json` (the DB and blob URLs and
the service's settings), the SQLite database `demotrace.db` and the blob folder `blobs/` unless
`--db` / `--blobs` point elsewhere. Admin commands and `export` find everything from DIR alone."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import UsageError

CONFIG_NAME = "service.json"


@dataclass(slots=True)
class ServiceConfig:
    data_dir: Path
    db_url: str = ""
    blobs_url: str = ""
    retention_days: int = 90
    """Data older than this many days is purged (0 keeps it forever)."""
    max_upload_bytes: int = 64 * 1024 * 1024
    """One upload, compressed on the wire and again after decompression (413 above it)."""
    max_record_bytes: int = 16 * 1024 * 1024
    """One chunk record, decompressed."""
    max_records_per_chunk: int = 20_000
    max_session_bytes: int = 16 * 1024 * 1024 * 1024
    """All files of one session together."""
    rate_per_s: float = 200.0
    """Requests per second per token (a token bucket per worker); 0 turns the limit off."""
    rate_burst: int = 2000
    max_inflight: int = 32
    """Uploads one worker process holds at once; beyond it 429 + Retry-After (0: no limit)."""
    worker_threads: int = 12
    """Threads per worker process for blocking work (database, blob store, decoding): AnyIO's
    thread limiter. The uploads over it wait on the event loop, which costs nothing; more threads
    only trade the GIL between themselves (measured in docs/benchmarks/service.md). A worker's
    PostgreSQL pool holds this many connections + 4 (the background jobs)."""
    busy_retry_after_s: int = 1
    """The Retry-After (seconds) of that 429."""
    audit_checkpoint_interval: float = 60.0
    """Seconds between signed checkpoints of the audit head (`audit-checkpoints.jsonl`)."""
    code_ttl_hours: float = 24.0
    background_release: bool = True
    """False: the service leaves quarantined sessions to `demotrace admin release` (a Ray job)."""
    release_interval: float = 1.0
    """Seconds between scans for quarantined sessions to redact and release."""
    retention_interval: float = 3600.0
    claim_timeout: float = 60.0
    """A session claimed by a worker that stopped heart-beating this long ago is claimed again."""
    frame_timeout_s: float = 30.0
    """Seconds the frame (OCR) pass may take per frame (still or video) before the session fails
    closed."""
    exports_engine: str = "local"
    """How the refresh of derived exports after a deletion runs: `local` (in the worker's
    background job, `exports_workers` processes) or `ray` (Ray tasks, joining RAY_ADDRESS)."""
    exports_workers: int = 1
    frame_pass_cmd: list[str] = field(default_factory=list)
    """argv prefix of the frame (OCR) pass; empty: `demotrace redact frames`."""
    url: str = ""
    """Where `serve` was last reached (http://HOST:PORT): the base of console sign-in links."""

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if not self.db_url:
            self.db_url = f"sqlite:///{(self.data_dir / 'demotrace.db').resolve()}"
        if not self.blobs_url:
            self.blobs_url = str((self.data_dir / "blobs").resolve())

    def save(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        d = asdict(self)
        d.pop("data_dir")
        tmp = self.data_dir / (CONFIG_NAME + ".tmp")
        tmp.write_text(json.dumps(d, indent=1))
        os.replace(tmp, self.data_dir / CONFIG_NAME)

    @classmethod
    def load(cls, data_dir: Path, must_exist: bool = True) -> ServiceConfig:
        data_dir = Path(data_dir)
        path = data_dir / CONFIG_NAME
        if not path.exists():
            if must_exist:
                raise UsageError(
                    f"{data_dir}: not a demotrace service data folder (no {CONFIG_NAME}); "
                    "run `demotrace serve --data DIR` once to create it"
                )
            return cls(data_dir)
        try:
            raw = json.loads(path.read_text())
        except (OSError, ValueError) as e:
            raise UsageError(f"{path}: unreadable ({e})") from None
        names = {f.name for f in fields(cls)} - {"data_dir"}
        return cls(data_dir, **{k: v for k, v in raw.items() if k in names})
