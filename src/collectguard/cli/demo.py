"""``collectguard demo``: a local database with a synthetic collection floor, served with the dashboard."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from collectguard.cli.common import console, err_console, fail
from collectguard.cli.db import DB_HELP, open_service, settings_for
from collectguard.errors import CollectguardError
from collectguard.settings import default_data_dir

__all__ = ["demo"]


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def demo(
    db: str | None = typer.Option(
        None, "--db", help=DB_HELP + " (demo default: demo.db in the data directory)"
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 address to listen on"),
    port: int = typer.Option(8400, "--port", help="端口 port"),
    accounts: int = typer.Option(300, "--accounts", min=1, max=20000, help="演示账户数 accounts to seed"),
    days: int = typer.Option(14, "--days", min=1, max=60, help="历史天数 days of history"),
    no_serve: bool = typer.Option(False, "--no-serve", help="只建库和填充，不启动服务 seed only"),
) -> None:
    """演示 Seed a synthetic collection floor (if empty) and serve the dashboard and API."""
    # Imported here so that every other command starts without the service stack.
    from collectguard.demo import reset_passwords, seed
    from collectguard.service.dashboard import count_rows

    if not _loopback(host):
        err_console.print(f"[yellow]注意 note:[/] the demo listens on {host}, not only on this machine")
    path = db or str(default_data_dir({"HOME": str(Path.home())}) / "demo.db")
    try:
        settings = settings_for(path, None, host=host, port=port)
        service = open_service(settings)
        if count_rows(service)["accounts"] == 0:
            with err_console.status(
                f"正在生成演示数据 seeding {accounts} synthetic accounts (about a minute) …"
            ):
                summary = seed(settings, accounts=accounts, days=days, now=service.now())
            err_console.print(
                f"演示数据 seeded: {summary.accounts} accounts, {summary.attempts} contacts "
                f"({summary.denied} denied by the rules), {summary.messages} messages, {summary.replies} replies",
                highlight=False,
            )
        passwords = reset_passwords(service)
    except CollectguardError as exc:
        fail(str(exc))
    table = Table(title="演示账号 demo users (passwords are new at every start)")
    for column in ("用户 user", "角色 role", "密码 password"):
        table.add_column(column)
    for name, password in passwords.items():
        table.add_row(name, name, password)
    console.print(table)
    console.print(f"数据库 database: {escape(str(settings.db))}", highlight=False)
    if no_serve:
        service.close()
        return
    import uvicorn

    from collectguard.api import create_app

    console.print(f"打开 open [bold]http://{host}:{port}/ui/login[/]  (Ctrl+C 停止 stop)", highlight=False)
    uvicorn.run(create_app(service=service), host=host, port=port, log_level="warning", access_log=False)
