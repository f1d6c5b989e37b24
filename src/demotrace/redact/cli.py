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
@click.option(
    "--without",
    "without",
    default="",
    help="Comma-separated detectors to leave out (e.g. model: rules alone).",
)
def eval_redaction(file: Path, as_json: bool, without: str) -> None:
    """Precision / recall / F2 of the text redactor on FILE (presidio-research's JSON format)."""
    from . import registry

    samples = load_samples(file)
    left_out = {n.strip() for n in without.split(",") if n.strip()}
    unknown = left_out - set(registry.names())
    if unknown:
        raise click.UsageError(f"unknown detector(s) in --without: {', '.join(sorted(unknown))}")
    detectors = registry.build([n for n in registry.names() if n not in left_out])
    report = evaluate(samples, TextRedactor(detectors=detectors))
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
    for group in ("languages", "kinds"):
        for name, g in report.get(group, {}).items():
            click.echo(
                f"  {group[:-1]} {name:<8} recall {g['recall']:.3f}  precision {g['precision']:.3f}  "
                f"all caught {g['all_caught']:.3f}  clean touched {g['clean_touched']}/{g['clean']}",
                err=True,
            )


@click.group("redact")
def redact_group() -> None:
    """Run redaction passes over stored data."""


@redact_group.command("frames")
@click.argument("in_dir", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option("--policy", "policy_file", type=click.Path(path_type=Path), help="Policy file (TOML).")
@click.option("--no-ocr", is_flag=True, help="Structural boxes only (bundles).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object on stdout.")
def redact_frames_cmd(
    in_dir: Path, out_dir: Path, policy_file: Path | None, no_ocr: bool, as_json: bool
) -> None:
    """OCR + text engine over every image in IN_DIR (and the recorded structural boxes when IN_DIR
    is a session bundle), written to --out under the same names; flagged text is filled solid."""
    from ..bundle import load_key
    from ..paths import device_key_path
    from .frames import redact_frames_dir

    terms: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    if policy_file is not None:
        from ..policy import load_policy

        pol = load_policy(policy_file)
        terms, topics = pol.confidential_terms, pol.sensitive_topics
    key = load_key(device_key_path()) if (in_dir / "session.json").exists() else None
    rep = redact_frames_dir(in_dir, out_dir, TextRedactor(terms, topics), key=key, ocr=not no_ocr)
    if as_json:
        sys.stdout.write(json.dumps(rep.to_dict()) + "\n")
        return
    click.echo(
        f"{rep.frames} frames in {rep.seconds:.1f} s: {rep.structural_boxes} structural boxes, "
        f"{rep.ocr_boxes} OCR boxes {rep.kinds} -> {out_dir}",
        err=True,
    )
