"""`demotrace export` and `demotrace import` (DESIGN.md, "Command line").

Exit status of `export`: 0 when at least one session was exported (sessions that could not be
read are reported on stderr and in the report); 1 when sessions were found but none could be
exported; 2 for bad usage (no such folder, no bundle in it, unknown format).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..bundle import load_key
from ..errors import DemotraceError, UsageError
from ..paths import device_key_path
from .config import PipelineConfig
from .engine import ENGINES, run_export
from .export import FORMATS
from .frames import IMAGE_FORMATS

_DEFAULT = PipelineConfig()


def _key(key_file: Path | None) -> bytes | None:
    if key_file is not None:
        data = key_file.read_bytes()
        if len(data) != 32:
            raise UsageError(f"{key_file}: a device key is 32 bytes, this file has {len(data)}")
        return data
    return load_key(device_key_path())


@click.command("export")
@click.argument("src", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="native", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option(
    "--workers", type=int, default=None, help="Processes (local) or CPUs (ray); default: cores, max 4."
)
@click.option(
    "--key-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Device key for encrypted spools (default: this device's key).",
)
@click.option("--min-steps", type=int, default=_DEFAULT.min_steps, show_default=True)
@click.option("--max-steps", type=int, default=_DEFAULT.max_steps, show_default=True)
@click.option("--idle-gap", type=float, default=_DEFAULT.idle_gap, show_default=True)
@click.option(
    "--switch-gap",
    type=float,
    default=_DEFAULT.switch_gap,
    show_default=True,
    help="A switch to another app/site after this many idle seconds starts a new episode.",
)
@click.option(
    "--image-format",
    type=click.Choice(IMAGE_FORMATS),
    default=None,
    help="Encode every frame as this (default: what the format's tooling expects; PNG for "
    "agentnet and osworld, JPEG for webdataset, as stored otherwise).",
)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object on stdout.")
def export_cmd(
    src: Path,
    fmt: str,
    out: Path,
    engine: str,
    workers: int | None,
    key_file: Path | None,
    min_steps: int,
    max_steps: int,
    idle_gap: float,
    switch_gap: float,
    image_format: str | None,
    progress: bool,
    as_json: bool,
) -> None:
    """Export session bundles (a bundle, a spool, or a service data folder) as training data."""
    if min_steps < 1 or max_steps < 1 or max_steps < min_steps:
        raise UsageError("--min-steps and --max-steps must be ≥ 1 and --max-steps ≥ --min-steps")
    if idle_gap <= 0 or switch_gap < 0:
        raise UsageError("--idle-gap must be > 0 and --switch-gap ≥ 0")
    config = PipelineConfig(
        min_steps=min_steps,
        max_steps=max_steps,
        idle_gap=idle_gap,
        switch_gap=switch_gap,
        image_format=image_format,
    )
    n = workers if workers is not None else max(1, min(4, os.cpu_count() or 1))
    s = run_export(
        src, fmt, out, key=_key(key_file), engine=engine, workers=n, config=config, progress=progress
    )
    for name, err in s.failed:
        click.echo(f"demotrace: session {name}: {err}", err=True)
    for name, problem in s.warnings:
        click.echo(f"demotrace: warning: session {name}: {problem}", err=True)
    click.echo(
        f"exported {s.episodes} episodes ({s.steps} steps) from {s.exported + s.resumed} of {s.sessions} "
        f"sessions ({s.resumed} already done) to {out}; report: {s.report}",
        err=True,
    )
    if as_json:
        click.echo(json.dumps(s.to_dict(), sort_keys=True))
    if s.failed and s.exported + s.resumed == 0:
        raise DemotraceError(f"none of the {s.sessions} sessions under {src} could be exported")


@click.group("import")
def import_group() -> None:
    """Import recordings made by other tools into session bundles."""


@import_group.command("ducktrack")
@click.argument("raw_dir", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object on stdout.")
def ducktrack_cmd(raw_dir: Path, out: Path, as_json: bool) -> None:
    """A DuckTrack / AgentNetTool recording (events.jsonl, metadata.json, optional video)."""
    from .importers.ducktrack import import_ducktrack

    r = import_ducktrack(raw_dir, out)
    click.echo(
        f"imported {r.events} events as {r.steps} steps into {r.bundle}"
        + ("" if r.video else " (no video: steps carry no observation images)"),
        err=True,
    )
    if as_json:
        click.echo(json.dumps(r.to_dict(), sort_keys=True))
