"""The `demotrace` command. Each subcommand lives with its part and is imported only when used,
so `demotrace status` does not pay for the service's or the pipeline's imports.

Exit codes: 0 ok, 1 run-time failure, 2 bad usage or configuration. Errors are one line on
stderr (`demotrace: error: …`); `--debug` shows the traceback.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from .errors import DemotraceError

# name → "module:attribute" of a click command or group
SUBCOMMANDS: dict[str, str] = {
    "demo": "demotrace.demo.cli:demo_cmd",
    "record": "demotrace.capture.cli:record_cmd",
    "pause": "demotrace.capture.cli:pause_cmd",
    "resume": "demotrace.capture.cli:resume_cmd",
    "status": "demotrace.capture.cli:status_cmd",
    "task": "demotrace.capture.cli:task_group",
    "spool": "demotrace.capture.cli:spool_group",
    "browser": "demotrace.capture.browser.cli:browser_cmd",
    "serve": "demotrace.server.cli:serve_cmd",
    "fleet": "demotrace.server.fleet_cli:fleet_cmd",
    "admin": "demotrace.server.cli:admin_group",
    "enroll": "demotrace.server.cli:enroll_cmd",
    "console": "demotrace.console.cli:console_cmd",
    "import": "demotrace.pipeline.cli:import_group",
    "export": "demotrace.pipeline.cli:export_cmd",
    "eval": "demotrace.redact.cli:eval_group",
    "redact": "demotrace.redact.cli:redact_group",
}

HELP = {
    "demo": "Run the whole path on a virtual desktop and print where the dataset is.",
    "record": "Record input, screen and context on the allowlist into the spool.",
    "pause": "Pause the running recorder.",
    "resume": "Resume the running recorder.",
    "status": "Print the recorder's state: recording, paused, blocked: <why> or stopped.",
    "task": "Name the task you are about to do (task start TEXT) or mark it done (task done).",
    "spool": "Inspect the local spool (dump: decrypted copy for audits).",
    "browser": "Open Chromium with the demotrace extension, paired to the recorder.",
    "serve": "Run the ingest/self-service service.",
    "fleet": "Run N ingest workers behind nginx or HAProxy on this host.",
    "admin": "Administer the service (enrollment codes, audit, retention).",
    "enroll": "Enroll this device with a service using a one-time code.",
    "console": "Print (and open) a one-time sign-in link to the console.",
    "import": "Import recordings made by other tools into session bundles.",
    "export": "Export sessions as training data (native, agentnet, osworld, anthropic, parquet, webdataset).",
    "eval": "Measure parts of demotrace (eval redaction FILE).",
    "redact": "Run redaction passes over stored data (redact frames IN_DIR --out DIR).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        mod_name, attr = target.split(":")
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as e:
            if e.name and (e.name == mod_name or mod_name.startswith(e.name + ".")):
                return _unavailable(cmd_name, f"not built yet ({mod_name} missing)")
            raise
        cmd: click.Command = getattr(mod, attr)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _unavailable(name: str, why: str) -> click.Command:
    @click.command(name=name, help=f"(unavailable: {why})")
    def cmd() -> None:
        raise DemotraceError(f"`{name}` is {why}")

    return cmd


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="demotrace")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """demotrace: record computer use on an allowlist of apps and sites, redact it on the device,
    and turn it into training trajectories for computer-use agents."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )


def main(argv: list[str] | None = None) -> Any:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return cli.main(args=argv, prog_name="demotrace", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("demotrace: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except DemotraceError as e:
        if debug:
            raise
        click.echo(f"demotrace: error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
