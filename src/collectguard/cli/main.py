"""The ``collectguard`` command: a thin Typer edge; each sub-command lives in its own module."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from collectguard.__about__ import __version__
from collectguard.cli import audit as audit_cli
from collectguard.cli import contact, db, keys, rules, serve, users
from collectguard.cli import demo as demo_cli
from collectguard.cli import pii as pii_cli
from collectguard.cli import screen as screen_cli
from collectguard.cli import signals as signals_cli
from collectguard.cli import wellbeing as wellbeing_cli
from collectguard.cli.common import err_console
from collectguard.errors import CollectguardError

app = typer.Typer(
    name="collectguard",
    help="催收合规卫士 collectguard — 让催收合法、有温度。Keeps debt collection lawful and humane.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(rules.app, name="rules")
app.add_typer(contact.app, name="contact")
app.add_typer(audit_cli.app, name="audit")
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")
app.add_typer(keys.app, name="keys")
app.command("serve")(serve.serve)
app.command("demo")(demo_cli.demo)
app.command("pii")(pii_cli.pii)
app.command("signals")(signals_cli.signals_cmd)
app.command("screen")(screen_cli.screen_cmd)
app.command("redact")(pii_cli.redact)
app.command("wellbeing")(wellbeing_cli.wellbeing)
app.command("risk")(wellbeing_cli.risk)


def _version(value: bool) -> None:
    if value:
        print(f"collectguard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="版本 Show the version."
    ),
) -> None:
    """催收合规卫士 collectguard."""


def main() -> None:
    """Entry point: deliberate errors become one line and exit code 2, never a traceback."""
    try:
        app(standalone_mode=True)
    except CollectguardError as exc:
        err_console.print(f"[bold red]错误 error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(2)
