"""`demotrace record | pause | resume | status | spool dump`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import paths
from ..errors import UsageError


@click.command("record")
@click.option(
    "--policy",
    "policy",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Policy TOML (default: the embedded one).",
)
@click.option(
    "--spool",
    type=click.Path(path_type=Path, file_okay=False),
    help="Spool folder (default: $DEMOTRACE_HOME/spool).",
)
@click.option("--display", help="X display to record, e.g. :0 (default: $DISPLAY).")
@click.option(
    "--duration", type=float, help="Stop after this many seconds (default: until Ctrl+C / SIGTERM)."
)
@click.option("--server", help="Service URL to upload to (after `demotrace enroll`).")
@click.option("--quota-mb", type=int, help="Spool disk quota in MB (default: the policy's capture.quota_mb).")
@click.option("--no-browser", is_flag=True, help="Do not start the browser-extension bridge.")
@click.option("--no-a11y", is_flag=True, help="Do not read desktop accessibility (AT-SPI).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def record_cmd(
    policy: Path | None,
    spool: Path | None,
    display: str | None,
    duration: float | None,
    server: str | None,
    quota_mb: int | None,
    no_browser: bool,
    no_a11y: bool,
    as_json: bool,
) -> None:
    """Record input, screen and window context on the policy's allowlist into the spool.

    Nothing outside the allowlist is kept; typed text, titles and URLs are redacted before they
    are written; the spool is encrypted with this device's key. Pause with the policy's hotkey
    (default Ctrl+Alt+P) or `demotrace pause`."""
    from ._util.memory import limit_heap

    limit_heap()  # this process is the recorder: its malloc settings, before any thread starts
    from ..redact.model import set_default_runtime

    set_default_runtime("numpy")  # the character model without ONNX Runtime's ~21 MB library
    from .recorder import Recorder, RecorderOptions

    if duration is not None and duration <= 0:
        raise UsageError("--duration must be positive")
    opts = RecorderOptions(
        policy=policy,
        display=display,
        duration=duration,
        server=server,
        quota_mb=quota_mb,
        browser=not no_browser,
        a11y=not no_a11y,
    )
    if spool is not None:
        opts.spool = spool
    rec = Recorder(opts)
    click.echo(
        f"demotrace: recording on {rec.display} into {opts.spool} (policy v{rec.policy.version}, "
        f"{rec.policy.source}); Ctrl+C to stop",
        err=True,
    )
    summary = rec.run()
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(
            f"demotrace: stopped; {summary['steps']} actions, {summary['frames']} frames, "
            f"{summary['events']} events, {summary['bytes']} bytes in {summary['bundle']}",
            err=True,
        )


def _control(cmd: str, args: dict[str, object] | None = None) -> dict[str, object] | None:
    from .control import send

    try:
        return send(paths.control_socket(), cmd, args=args)
    except OSError:
        return None


@click.command("pause")
def pause_cmd() -> None:
    """Pause the running recorder (nothing is captured until `demotrace resume`)."""
    r = _control("pause")
    if r is None:
        raise UsageError("no recorder is running")
    click.echo(_line(r))


@click.command("resume")
def resume_cmd() -> None:
    """Resume the running recorder."""
    r = _control("resume")
    if r is None:
        raise UsageError("no recorder is running")
    click.echo(_line(r))


@click.group("task")
def task_group() -> None:
    """Name the task you are about to do (the dataset's instruction), or mark it done."""


@task_group.command("start")
@click.argument("text")
def task_start_cmd(text: str) -> None:
    """Start a task: what follows, until `task done` or the next task, is one episode."""
    if not text.strip():
        raise UsageError("the task's text is empty")
    r = _control("task_start", {"text": text})
    if r is None:
        raise UsageError("no recorder is running")
    if "error" in r:
        raise UsageError(str(r["error"]))
    click.echo(f"task started: {r.get('task')}")


@task_group.command("done")
def task_done_cmd() -> None:
    """Mark the current task done (its episode ends here)."""
    r = _control("task_done")
    if r is None:
        raise UsageError("no recorder is running")
    if "error" in r:
        raise UsageError(str(r["error"]))
    click.echo("task done")


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of the status line.")
def status_cmd(as_json: bool) -> None:
    """Print one line starting with the state: recording, paused, blocked: <why> or stopped."""
    r = _control("status") or {"state": "stopped", "why": "no recorder is running"}
    click.echo(json.dumps(r) if as_json else _line(r))


def _line(r: dict[str, object]) -> str:
    state = str(r.get("state"))
    if state == "blocked":
        return f"blocked: {r.get('why')}"
    if state == "recording":
        secure = f", secure input: {r['secure_input']} (keys dropped)" if r.get("secure_input") else ""
        a11y = r.get("a11y")
        if a11y not in (None, "on", "off", "starting"):
            secure += f", no desktop targets: {a11y}"
        return (
            f"recording (session {r.get('session')}, {r.get('actions')} actions, {r.get('frames')} frames"
            f"{secure})"
        )
    if state == "paused":
        return f"paused (session {r.get('session')})"
    return "stopped"


@click.group("spool")
def spool_group() -> None:
    """Inspect the local spool."""


@spool_group.command("dump")
@click.argument("spool", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False))
def spool_dump_cmd(spool: Path, out: Path) -> None:
    """A decrypted, decompressed copy of every file in SPOOL (with this device's key), for audits
    and leak tests: chunks become JSON lines, frames and videos plain files."""
    from .spooldump import dump_spool

    n = dump_spool(spool, out)
    click.echo(f"demotrace: {n} files written to {out}", err=True)
    sys.exit(0)
