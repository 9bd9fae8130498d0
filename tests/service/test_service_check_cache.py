"""The contact check's per-account cache never outlives the data: any writer bumps the version."""

from __future__ import annotations

from datetime import timedelta

from cg_service_fixtures import Team, borrower_account
from sqlalchemy import delete, update

from collectguard.service import Service
from collectguard.store.models import AccountStateRow, AttemptRow, OptOut, QuietHoursRow
from collectguard.testing import FixedClock


def test_writes_outside_the_service_invalidate_the_cached_check(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]

    def rules(channel: str = "call") -> list[str]:
        return svc.check_contact(account["id"], borrower, channel, actor=collector).rules

    assert rules() == []
    with svc.database.write() as session:  # a seeding script, not the service
        session.add(
            AttemptRow(
                id="att_outside",
                account_id=account["id"],
                party_id=borrower,
                party_role="borrower",
                channel="call",
                at=clock() - timedelta(minutes=1),
                status="completed",
                outcome="connected",
            )
        )
    assert rules() == ["cn.burst"]
    with svc.database.write() as session:
        session.execute(update(AttemptRow).where(AttemptRow.id == "att_outside").values(status="cancelled"))
    assert rules() == []
    with svc.database.write() as session:
        session.add(
            AccountStateRow(
                account_id=account["id"], state="disputed", since=clock(), set_by="sql", reason="manual fix"
            )
        )
    assert rules() == ["cn.hold.dispute"]
    with svc.database.write() as session:
        session.execute(delete(AccountStateRow).where(AccountStateRow.account_id == account["id"]))
        session.add(OptOut(party_id=borrower, channel="sms", at=clock(), rule=None))
    assert rules() == []
    assert rules("sms") == ["cn.medium_optout"]
    with svc.database.write() as session:  # the clock reads 10:00 in Shanghai
        session.add(QuietHoursRow(party_id=borrower, hours="09:00-12:00", at=clock(), rule=None))
    assert rules() == ["cn.quiet_hours"]
    with svc.database.write() as session:
        session.execute(update(QuietHoursRow).values(hours="13:00-14:00"))
    assert rules() == []
    with svc.database.write() as session:
        session.execute(update(QuietHoursRow).values(hours="09:00-12:00"))
    assert rules() == ["cn.quiet_hours"]
    with svc.database.write() as session:
        session.execute(delete(QuietHoursRow))
    assert rules() == []


def test_a_check_far_in_the_past_reads_the_history_it_needs(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    past = clock() - timedelta(days=60)
    svc.record_contact(account["id"], borrower, "call", past, "connected", actor=team.actors["admin"])
    assert svc.check_contact(account["id"], borrower, "call", actor=collector).allowed
    earlier = svc.check_contact(
        account["id"], borrower, "call", actor=collector, at=past + timedelta(minutes=1)
    )
    assert earlier.rules == ["cn.burst"]
