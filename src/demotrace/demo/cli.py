"""`demotrace demo`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click


@click.command("demo")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out/demo"),
    show_default=True,
    help="Where the demo keeps everything (wiped first).",
)
@click.option("--no-service", is_flag=True, help="Record to the local spool only; export from it.")
@click.option("--no-browser", is_flag=True, help="Skip the Chromium part.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def demo_cmd(out: Path, no_service: bool, no_browser: bool, as_json: bool) -> None:
    """Run the whole path on a virtual desktop with the embedded default policy: real apps
    (xterm, galculator, Chromium with the extension on a bundled web app) driven by xdotool →
    record → serve and upload → server-side release → export in every format. Prints a summary
    and where the dataset and its report are."""
    from .runner import Demo

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    result = Demo(out, with_service=not no_service, with_browser=not no_browser).run()
    if as_json:
        click.echo(json.dumps(result))
        return
    r = result["recorder"]
    reports = sorted(str(p.resolve()) for p in (out / "dataset").rglob("*.html"))
    lines = [
        "demotrace demo: done",
        f"  recorded   {r.get('events', 0)} input events → {r.get('steps', 0)} actions, "
        f"{r.get('frames', 0)} frames, "
        f"{r.get('video_frames', 0)} video frames, {r.get('bytes', 0) / 1e6:.2f} MB written (encrypted)",
        f"  blocked    {sum(r.get('dropped', {}).values())} input events dropped "
        f"({', '.join(f'{k}: {v}' for k, v in r.get('dropped', {}).items()) or 'none'}); "
        f"planned off-allowlist inputs: {result['blocked_planned']}",
        f"  why        {', '.join(f'{k} ×{v}' for k, v in r.get('blocked', {}).items()) or '-'}",
        f"  browser    {r.get('browser_clicks_joined', 0)}/{r.get('browser_clicks', 0)} "
        "clicks joined to a DOM target",
        f"  source     {result['source']}",
    ]
    for fmt, path in result["exports"].items():
        lines.append(f"  {fmt:<10} {path}")
    lines.append(f"  report     {reports[0] if reports else '(none written)'}")
    click.echo("\n".join(lines))
