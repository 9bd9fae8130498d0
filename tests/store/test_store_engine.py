"""Database URLs, SQLite settings, key files and migrations."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from collectguard.errors import ValidationError
from collectguard.pii import Keyring
from collectguard.service import Service
from collectguard.service.keys import load_keyring
from collectguard.settings import Settings
from collectguard.store import Database, resolve_url, sqlite_path
from collectguard.store.migrate import current_revision, head_revision, upgrade

URLS = [
    ("cg.db", "sqlite:///"),
    ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
    ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
    ("sqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
]


@pytest.mark.parametrize(("given", "starts"), URLS)
def test_resolve_url(given: str, starts: str) -> None:
    assert resolve_url(given).startswith(starts)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "a.db"))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


def test_full_synchronous_is_a_setting(tmp_path: Path) -> None:
    service = Service.open(str(tmp_path / "f.db"), keyring=Keyring.generate(), sqlite_synchronous="FULL")
    with service.database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    service.close()


def test_migrations_reach_head_and_are_idempotent(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "m.db"))
    assert current_revision(db) is None
    assert upgrade(db) == head_revision()
    assert upgrade(db) == head_revision()
    db.dispose()


def test_first_local_start_generates_a_private_key_file_and_says_so(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "data" / "cg.db"))
    first = load_keyring(settings, resolve_url(settings.db or ""))
    key_file = tmp_path / "data" / "collectguard.key"
    assert first.notice is not None and str(key_file) in first.notice
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = load_keyring(settings, resolve_url(settings.db or ""))
    assert second.notice is None
    assert second.keyring.decrypt(first.keyring.encrypt("x")) == "x"


def test_secret_key_wins_and_postgres_needs_one(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "cg.db"), secret_key="a-secret-of-enough-length")
    source = load_keyring(settings, resolve_url(settings.db or ""))
    assert source.notice is None and not (tmp_path / "collectguard.key").exists()
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        load_keyring(Settings(db="postgresql://u@h/d"), resolve_url("postgresql://u@h/d"))


def test_settings_from_env_prefix_and_overrides(tmp_path: Path) -> None:
    env = {
        "COLLECTGUARD_RESERVATION_TTL_SECONDS": "60",
        "COLLECTGUARD_RULEPACKS": "cn,us-regf",
        "HOME": str(tmp_path),
    }
    settings = Settings.from_env(env, port=9000)
    assert (settings.reservation_ttl_seconds, settings.rulepacks, settings.port) == (
        60,
        ("cn", "us-regf"),
        9000,
    )
    assert settings.db == str(tmp_path / ".local" / "share" / "collectguard" / "collectguard.db")
    with pytest.raises(ValidationError, match="COLLECTGUARD_RESERVATION_TTL_SECONDS"):
        Settings.from_env({"COLLECTGUARD_RESERVATION_TTL_SECONDS": "soon"})


def test_api_keys_are_stored_only_as_digests(sqlite_url: str) -> None:
    service = Service.open(sqlite_url, keyring=Keyring.generate())
    _, key = service.create_user("someone", "collector")
    service.close()
    assert key.encode() not in b"".join(p.read_bytes() for p in Path(sqlite_url).parent.glob("cg.db*"))
    assert sqlite_path(resolve_url(sqlite_url)) == Path(sqlite_url)
