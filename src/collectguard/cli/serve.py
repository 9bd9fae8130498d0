"""``collectguard serve``: the HTTP API under uvicorn, one or several worker processes."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from collectguard.cli.common import err_console
from collectguard.cli.db import DB_HELP, KEY_HELP, open_service, settings_for
from collectguard.settings import ENV_PREFIX

__all__ = ["serve"]


def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 address to listen on"),
    port: int = typer.Option(8400, "--port", help="端口 port"),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="工作进程数 worker processes"),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    packs_dir: Path | None = typer.Option(
        None, "--packs-dir", help="额外规则包目录 directory of extra rule packs"
    ),
    log_level: str = typer.Option("info", "--log-level", help="debug | info | warning | error"),
) -> None:
    """启动 HTTP API Serve the HTTP API (OpenAPI at /openapi.json, health at /healthz)."""
    # imported here so that other commands do not pay for the web stack
    import uvicorn

    from collectguard.api.logs import configure_logging

    settings = settings_for(
        db, key_file, host=host, port=port, workers=workers, packs_dir=packs_dir, log_level=log_level
    )
    # Migrate and create the key file once, here, before any worker starts.
    open_service(settings).close()
    # Workers build their own Settings from the environment: hand ours down that way.
    for name, value in settings.model_dump(exclude={"secret_key"}).items():
        if value is not None:
            os.environ[ENV_PREFIX + name.upper()] = (
                ",".join(value) if isinstance(value, tuple) else str(value)
            )
    configure_logging(settings.log_level, as_json=settings.log_json)
    err_console.print(
        f"collectguard API on http://{host}:{port} (db {settings.db}, {workers} worker(s))", highlight=False
    )
    uvicorn.run(
        "collectguard.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
        log_config=None,
    )
