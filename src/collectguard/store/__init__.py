"""Persistence: SQLAlchemy models, engines (SQLite WAL / PostgreSQL) and the audit hash chain."""

from collectguard.store.engine import Database, is_sqlite, resolve_url, sqlite_path

__all__ = ["Database", "is_sqlite", "resolve_url", "sqlite_path"]
