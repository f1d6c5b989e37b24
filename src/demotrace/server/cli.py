"""`demotrace serve`, `demotrace admin …` and `demotrace enroll URL CODE`."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .. import paths
from ..errors import ServiceError, UsageError
from ..store import ServiceConfig, ServiceData, audit, purge_expired

ROLE_CHOICE = click.Choice(["employee", "trainer"])


def default_data_dir() -> Path:
    return paths.home() / "service"


def device_file() -> Path:
    return paths.home() / "device.json"


@click.command("serve")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Service data folder (config, SQLite database, blobs). Default: DEMOTRACE_HOME/service.",
)
@click.option("--db", "db_url", default=None, help="Database URL (default sqlite in --data; postgresql://…).")
@click.option(
    "--blobs", "blobs_url", default=None, help="Blob store URL (default a folder in --data; s3://…)."
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8787, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--retention-days",
    type=click.IntRange(0, 100000),
    default=None,
    help="Purge data older than this (0: keep forever; default 90).",
)
@click.option("--max-upload-mb", type=click.IntRange(1, 4096), default=None, help="Largest file accepted.")
def serve_cmd(
    data_dir: Path | None,
    db_url: str | None,
    blobs_url: str | None,
    host: str,
    port: int,
    workers: int,
    retention_days: int | None,
    max_upload_mb: int | None,
) -> None:
    """Run the service (FastAPI on uvicorn)."""
    import uvicorn

    from .app import DATA_ENV

    data_dir = (data_dir or default_data_dir()).resolve()
    cfg = ServiceConfig.load(data_dir, must_exist=False)
    if db_url:
        cfg.db_url = db_url
    if blobs_url:
        cfg.blobs_url = blobs_url
    if retention_days is not None:
        cfg.retention_days = retention_days
    if max_upload_mb is not None:
        cfg.max_upload_bytes = max_upload_mb * 1024 * 1024
    cfg.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"  # console links
    cfg.save()
    ServiceData(cfg, migrate=True).close()
    os.environ[DATA_ENV] = str(data_dir)
    click.echo(f"demotrace: serving on http://{host}:{port} (data {data_dir})", err=True)
    uvicorn.run(
        "demotrace.server.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )


data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The service's data folder (default DEMOTRACE_HOME/service).",
)


def _open(data_dir: Path | None) -> ServiceData:
    return ServiceData.open((data_dir or default_data_dir()).resolve())


@click.group("admin")
def admin_group() -> None:
    """Administer a service from its data folder: enrollment codes, tokens, audit, retention."""


@admin_group.command("code")
@data_option
@click.option("--user", default=None, help="Pseudonym of the person (default: a new random one).")
@click.option("--role", type=ROLE_CHOICE, default="employee", show_default=True)
@click.option("--ttl-hours", type=click.FloatRange(0.01, 720), default=None)
def code_cmd(data_dir: Path | None, user: str | None, role: str, ttl_hours: float | None) -> None:
    """Print a one-time, expiring enrollment code (alone on the last line)."""
    from .routes_admin import create_code

    data = _open(data_dir)
    try:
        r = create_code(data, "admin-cli", user, role, ttl_hours or data.config.code_ttl_hours)
    finally:
        data.close()
    click.echo(
        f"enrollment code for {r.role} {r.user}, valid {(r.expires - time.time()) / 3600:.1f} h:", err=True
    )
    click.echo(r.code)


@admin_group.command("token")
@data_option
@click.option("--role", type=click.Choice(["admin", "trainer"]), required=True)
@click.option("--user", required=True, help="Who holds it (a name or pseudonym).")
def token_cmd(data_dir: Path | None, role: str, user: str) -> None:
    """Issue an admin or trainer API token (printed once, alone on the last line)."""
    from .auth import issue_token

    data = _open(data_dir)
    try:
        token, tid = issue_token(data, role, user, name=f"{role} token")
    finally:
        data.close()
    click.echo(f"{role} token {tid} for {user}:", err=True)
    click.echo(token)


@admin_group.command("revoke")
@data_option
@click.argument("token_id")
def revoke_cmd(data_dir: Path | None, token_id: str) -> None:
    """Revoke a device or API token by its id."""
    from ..store.models import Token

    data = _open(data_dir)
    try:
        with data.db.write() as s:
            t = s.get(Token, token_id)
            if t is None:
                raise UsageError(f"no token {token_id}")
            t.revoked = True
            audit.append(s, "admin-cli", "device.revoke", {"device": token_id})
    finally:
        data.close()
    click.echo(f"revoked {token_id}")


@admin_group.command("audit")
@data_option
@click.option(
    "--verify",
    is_flag=True,
    help="Check the keyed chain and the signed checkpoints; exit 1 naming the first problem.",
)
@click.option(
    "--checkpoints",
    "checkpoints_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Checkpoints to verify against (default: DIR/audit-checkpoints.jsonl; use your shipped copy).",
)
@click.option("--checkpoint", is_flag=True, help="Append a signed checkpoint of the head now.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
def audit_cmd(
    data_dir: Path | None, verify: bool, checkpoints_file: Path | None, checkpoint: bool, limit: int
) -> None:
    """Show the newest audit entries (JSON lines), verify the whole log, or write a checkpoint."""
    data = _open(data_dir)
    try:
        if checkpoint:
            head = data.checkpoint_audit()
            click.echo(f"checkpoint of entry {head[0] if head else 0} written to {data.checkpoints_path}")
            if not verify:
                return
        with data.db.read() as s:
            if verify:
                cps = audit.read_checkpoints(checkpoints_file or data.checkpoints_path)
                r = audit.verify(s, cps)
                if not r.ok:
                    click.echo(f"audit log TAMPERED after {r.entries} entries: {r.problem}")
                    sys.exit(1)
                click.echo(
                    f"audit log ok: {r.entries} entries, chain intact, {r.checkpoints} checkpoints match"
                )
                return
            for e in reversed(audit.entries(s, limit)):
                click.echo(
                    json.dumps(
                        {
                            "seq": e.seq,
                            "ts": e.ts,
                            "actor": e.actor,
                            "action": e.action,
                            "detail": json.loads(e.detail),
                            "hash": e.hash,
                        }
                    )
                )
    finally:
        data.close()


@admin_group.command("purge")
@data_option
@click.option(
    "--days",
    type=click.IntRange(1, 100000),
    default=None,
    help="Purge sessions older than this (default: the service's retention setting).",
)
def purge_cmd(data_dir: Path | None, days: int | None) -> None:
    """Retention: delete every session older than the retention period (leaves tombstones)."""
    data = _open(data_dir)
    try:
        n = purge_expired(data, days if days is not None else data.config.retention_days)
    finally:
        data.close()
    click.echo(f"purged {n} sessions")


@admin_group.command("alerts")
@data_option
def alerts_cmd(data_dir: Path | None) -> None:
    """List sessions whose server-side redaction pass failed (kept in quarantine), one per line."""
    from sqlalchemy import select

    from ..store.models import Session

    data = _open(data_dir)
    try:
        with data.db.read() as s:
            rows = list(
                s.execute(select(Session).where(Session.state == "failed").order_by(Session.id)).scalars()
            )
    finally:
        data.close()
    for r in rows:
        click.echo(f"{r.id} {r.user}: {r.alert}")
    click.echo(f"{len(rows)} sessions held in quarantine", err=True)


@admin_group.command("release")
@data_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 256), help="Ray CPUs.")
@click.option(
    "--wait",
    "wait_s",
    type=click.FloatRange(0),
    default=0,
    show_default=True,
    help="Then wait up to this many seconds for sessions a running service is still redacting.",
)
def release_cmd(data_dir: Path | None, engine: str, workers: int, wait_s: float) -> None:
    """Run the server-side redaction pass now over every quarantined session (here, or as one
    Ray task per session with `--engine ray`). Sessions the service's own worker is redacting are
    left to it; `--wait` waits for them."""
    from .release import process_one, redacting_elsewhere

    if engine == "ray":
        from .release_jobs import release_on_ray

        _open(data_dir).close()  # a clear error for a wrong --data before Ray starts
        res = release_on_ray(data_dir or default_data_dir(), workers)
        click.echo(f"released {len(res.released)}, failed {len(res.failed)}, lost {len(res.lost)} sessions")
        if res.lost:
            raise SystemExit(1)
        return
    data = _open(data_dir)
    n = 0
    try:
        while process_one(data):
            n += 1
        deadline = time.monotonic() + wait_s
        busy = redacting_elsewhere(data)
        while busy and time.monotonic() < deadline:
            time.sleep(0.5)
            while process_one(data):  # a worker that stopped heart-beating leaves its session
                n += 1
            busy = redacting_elsewhere(data)
    finally:
        data.close()
    click.echo(f"processed {n} sessions" + (f"; {busy} still being redacted by the service" if busy else ""))
    if busy and wait_s:
        raise SystemExit(f"demotrace: {busy} sessions still being redacted after {wait_s:g} s")


@admin_group.command("exports")
@data_option
def exports_cmd(data_dir: Path | None) -> None:
    """List the exports registered from this data folder with the state of their last refresh."""
    from ..store.exports import export_status, registered_exports

    d = (data_dir or default_data_dir()).resolve()
    _open(d).close()
    status = export_status(d)
    for e in registered_exports(d):
        st = status.get(str(e["out"]), {})
        counts = f" sessions={st.get('sessions')} steps={st.get('steps')}" if "sessions" in st else ""
        err = f" error={st['error']}" if st.get("error") else ""
        click.echo(f"{e['out']} {e['format']} {st.get('state', 'never-refreshed')}{counts}{err}")


@admin_group.command("refresh-exports")
@data_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default=None, help="Default: exports_engine.")
@click.option("--workers", default=0, type=click.IntRange(0, 256), help="Processes or Ray CPUs.")
def refresh_exports_cmd(data_dir: Path | None, engine: str | None, workers: int) -> None:
    """Bring every registered export up to date now (as after a deletion)."""
    from .exports_refresh import refresh_exports

    data = _open(data_dir)
    try:
        n = refresh_exports(data, force=True, engine=engine, workers=workers)
    finally:
        data.close()
    click.echo(f"refreshed {n} exports")


def _add_console_login() -> None:
    from ..console.cli import login_cmd

    admin_group.add_command(login_cmd)


_add_console_login()


@click.command("enroll")
@click.argument("url")
@click.argument("code")
def enroll_cmd(url: str, code: str) -> None:
    """Enroll this device with the service at URL using a one-time CODE."""
    import httpx

    if not url.startswith(("http://", "https://")):
        raise UsageError(f"URL {url!r} must start with http:// or https://")
    try:
        r = httpx.post(url.rstrip("/") + "/v1/enroll", json={"code": code, "name": "device"}, timeout=30)
    except httpx.HTTPError as e:
        raise ServiceError(f"cannot reach {url}: {e}") from None
    if r.status_code == 401:
        raise UsageError("enrollment code is wrong, used or expired")
    if r.status_code != 200:
        raise ServiceError(f"enrollment failed: HTTP {r.status_code} {r.text[:200]}")
    body = r.json()
    write_device_file({"server": url.rstrip("/"), **body})
    click.echo(f"enrolled: device {body['device_id']} of {body['user']}; token saved in {device_file()}")


def write_device_file(obj: dict[str, object]) -> None:
    path = device_file()
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(obj, f)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_device_file() -> dict[str, str]:
    try:
        d = json.loads(device_file().read_text())
    except FileNotFoundError:
        raise UsageError("this device is not enrolled; run `demotrace enroll URL CODE`") from None
    except ValueError as e:
        raise UsageError(f"{device_file()}: unreadable ({e})") from None
    return {k: str(v) for k, v in d.items()}
