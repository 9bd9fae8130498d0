"""Accounts whose parties share a phone number: caps on the number count across them, on SQLite and PostgreSQL.

The shared number is found through ``parties.phone_index`` (the keyed blind index), so two
loans of one borrower, or a borrower who is another account's guarantor, are one number to
``cn.burst`` and the daily caps, while Regulation F's 7-in-7 stays per debt.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cg_service_fixtures import Team
from sqlalchemy import create_engine, text, update

from collectguard.errors import CollectguardError
from collectguard.policy import load_packs
from collectguard.service import Service
from collectguard.service.dashboard_checks import contact_statuses
from collectguard.service.snapshot import SnapshotCache
from collectguard.store.models import AttemptRow
from collectguard.testing import FixedClock

PHONE = "13800001111"


def _account(svc: Service, team: Team, *parties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    n = len(svc.list_accounts(actor=team.actors["supervisor"], limit=100).items)
    body = {
        "external_id": f"SN-{n}",
        "timezone": "Asia/Shanghai",
        "parties": list(parties) or [{"role": "borrower", "name": "张三", "phone": PHONE}],
        **extra,
    }
    return svc.create_account(body, actor=team.actors["supervisor"]).to_dict()


def _ids(account: dict[str, Any]) -> tuple[str, str]:
    return account["id"], account["parties"][0]["id"]


def test_a_second_loan_on_the_same_number_shares_the_burst_window(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    collector = team.actors["collector"]
    first, second = _ids(_account(svc, team)), _ids(_account(svc, team))
    assert svc.reserve_contact(*first, "call", actor=collector).decision.allowed
    clock.advance(timedelta(minutes=2))
    checked = svc.check_contact(*second, "call", actor=collector)
    assert checked.rules == ["cn.burst"]
    assert checked.next_allowed_at == clock() + timedelta(minutes=3)
    denied = svc.reserve_contact(*second, "call", actor=collector)
    assert denied.attempt_id is None and denied.decision.rules == ["cn.burst"]
    # the dashboard's batch read sees the same linked history
    bulk = contact_statuses(svc, [second], ("call",), actor=collector)
    assert bulk[(*second, "call")].rules == ["cn.burst"]
    clock.advance(timedelta(minutes=3))
    assert svc.reserve_contact(*second, "call", actor=collector).decision.allowed


def test_a_borrower_who_guarantees_another_loan_is_one_number(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    collector = team.actors["collector"]
    own = _ids(_account(svc, team))
    other = _account(
        svc,
        team,
        {"role": "borrower", "name": "王五", "phone": "13900002222"},
        {"role": "guarantor", "name": "张三", "phone": "+86 138 0000 1111"},  # the same number, written apart
    )
    guarantor = other["parties"][1]["id"]
    assert svc.reserve_contact(other["id"], guarantor, "call", actor=collector).decision.allowed
    assert svc.check_contact(*own, "call", actor=collector).rules == ["cn.burst"]
    # the other account's borrower has another number and is not held back
    assert svc.check_contact(other["id"], other["parties"][0]["id"], "call", actor=collector).allowed


def test_a_borrower_listed_as_their_own_emergency_contact_is_one_number(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    collector = team.actors["collector"]
    account = _account(
        svc,
        team,
        {"role": "borrower", "name": "张三", "phone": PHONE},
        {"role": "emergency_contact", "name": "张三", "phone": PHONE},
    )
    borrower, contact = account["parties"][0]["id"], account["parties"][1]["id"]
    assert svc.reserve_contact(account["id"], borrower, "call", actor=collector).decision.allowed
    clock.advance(timedelta(minutes=2))
    assert "cn.burst" in svc.check_contact(account["id"], contact, "call", actor=collector).rules


def test_parties_without_a_phone_are_never_linked(svc: Service, team: Team) -> None:
    collector = team.actors["collector"]
    nameless = {"role": "borrower", "name": "赵六"}
    first, second = _ids(_account(svc, team, nameless)), _ids(_account(svc, team, nameless))
    assert svc.reserve_contact(*first, "call", actor=collector).decision.allowed
    assert svc.check_contact(*second, "call", actor=collector).allowed
    assert svc.reserve_contact(*second, "call", actor=collector).decision.allowed


def test_regulation_f_gives_each_debt_its_own_seven_calls(svc: Service, team: Team) -> None:
    admin, collector = team.actors["admin"], team.actors["collector"]
    extra = {"timezone": "America/New_York", "rulepacks": ["us-regf"]}
    first, second = _ids(_account(svc, team, **extra)), _ids(_account(svc, team, **extra))
    ny = ZoneInfo("America/New_York")
    for day in range(3, 10):  # one unanswered call a day, 3–9 March, on the first debt
        svc.record_contact(*first, "call", datetime(2026, 3, day, 9, 0, tzinfo=ny), "no_answer", actor=admin)
    at = datetime(2026, 3, 9, 10, 0, tzinfo=ny)
    assert svc.check_contact(*first, "call", actor=collector, at=at).rules == ["us.regf.7in7.calls"]
    assert svc.check_contact(*second, "call", actor=collector, at=at).allowed


def test_the_cached_check_is_invalidated_by_the_linked_account(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    collector = team.actors["collector"]
    first, second = _ids(_account(svc, team)), _ids(_account(svc, team))
    assert svc.check_contact(*second, "call", actor=collector).allowed  # now cached
    reserved = svc.reserve_contact(*first, "call", actor=collector)
    assert reserved.attempt_id is not None
    assert svc.check_contact(*second, "call", actor=collector).rules == ["cn.burst"]
    # a change written outside the service (the triggers bump the linked account's version)
    with svc.database.write() as session:
        session.execute(
            update(AttemptRow).where(AttemptRow.id == reserved.attempt_id).values(status="cancelled")
        )
    assert svc.check_contact(*second, "call", actor=collector).allowed
    # an account on the same number created after the check was cached, then called
    third = _ids(_account(svc, team))
    svc.record_contact(
        *third, "call", clock() - timedelta(minutes=1), "no_answer", actor=team.actors["admin"]
    )
    assert svc.check_contact(*second, "call", actor=collector).rules == ["cn.burst"]


def test_writers_on_linked_accounts_neither_deadlock_nor_pass_the_cap_together(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    # Three loans on one number: reservations lock all three in id order, while imports of
    # text messages (which no call cap counts) lock one account each, all at once.
    collector, admin = team.actors["collector"], team.actors["admin"]
    accounts = [_ids(_account(svc, team)) for _ in range(3)]

    def work(i: int) -> Any:
        try:
            if i % 4 == 3:
                return svc.record_contact(*accounts[i % 3], "sms", clock(), "delivered", actor=admin)
            return svc.reserve_contact(*accounts[i % 3], "call", actor=collector)
        except CollectguardError as exc:  # a deliberate refusal is fine; a deadlock is not one
            return exc

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(work, range(36)))
    assert not [r for r in results if isinstance(r, CollectguardError)]
    passed = [r for r in results if getattr(r, "attempt_id", None) and hasattr(r, "decision")]
    assert len(passed) == 1  # cn.burst: one call to the number within five minutes, whichever account
    assert svc.verify_audit().ok


def test_a_linked_snapshot_stays_cached_until_a_linked_account_changes(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    first, second = _ids(_account(svc, team)), _ids(_account(svc, team))
    cache = SnapshotCache()
    with svc.database.connect() as conn:
        snap = cache.load(conn, second[0], clock(), load_packs)
        assert (
            cache.load(conn, second[0], clock(), load_packs) is snap
        )  # linked accounts are cached, not skipped
    svc.reserve_contact(*first, "call", actor=team.actors["collector"])
    with svc.database.connect() as conn:
        fresh = cache.load(conn, second[0], clock(), load_packs)
    assert fresh is not snap
    assert [
        a.linked for a in fresh.history.number(second[1]).between(clock(), clock() + timedelta(seconds=1))
    ] == [True]


def test_a_reservation_locks_only_the_accounts_of_the_number_it_calls(svc: Service, team: Team) -> None:
    """A switchboard listed as the emergency contact of another account must not tie a call to
    the borrower to that account; a call to the switchboard itself waits for it (PostgreSQL)."""
    if svc.database.engine.url.get_backend_name() != "postgresql":
        pytest.skip("SQLite serialises every writer anyway")
    collector = team.actors["collector"]
    board = {"role": "emergency_contact", "name": "前台", "phone": "02188889999"}
    mine = _account(svc, team, {"role": "borrower", "name": "赵六", "phone": "13700003333"}, board)
    other = _account(svc, team, {"role": "borrower", "name": "钱七", "phone": "13700004444"}, board)
    holder = create_engine(svc.database.engine.url.render_as_string(hide_password=False))
    conn = holder.connect()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        conn.execute(text("SELECT id FROM accounts WHERE id = :id FOR UPDATE"), {"id": other["id"]})
        borrower = pool.submit(
            svc.reserve_contact, mine["id"], mine["parties"][0]["id"], "call", actor=collector
        )
        # not held up by the other account's lock (the switchboard is not the number called)
        assert borrower.result(timeout=10).decision.allowed
        # a check reads without locking
        pool.submit(svc.check_contact, mine["id"], mine["parties"][1]["id"], "call", actor=collector).result(
            timeout=10
        )
        reserve = pool.submit(
            svc.reserve_contact, mine["id"], mine["parties"][1]["id"], "call", actor=collector
        )
        try:
            reserve.result(timeout=1)
            waited = False
        except TimeoutError:
            waited = True
    finally:
        conn.rollback()  # release the lock first, so that no worker is left waiting on it
        conn.close()
        pool.shutdown(wait=True)
        holder.dispose()
    reserve.result(timeout=10)
    assert waited, "a reservation on the shared number must wait for the other account's lock"
