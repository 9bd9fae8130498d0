"""Run the shipped Alembic migrations against a database (``collectguard db upgrade``)."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from collectguard.store.engine import Database

__all__ = ["current_revision", "downgrade", "head_revision", "upgrade"]


def _config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("collectguard") / "migrations"))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "head") -> str:
    """Migrate ``db`` to ``revision``; returns the revision it is at afterwards."""
    config = _config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return current_revision(db) or "base"


def downgrade(db: Database, revision: str) -> str:
    """Migrate ``db`` back to ``revision``, in one transaction: a step that cannot keep what the
    database holds refuses, and nothing changes."""
    config = _config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    return current_revision(db) or "base"


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory(str(files("collectguard") / "migrations")).get_current_head()
