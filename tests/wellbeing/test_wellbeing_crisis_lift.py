"""Crisis hand-over in the fair view over a real store: the configured hold, ended early by a lift."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cg_service_fixtures import SECRET, borrower_account, stored_attempt

from collectguard.service import Service
from collectguard.service import wellbeing as wb

#: no crisis cue, only the n-gram model's guess: the crisis opens for review, with no minimum hold
GUESSED_CRISIS = "我现在真的还不起，太难了"
CUE_CRISIS = "我不想活了"


def _call(svc, account, collector: str, minutes_from_now: float) -> None:
    """A call the collector made, written as stored (the engine would deny one during a crisis)."""
    borrower = account["parties"][0]["id"]
    at = svc.now() + timedelta(minutes=minutes_from_now)
    with svc.database.write() as s:
        s.add(stored_attempt(account["id"], borrower, at, collector_id=collector))


def _handed_over(svc, team) -> tuple[int, int]:
    (row,) = wb.fair_team(svc, actor=team.actors["supervisor"], now=svc.now() + timedelta(days=1)).rows
    return row.crisis_contacts, row.crisis_handed_over


@pytest.mark.parametrize(
    ("call_after_lift_min", "handed"),
    [(30, 1), (-30, 0)],
    ids=["contact after the supervisor lifted the crisis", "contact before the lift"],
)
def test_a_lift_ends_the_hold_window(svc, team, clock, call_after_lift_min, handed) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    _call(svc, account, collector.id, 0)
    clock.advance(timedelta(minutes=5))
    body = svc.ingest_reply(account["id"], borrower, GUESSED_CRISIS, actor=collector)
    assert any(a.get("state") == "crisis" for a in body["applied"])
    clock.advance(timedelta(hours=2))
    svc.clear_state(account["id"], "crisis", actor=team.actors["supervisor"], reason="read it: no crisis")
    _call(svc, account, collector.id, call_after_lift_min)
    assert _handed_over(svc, team) == (1, handed)


@pytest.mark.parametrize(("hold_hours", "handed"), [(72, 0), (2, 1)])
def test_the_configured_hold_is_the_window(svc, team, clock, db_url, packs_dir, hold_hours, handed) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    _call(svc, account, collector.id, 0)
    clock.advance(timedelta(minutes=5))
    svc.ingest_reply(account["id"], borrower, CUE_CRISIS, actor=collector)
    _call(svc, account, collector.id, 3 * 60)  # the crisis is still open: nobody lifted it
    configured = Service.open(
        db_url, clock=clock, secret_key=SECRET, packs_dir=packs_dir, crisis_min_hold_hours=hold_hours
    )
    try:
        assert _handed_over(configured, team) == (1, handed)
    finally:
        configured.close()
