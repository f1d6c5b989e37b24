"""`demotrace console [--print-url]` (a sign-in link for this device's person, from the service)
and `demotrace admin login --data DIR --role admin|trainer` (a staff link, made on the host)."""

from __future__ import annotations

import os
import secrets
import webbrowser
from pathlib import Path

import click

from ..errors import ServiceError, UsageError


@click.command("console")
@click.option("--print-url", is_flag=True, help="Only print the URL (alone on the last line); open nothing.")
def console_cmd(print_url: bool) -> None:
    """A one-time sign-in URL to the console for this device's person (valid 10 minutes)."""
    import httpx

    from ..server.cli import read_device_file

    dev = read_device_file()
    server, token = dev.get("server", ""), dev.get("token", "")
    if not server or not token:
        raise UsageError("device.json lacks the server or the token; enroll again with `demotrace enroll`")
    try:
        r = httpx.post(server + "/v1/console/link", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    except httpx.HTTPError as e:
        raise ServiceError(f"cannot reach {server}: {e}") from None
    if r.status_code == 401:
        raise UsageError("the service does not accept this device's token (revoked?); enroll again")
    if r.status_code != 200:
        raise ServiceError(f"the service refused a sign-in link: HTTP {r.status_code} {r.text[:200]}")
    url = str(r.json()["url"])
    if not print_url:
        click.echo("sign-in link (single use, valid 10 minutes):", err=True)
        if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            webbrowser.open(url)
    click.echo(url)


@click.command("login")
@click.option(
    "--data", "data_dir", type=click.Path(path_type=Path), default=None, help="The service's data folder."
)
@click.option("--role", type=click.Choice(["admin", "trainer"]), required=True)
@click.option("--user", default=None, help="Who signs in (default: a new pseudonym).")
def login_cmd(data_dir: Path | None, role: str, user: str | None) -> None:
    """Print a one-time console sign-in URL for staff (audited), alone on the last line."""
    from ..server.cli import default_data_dir
    from ..store import ServiceData
    from .signin import create_link

    data = ServiceData.open((data_dir or default_data_dir()).resolve())
    try:
        base = data.config.url or "http://127.0.0.1:8787"
        who = user or f"{role}-{secrets.token_hex(3)}"
        url = create_link(data, base, who, role, "admin-cli")
    finally:
        data.close()
    click.echo(f"console sign-in link for {role} {who} (single use, valid 10 minutes):", err=True)
    click.echo(url)
