"""`demotrace fleet`: N ingest workers behind nginx or HAProxy on this host (`fleet.py`)."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from types import FrameType

import click

from ..errors import UsageError
from ..store import ServiceConfig
from .balancer import BALANCERS


@click.command("fleet")
@click.option(
    "--data", "data_dir", type=click.Path(path_type=Path), required=True, help="Service data folder."
)
@click.option("--db", "db_url", default=None, help="Database URL (postgresql://… for a fleet).")
@click.option("--blobs", "blobs_url", default=None, help="Blob store URL (a folder or s3://BUCKET/PREFIX).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--balancer", type=click.Choice(BALANCERS), default="nginx", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Where the balancer listens.")
@click.option("--port", default=8787, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--max-inflight",
    type=click.IntRange(0, 100000),
    default=None,
    help="Uploads one worker holds at once before it answers 429 (default 32; 0: no limit).",
)
def fleet_cmd(
    data_dir: Path,
    db_url: str | None,
    blobs_url: str | None,
    workers: int,
    balancer: str,
    host: str,
    port: int,
    max_inflight: int | None,
) -> None:
    """Run N stateless ingest workers behind a load balancer; restart any that dies.

    Prints one JSON line (url, balancer and worker pids, run folder) on stdout once it answers."""
    from .fleet import Fleet

    data_dir = data_dir.resolve()
    cfg = ServiceConfig.load(data_dir, must_exist=False)
    if db_url:
        cfg.db_url = db_url
    if blobs_url:
        cfg.blobs_url = blobs_url
    if max_inflight is not None:
        cfg.max_inflight = max_inflight
    if workers > 1 and cfg.db_url.startswith("sqlite"):
        click.echo(
            "demotrace: warning: several workers on SQLite share one writer; use --db postgresql://…",
            err=True,
        )
    cfg.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    cfg.save()
    fleet = Fleet(data_dir, workers=workers, balancer=balancer, host=host, port=port)

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _stop)
    try:
        fleet.start()
        info = {
            "url": fleet.url,
            "balancer": balancer,
            "balancer_pid": fleet.balancer_proc.pid if fleet.balancer_proc else None,
            "worker_pids": fleet.worker_pids(),
            "worker_ports": fleet.worker_ports,
            "run_dir": str(fleet.run_dir),
        }
        click.echo(
            f"demotrace: {workers} workers behind {balancer} on {fleet.url} (data {data_dir})", err=True
        )
        click.echo(json.dumps(info))
        sys.stdout.flush()
        fleet.supervise()
    except KeyboardInterrupt:
        pass
    except OSError as e:
        raise UsageError(f"fleet: {e}") from None
    finally:
        fleet.stop()
        fleet.remove_run_dir()
