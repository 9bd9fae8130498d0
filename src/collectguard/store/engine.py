"""Engines and sessions: SQLite in WAL mode by default, PostgreSQL through a URL.

A write transaction on SQLite starts with ``BEGIN IMMEDIATE``: it takes the write lock
up front, so two writers queue (``busy_timeout``) instead of one failing when it tries to
upgrade a read lock. PostgreSQL serialises on row locks taken by the service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from collectguard.errors import ValidationError

__all__ = ["Database", "is_sqlite", "resolve_url", "sqlite_path"]

_IMMEDIATE = "collectguard_immediate"


def resolve_url(db: str) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as given, a plain path meaning a SQLite file."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    try:
        url = make_url(db)
    except ArgumentError:
        raise ValidationError(f"{db!r} is not a database URL", field="db") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, None for memory or another backend."""
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _configure_sqlite(engine: Engine, synchronous: str) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One engine and its session factory; ``write()`` and ``read()`` open transactions."""

    def __init__(self, url: str, *, echo: bool = False, synchronous: str = "NORMAL") -> None:
        if synchronous not in ("NORMAL", "FULL"):
            raise ValidationError("synchronous is NORMAL or FULL", field="sqlite_synchronous")
        self.url = resolve_url(url)
        self.sqlite = is_sqlite(self.url)
        options: dict[str, Any] = {"echo": echo}
        if self.sqlite:
            path = sqlite_path(self.url)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            # no pre-ping: it would double the round trips of a contact check; recycle instead
            options.update(pool_size=10, max_overflow=20, pool_recycle=1800)
        self.engine = create_engine(self.url, **options)
        if self.sqlite:
            _configure_sqlite(self.engine, synchronous)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success; on SQLite it holds the write lock from the start."""
        with self._sessions() as session:
            if self.sqlite:
                session.connection(execution_options={_IMMEDIATE: True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction, ended (rolled back) when the session closes; loaded objects stay usable."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A bare Core connection for hot read paths (no ORM session); rolled back at the end."""
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
