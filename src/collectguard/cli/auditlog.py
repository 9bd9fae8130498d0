"""``collectguard audit verify`` and ``audit anchor``: the tamper-evident audit chain from the shell.

Registered on the ``audit`` group by ``cli/audit.py``. The chain shows any altered,
deleted or reordered entry, but not a cut-off tail; ``anchor`` prints the head to keep
elsewhere and ``verify --known-head`` then catches truncation too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from collectguard.cli.common import err_console
from collectguard.cli.db import DB_HELP, KEY_HELP, settings_for

__all__ = ["anchor", "verify"]


def verify(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    known_head: str | None = typer.Option(
        None, "--known-head", help="锚点 an anchor SEQ:HASH from `audit anchor`"
    ),
    as_json: bool = typer.Option(False, "--json", help="机器可读 print the report as JSON"),
) -> None:
    """校验审计链 Verify the audit hash chain; exit 1 and name the first broken entry if it fails."""
    from collectguard.store import audit as audit_log

    anchor_head = audit_log.parse_head(known_head) if known_head else None
    with _session(db, key_file) as session:
        report = audit_log.verify(session, known_head=anchor_head)
    if as_json:
        print(json.dumps(report.to_dict()))
    elif report.ok:
        print(f"审计链完整 audit chain intact: {report.entries} entries, head {report.head}")
    else:
        err_console.print(
            f"[bold red]审计链损坏 audit chain broken[/] at entry {report.broken_at}: {report.reason}",
            highlight=False,
            soft_wrap=True,
        )
    if not report.ok:
        raise typer.Exit(1)


def anchor(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
) -> None:
    """打印审计链头 Print the current head SEQ:HASH alone; store it elsewhere to detect truncation."""
    from collectguard.store import audit as audit_log

    with _session(db, key_file) as session:
        print(audit_log.head(session))


# The chain needs no key: both commands read the database directly, so an auditor can
# verify a PostgreSQL database without the encryption secret.
@contextmanager
def _session(db: str | None, key_file: Path | None) -> Iterator[Any]:
    from collectguard.store import Database

    database = Database(settings_for(db, key_file).db or "")
    try:
        with database.read() as session:
            yield session
    finally:
        database.dispose()
