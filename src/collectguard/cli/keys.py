"""``collectguard keys``: what a key rotation needs done in the database."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from collectguard.cli.common import console, err_console, fail
from collectguard.cli.db import DB_HELP, KEY_HELP, open_service, settings_for
from collectguard.errors import CollectguardError

app = typer.Typer(help="密钥 Keys: what a key rotation needs done in the database.", no_args_is_help=True)


@app.command("reindex")
def reindex(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    batch_size: int = typer.Option(500, "--batch-size", help="每个事务的当事人数 parties per transaction"),
) -> None:
    """重建盲索引 Write every blind index (phone, ID number) again under the active key.

    Run it after a new key becomes active, so that parties stored before the rotation link
    with those stored after it (caps on the number, lookups). Safe to run again.
    """
    if batch_size < 1:
        fail("--batch-size must be at least 1")
    try:
        service = open_service(settings_for(db, key_file))
        try:
            report = service.reindex_blind_indexes(batch_size=batch_size)
        finally:
            service.close()
    except CollectguardError as exc:
        fail(str(exc))
    table = Table(title=f"盲索引 Blind indexes under key {report.key}")
    table.add_column("项 item")
    table.add_column("数量 count", justify="right")
    table.add_row("当事人 parties read", str(report.parties))
    table.add_row("批次 batches", str(report.batches))
    for column, count in report.updated.items():
        table.add_row(f"已更新 {column} rewritten", str(count))
    table.add_row("无法解密 unreadable", str(len(report.unreadable)))
    console.print(table)
    if report.unreadable:
        shown = ", ".join(report.unreadable[:5]) + (" …" if len(report.unreadable) > 5 else "")
        err_console.print(
            f"[bold red]错误 error:[/] {len(report.unreadable)} parties are sealed under a key this "
            f"keyring does not hold; add that key to the key file and run again: {shown}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
