"""``collectguard users``: create users with one role; the API key is printed alone on stdout."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from collectguard.cli.common import err_console
from collectguard.cli.db import DB_HELP, KEY_HELP, open_service, settings_for

app = typer.Typer(help="用户 Users and API keys.", no_args_is_help=True)


@app.command("create")
def create(
    name: str = typer.Argument(..., help="用户名 user name"),
    role: str = typer.Option(..., "--role", help="collector | supervisor | compliance | admin"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    password: str | None = typer.Option(
        None, "--password", help="也设置看板密码 also set a dashboard password"
    ),
) -> None:
    """创建用户 Create a user; its new API key is printed alone on stdout (shown once)."""
    service = open_service(settings_for(db, key_file))
    try:
        user, key = service.create_user(name, role)
        if password is not None:
            service.set_password(name, password)
    finally:
        service.close()
    err_console.print(
        f"已创建用户 created user {escape(user.name)} ({user.role}, id {user.id})", highlight=False
    )
    print(key)


@app.command("revoke")
def revoke(
    name: str = typer.Argument(..., help="用户名 user name"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
) -> None:
    """吊销密钥 Revoke every API key of a user (running servers honour it within 10 s)."""
    service = open_service(settings_for(db, key_file))
    try:
        count = service.revoke_keys(name)
    finally:
        service.close()
    err_console.print(f"已吊销 revoked {count} key(s) of {escape(name)}", highlight=False)


@app.command("list")
def list_users(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
) -> None:
    """列出用户 List users and their roles."""
    service = open_service(settings_for(db, key_file))
    try:
        for user in service.list_users():
            print(f"{user.name}\t{user.role}\t{user.id}")
    finally:
        service.close()
