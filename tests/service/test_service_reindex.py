"""Blind indexes after a key rotation: parties sealed before it link with those sealed after it
once ``keys reindex`` has run, through the contact decision itself; a second run changes nothing.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cg_service_fixtures import Team, make_team
from sqlalchemy import func, select
from typer.testing import CliRunner

from collectguard.cli.main import app
from collectguard.errors import PermissionDeniedError, ValidationError
from collectguard.pii import Keyring
from collectguard.service import Service
from collectguard.store.models import AuditEvent, PartyRow
from collectguard.testing import FixedClock

PHONE = "13800007777"
OLD = Keyring({"old": os.urandom(32)}, "old")
#: the rotation: a new key becomes active, the old one stays to open what it sealed
NEW = OLD.with_key("new", os.urandom(32))


def _account(svc: Service, team: Team, phone: str, **party: Any) -> tuple[str, str]:
    body = {
        "external_id": f"RX-{secrets.token_hex(4)}",
        "timezone": "Asia/Shanghai",
        "parties": [{"role": "borrower", "name": "张三", "phone": phone, **party}],
    }
    account = svc.create_account(body, actor=team.actors["supervisor"]).to_dict()
    return account["id"], account["parties"][0]["id"]


@pytest.fixture
def rotated(db_url: str, clock: FixedClock) -> Iterator[tuple[Service, Team, tuple[str, str]]]:
    """An account written and called under the old key; a service on the rotated keyring."""
    before = Service.open(db_url, keyring=OLD, clock=clock)
    team = make_team(before)
    first = _account(before, team, PHONE, id_number="11010519491231002X")
    assert before.reserve_contact(*first, "call", actor=team.actors["collector"]).decision.allowed
    before.close()
    after = Service.open(db_url, keyring=NEW, clock=clock)
    yield after, team, first
    after.close()


def _count(table: str, row: str) -> int:
    """The figure on the row of the command's table whose label contains ``row``."""
    found = re.search(rf"{re.escape(row)}[^│]*│\s*(\d+)\s*│", table)
    assert found, table
    return int(found.group(1))


def _audit_length(svc: Service) -> int:
    with svc.database.read() as session:
        return int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def test_a_rotation_unlinks_a_number_until_the_indexes_are_rewritten(
    rotated: tuple[Service, Team, tuple[str, str]], clock: FixedClock
) -> None:
    svc, team, _ = rotated
    collector = team.actors["collector"]
    second = _account(svc, team, "+86 138 0000 7777")  # the same number, under the new key
    clock.advance(timedelta(minutes=2))
    # the gap: under two keys one number is two numbers, and cn.burst lets a second call through
    assert svc.check_contact(*second, "call", actor=collector).allowed  # (and caches the snapshot)

    report = svc.reindex_blind_indexes(batch_size=1)
    assert report.key == "new"
    assert report.parties == report.batches == 2
    # the old party's phone and ID number; the new party was already right
    assert report.updated == {"phone_index": 1, "id_number_index": 1}
    assert report.unreadable == ()

    denied = svc.check_contact(*second, "call", actor=collector)
    assert denied.rules == ["cn.burst"]
    assert denied.next_allowed_at == clock() + timedelta(minutes=3)
    assert svc.reserve_contact(*second, "call", actor=collector).decision.rules == ["cn.burst"]
    with svc.database.read() as session:
        indexes = set(session.execute(select(PartyRow.phone_index)).scalars())
    assert indexes == {NEW.tokenize(PHONE, kind="PHONE")}
    assert svc.verify_audit().ok


def test_reindexing_again_changes_and_records_nothing(
    rotated: tuple[Service, Team, tuple[str, str]],
) -> None:
    svc, team, _ = rotated
    _account(svc, team, PHONE)
    assert svc.reindex_blind_indexes().changed == 2
    entries = _audit_length(svc)
    again = svc.reindex_blind_indexes(batch_size=7)
    assert (again.parties, again.batches, again.changed) == (2, 1, 0)
    assert _audit_length(svc) == entries


def test_a_party_sealed_under_a_key_no_longer_held_is_reported_and_skipped(
    db_url: str, clock: FixedClock
) -> None:
    lost = Service.open(db_url, keyring=Keyring({"lost": os.urandom(32)}, "lost"), clock=clock)
    team = make_team(lost)
    orphan = _account(lost, team, PHONE)
    lost.close()
    svc = Service.open(db_url, keyring=NEW, clock=clock)
    try:
        _account(svc, team, "13900008888")
        report = svc.reindex_blind_indexes()
        assert report.unreadable == (orphan[1],)
        assert (report.parties, report.changed) == (2, 0)
    finally:
        svc.close()


def test_bad_input_and_roles_are_refused(rotated: tuple[Service, Team, tuple[str, str]]) -> None:
    svc, team, _ = rotated
    for size in (0, 10_001):
        with pytest.raises(ValidationError):
            svc.reindex_blind_indexes(batch_size=size)
    for role in ("collector", "supervisor", "compliance"):
        with pytest.raises(PermissionDeniedError):
            svc.reindex_blind_indexes(actor=team.actors[role])


def test_the_command_reports_counts_and_refuses_a_bad_batch_size(
    sqlite_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    before = Service.open(sqlite_url, keyring=OLD, clock=clock)
    _account(before, make_team(before), PHONE)
    before.close()
    key_file = tmp_path / "rotated.key"
    key_file.write_text(NEW.export(), encoding="utf-8")
    runner = CliRunner()
    args = ["keys", "reindex", "--db", sqlite_url, "--key-file", str(key_file)]
    first = runner.invoke(app, [*args, "--batch-size", "10"])
    assert first.exit_code == 0, first.output
    assert "under key new" in first.output
    assert _count(first.output, "phone_index") == _count(first.output, "parties read") == 1
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and _count(again.output, "phone_index") == 0
    bad = runner.invoke(app, [*args, "--batch-size", "0"])
    assert bad.exit_code == 2
    assert "--batch-size" in bad.output and len(bad.output.strip().splitlines()) == 1
    huge = runner.invoke(app, [*args, "--batch-size", "20000"])
    assert huge.exit_code == 2 and "batch size" in huge.output


def test_an_api_key_issued_before_a_rotation_still_signs_in(
    rotated: tuple[Service, Team, tuple[str, str]],
) -> None:
    svc, team, _ = rotated
    assert svc.authenticate(team.keys["collector"]).role == "collector"
    _, fresh = svc.create_user("collector-2", "collector", actor=team.actors["admin"])
    assert svc.authenticate(fresh).name == "collector-2"
