"""`demotrace browser [URL]`: Chromium in a managed profile with the extension paired."""

from __future__ import annotations

import shutil

import click

from .launcher import CHROMIUM, default_profile, launch
from .pairing import load_pairing, pairing_path


def _window(v: str | None) -> tuple[int, int, int, int] | None:
    if not v:
        return None
    try:
        x, y, w, h = (int(p) for p in v.replace("x", ",").split(","))
    except ValueError:
        raise click.BadParameter("expected X,Y,WxH, e.g. 0,0,1280x800") from None
    return x, y, w, h


@click.command(name="browser")
@click.argument("url", required=False)
@click.option("--profile", type=click.Path(file_okay=False), help="Profile folder (default: managed).")
@click.option("--fresh", is_flag=True, help="Delete the managed profile first.")
@click.option("--display", help="X display to open the window on (default: $DISPLAY).")
@click.option("--window", "window", help="Window geometry X,Y,WxH.")
@click.option("--chromium", default=CHROMIUM, show_default=True, help="Chromium executable.")
@click.option("--pairing", "show_pairing", is_flag=True, help="Print the pairing string and exit.")
@click.option("--wait/--no-wait", default=False, help="Wait until the browser exits.")
def browser_cmd(
    url: str | None,
    profile: str | None,
    fresh: bool,
    display: str | None,
    window: str | None,
    chromium: str,
    show_pairing: bool,
    wait: bool,
) -> None:
    """Open Chromium with the demotrace extension installed and paired to the local recorder.

    To pair a browser you already use instead: load extension/ unpacked (chrome://extensions,
    Developer mode), then paste the output of `demotrace browser --pairing` into its options page.
    """
    from pathlib import Path

    pairing = load_pairing()
    if show_pairing:
        click.echo(pairing.to_json())
        click.echo(f"(from {pairing_path()})", err=True)
        return
    prof = Path(profile) if profile else default_profile()
    if fresh and prof.exists():
        shutil.rmtree(prof)
    proc = launch(url, pairing, profile=prof, chromium=chromium, window=_window(window), display=display)
    click.echo(f"chromium (pid {proc.pid}) with profile {prof}, paired on port {pairing.port}", err=True)
    if wait:
        proc.wait()
