"""`demotrace eval redaction FILE [--json]` and `demotrace redact frames IN_DIR --out DIR`.

Human output goes to stderr; `--json` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .engine import TextRedactor
from .evaluate import evaluate, load_samples


@click.group("eval")
def eval_group() -> None:
    """Measure parts of demotrace."""


@eval_group.command("redaction")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def eval_redaction(file: Path, as_json: bool) -> None:
    """Precision / recall / F2 of the text redactor on FILE (presidio-research's JSON format)."""
    samples = load_samples(file)
    report = evaluate(samples, TextRedactor())
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    o = report["overall"]
    click.echo(
        f"{report['samples']} samples in {report['seconds']:.2f} s: recall {o['recall']:.3f}  "
        f"precision {o['precision']:.3f}  F2 {o['f2']:.3f}  all caught {o['all_caught']:.3f}",
        err=True,
    )
    for kind, e in report["entities"].items():
        click.echo(f"  {kind:<18} recall {e['recall']:.3f}  ({e['spans']} spans)", err=True)


@click.group("redact")
def redact_group() -> None:
    """Run redaction passes over stored data."""
