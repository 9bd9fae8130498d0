"""Fixtures shared by tests/service, tests/api and tests/store: a migrated service on SQLite or PostgreSQL.

PostgreSQL tests get a fresh schema per test in the ``test`` database (search_path set in
the URL), migrated, and dropped afterwards; they need the server on 127.0.0.1:5432 (trust auth).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from collectguard.service import Actor, Service
from collectguard.store import Database
from collectguard.store.migrate import upgrade
from collectguard.store.models import AttemptRow
from collectguard.testing import FixedClock

PG_ADMIN = os.environ.get("COLLECTGUARD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SECRET = "test-secret-key-with-enough-bytes"
#: Monday 2026-03-02 10:00 in Shanghai: inside every shipped window
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

CAP3_PACK = """
pack: cap3
version: "test"
title_zh: 测试：每日三次
title_en: "Test: three calls a day"
timezones: [Asia/Shanghai]
rules:
  - id: test.cap3
    kind: frequency_cap
    applies: {parties: [borrower], channels: [call]}
    params: {limit: 3, window: {rolling_minutes: 1440}, count: {channels: [call]}}
    citation: test pack
    confidence: policy
    message_zh: 每天最多三次。
    message_en: At most three calls a day.
"""

#: the same cap counted per phone number, across every account that reaches it
NUMBER_CAP3_PACK = CAP3_PACK.replace("pack: cap3", "pack: numcap3").replace(
    "count: {channels: [call]}}", "count: {channels: [call]}, scope: number}"
)


def _pg_exec(sql: str) -> None:
    import psycopg

    dsn = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def pg_available() -> None:
    try:
        _pg_exec("SELECT 1")
    except Exception as exc:  # the server is not there: CI ensures it is
        pytest.skip(f"PostgreSQL not reachable: {exc}")


@contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh schema in the test database, migrated, dropped afterwards; yields its URL."""
    name = f"cg_{secrets.token_hex(5)}"
    _pg_exec(f"CREATE SCHEMA {name}")
    try:
        url = f"{PG_ADMIN}?options=-csearch_path%3D{name}"
        db = Database(url)
        upgrade(db)
        db.dispose()
        yield url
    finally:
        _pg_exec(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture
def pg_url(pg_available: None) -> Iterator[str]:
    with pg_schema() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied per test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "cg.db"
    db = Database(str(path))
    upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def sqlite_copy(template: Path, tmp_path: Path) -> str:
    target = tmp_path / "cg.db"
    shutil.copyfile(template, target)
    return str(target)


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    return sqlite_copy(sqlite_template, tmp_path)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path)


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "packs"
    directory.mkdir()
    (directory / "cap3.yaml").write_text(CAP3_PACK, encoding="utf-8")
    (directory / "numcap3.yaml").write_text(NUMBER_CAP3_PACK, encoding="utf-8")
    return directory


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def svc(db_url: str, clock: FixedClock, packs_dir: Path) -> Iterator[Service]:
    service = Service.open(db_url, clock=clock, secret_key=SECRET, packs_dir=packs_dir)
    yield service
    service.close()


@dataclass
class Team:
    """One user per role, with their API keys."""

    actors: dict[str, Actor]
    keys: dict[str, str]

    def headers(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}", **extra}


@pytest.fixture
def team(svc: Service) -> Team:
    return make_team(svc)


def make_team(svc: Service) -> Team:
    actors, keys = {}, {}
    for role in ("collector", "supervisor", "compliance", "admin"):
        user, key = svc.create_user(f"{role}-1", role)
        actors[role] = Actor(user.id, user.name, user.role)
        keys[role] = key
    return Team(actors, keys)


def stored_attempt(
    account_id: str,
    party_id: str,
    at: datetime,
    *,
    role: str = "borrower",
    channel: str = "call",
    status: str = "completed",
    outcome: str | None = "connected",
    collector_id: str | None = None,
    minutes: float = 2,
) -> AttemptRow:
    """An attempt written straight to the store, as a seeding script would (the engine never saw it)."""
    return AttemptRow(
        id=f"att_{secrets.token_hex(6)}",
        account_id=account_id,
        party_id=party_id,
        party_role=role,
        channel=channel,
        at=at,
        status=status,
        outcome=outcome,
        collector_id=collector_id,
        completed_at=at + timedelta(minutes=minutes),
    )


def borrower_account(svc: Service, team: Team, **extra: Any) -> dict[str, Any]:
    body = {
        "external_id": f"L-{secrets.token_hex(4)}",
        "timezone": "Asia/Shanghai",
        "parties": [
            {"role": "borrower", "name": "张三", "phone": "13812345678", "id_number": "11010519491231002X"},
            {"role": "emergency_contact", "name": "李四", "phone": "13987654321"},
        ],
        **extra,
    }
    return svc.create_account(body, actor=team.actors["supervisor"]).to_dict()


def make_client(app: Any) -> Any:
    """Starlette's TestClient, imported quietly (it warns about its httpx dependency)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(svc: Service) -> Iterator[Any]:
    from collectguard.api import create_app

    with make_client(create_app(service=svc)) as c:
        yield c


# --- real `collectguard serve` subprocesses ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start_server(
    db: str, tmp_path: Path, *, packs_dir: Path | None = None, workers: int = 1, warm_up: bool = False
) -> Server:
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    env = {**os.environ, "COLLECTGUARD_SECRET_KEY": SECRET, "COLLECTGUARD_WARM_UP": str(warm_up).lower()}
    exe = str(Path(sys.executable).parent / "collectguard")
    args = [exe, "serve", "--db", db, "--port", str(port)]
    args += ["--workers", str(workers)]
    if packs_dir is not None:
        args += ["--packs-dir", str(packs_dir)]
    with log.open("wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(process, port, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.stop()
    raise AssertionError(f"server did not start: {log.read_text(errors='replace')}")


def midday_zone() -> str:
    """An IANA zone where it is now about noon, for tests against a server on the real clock."""
    offset = 12 - datetime.now(UTC).hour
    offset = offset - 24 if offset > 14 else offset + 24 if offset < -12 else offset
    # Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
