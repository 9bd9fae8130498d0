"""The operations commands: db upgrade, users create (key alone on stdout), audit verify / anchor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from collectguard.service import Service
from collectguard.store.models import AuditEvent

EXE = str(Path(sys.executable).parent / "collectguard")


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLLECTGUARD_")}
    env["HOME"] = str(home)
    env.pop("XDG_DATA_HOME", None)
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
def test_operations_round_trip(tmp_path: Path) -> None:
    db = str(tmp_path / "ops" / "cg.db")
    upgraded = run("db", "upgrade", "--db", db, home=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    created = run("users", "create", "ann", "--role", "admin", "--db", db, home=tmp_path)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert created.stdout == key + "\n" and key.startswith("cgk_") and len(key) > 40
    assert "collectguard.key" in created.stderr  # the first start generated a key file and said so
    assert (tmp_path / "ops" / "collectguard.key").stat().st_mode & 0o077 == 0
    again = run("users", "create", "ann", "--role", "admin", "--db", db, home=tmp_path)
    assert again.returncode == 2 and "exists" in again.stderr and "Traceback" not in again.stderr
    bad = run("users", "create", "bob", "--role", "boss", "--db", db, home=tmp_path)
    assert bad.returncode == 2 and "role" in bad.stderr
    anchor = run("audit", "anchor", "--db", db, home=tmp_path)
    assert anchor.returncode == 0 and anchor.stdout.startswith("1:")
    ok = run("audit", "verify", "--db", db, "--known-head", anchor.stdout.strip(), home=tmp_path)
    assert ok.returncode == 0, ok.stderr
    service = Service.open(db, key_file=tmp_path / "ops" / "collectguard.key")
    with service.database.write() as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == 1).values(actor="mallory"))
    service.close()
    broken = run("audit", "verify", "--db", db, home=tmp_path)
    assert broken.returncode == 1
    assert "entry 1" in broken.stderr


def test_default_database_lives_in_the_user_data_directory(tmp_path: Path) -> None:
    upgraded = run("db", "upgrade", home=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert (tmp_path / ".local" / "share" / "collectguard" / "collectguard.db").exists()
