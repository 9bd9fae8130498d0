"""``collectguard demo --no-serve``: seeds once, prints the four users, and their passwords work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from collectguard.service import Service
from collectguard.settings import Settings

USERS = re.compile(r"│\s*(collector|supervisor|compliance|admin)\s*│\s*\w+\s*│\s*(\S+)\s*│")


def _demo(db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLLECTGUARD_")}
    env["COLUMNS"] = "160"
    return subprocess.run(
        [sys.executable, "-m", "collectguard", "demo", "--no-serve", "--db", str(db), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_demo_seeds_once_and_prints_working_passwords(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    first = _demo(db, "--accounts", "6", "--days", "2")
    assert first.returncode == 0, first.stderr
    assert "seeded: 6 accounts" in first.stderr
    passwords = dict(USERS.findall(first.stdout))
    assert set(passwords) == {"collector", "supervisor", "compliance", "admin"}
    assert (tmp_path / "collectguard.key").exists()

    second = _demo(db, "--accounts", "6")
    assert second.returncode == 0, second.stderr
    assert "seeded" not in second.stderr  # an existing floor is kept
    again = dict(USERS.findall(second.stdout))
    assert again.keys() == passwords.keys() and again != passwords  # fresh passwords every start

    service = Service(Settings(db=str(db)))
    try:
        for name, password in again.items():
            assert service.check_password(name, password).role == name
        assert len(service.list_accounts(actor=service.check_password("admin", again["admin"])).items) == 6
    finally:
        service.close()


def test_demo_rejects_bad_options_with_exit_code_2(tmp_path: Path) -> None:
    result = _demo(tmp_path / "x.db", "--accounts", "0")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
