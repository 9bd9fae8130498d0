"""``collectguard db``: migrations; and how every database command opens the service."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from collectguard.cli.common import err_console
from collectguard.settings import Settings

if TYPE_CHECKING:
    from collectguard.service import Service

app = typer.Typer(help="数据库 Database: migrations.", no_args_is_help=True)

DB_HELP = "数据库 URL (postgresql://…) or a SQLite file path; default: the user's data directory"
KEY_HELP = "密钥文件 key file; default: COLLECTGUARD_SECRET_KEY, else collectguard.key beside the SQLite file"


def settings_for(db: str | None, key_file: Path | None, **overrides: Any) -> Settings:
    """Settings from the environment with the command line winning."""
    return Settings.from_env(db=db, key_file=key_file, **overrides)


def open_service(settings: Settings, *, migrate: bool = True) -> Service:
    """The service over ``settings``: migrated, and the operator told when a key file was generated."""
    from collectguard.service import Service
    from collectguard.store import Database
    from collectguard.store.migrate import upgrade as run_upgrade

    if migrate:
        database = Database(settings.db or "")
        try:
            run_upgrade(database)
        finally:
            database.dispose()
    service = Service(settings)
    if service.key_notice:
        err_console.print(
            f"[yellow]注意 note:[/] {escape(service.key_notice)}", highlight=False, soft_wrap=True
        )
    return service


@app.command("upgrade")
def upgrade(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    revision: str = typer.Option("head", "--revision", help="目标版本 target revision"),
) -> None:
    """升级数据库结构 Run the schema migrations up to REVISION (default: the newest)."""
    from collectguard.store import Database
    from collectguard.store.migrate import upgrade as run_upgrade

    settings = settings_for(db, None)
    database = Database(settings.db or "")
    try:
        at = run_upgrade(database, revision)
    finally:
        database.dispose()
    err_console.print(
        f"数据库已升级 database at revision {at}: {database.engine.url.render_as_string()}", highlight=False
    )
