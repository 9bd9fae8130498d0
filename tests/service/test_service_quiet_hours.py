"""Hours a borrower asks not to be contacted in: recorded from a reply, kept by the engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.service import Service
from collectguard.store.migrate import current_revision, downgrade, head_revision
from collectguard.testing import FixedClock


def test_a_reply_naming_hours_limits_contact_to_other_hours(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    # the clock starts at 10:00 in Shanghai
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    assert svc.check_contact(account["id"], borrower, "call", actor=collector).allowed  # cached now
    body = svc.ingest_reply(account["id"], borrower, "上班时间别打电话，下班再说", actor=collector)
    assert {"quiet_hours": "09:00-18:00", "rule": "cn.quiet_hours"} in body["applied"]
    assert not any("opt_out" in a for a in body["applied"])  # the channel stays open
    denied = svc.check_contact(account["id"], borrower, "call", actor=collector)
    assert denied.rules == ["cn.quiet_hours"]
    assert denied.next_allowed_at is not None
    assert denied.next_allowed_at.isoformat() == "2026-03-02T18:00:00+08:00"
    view = svc.get_account(account["id"], actor=collector)
    assert view.parties[0].quiet_hours == ("09:00-18:00",)
    # the emergency contact's hours are their own
    assert (
        "cn.quiet_hours"
        not in svc.check_contact(account["id"], account["parties"][1]["id"], "call", actor=collector).rules
    )
    clock.advance(timedelta(hours=8))
    assert svc.check_contact(account["id"], borrower, "call", actor=collector).allowed
    # the same request again records nothing new
    again = svc.ingest_reply(account["id"], borrower, "上班时间别打电话", actor=collector)
    assert not any("quiet_hours" in a for a in again["applied"])


def test_hours_given_at_import_are_kept(svc: Service, team: Team) -> None:
    account = borrower_account(
        svc,
        team,
        parties=[
            {
                "role": "borrower",
                "name": "王五",
                "phone": "13812345679",
                "quiet_hours": [{"start": "00:00", "end": "12:00"}],
            }
        ],
    )
    borrower = account["parties"][0]["id"]
    assert account["parties"][0]["quiet_hours"] == ["00:00-12:00"]
    decision = svc.check_contact(account["id"], borrower, "sms", actor=team.actors["collector"])
    assert decision.rules == ["cn.quiet_hours"]


def test_separate_requests_are_kept_as_asked(svc: Service, team: Team) -> None:
    """Each request names its own hours (and may concern another channel or day): they are kept as
    asked, not merged into a stop; the hour between them stays open."""
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    svc.ingest_reply(account["id"], borrower, "早上10点前别打电话", actor=collector)
    second = svc.ingest_reply(account["id"], borrower, "上午11点以后别打电话", actor=collector)
    assert not any(a.get("state") == "cease_requested" for a in second["applied"])
    view = svc.get_account(account["id"], actor=collector)
    assert view.parties[0].quiet_hours == ("00:00-10:00", "11:00-24:00")


def test_a_reply_refusing_the_weekend_keeps_weekdays_open(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    # Monday 2 March 2026, 10:00 in Shanghai
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    body = svc.ingest_reply(account["id"], borrower, "不要在周末打电话，平时可以", actor=collector)
    assert {"quiet_hours": "00:00-24:00/6,7", "rule": "cn.quiet_hours"} in body["applied"]
    assert not any("opt_out" in a or a.get("state") for a in body["applied"])
    assert svc.check_contact(account["id"], borrower, "call", actor=collector).allowed
    assert svc.get_account(account["id"], actor=collector).parties[0].quiet_hours == ("00:00-24:00/6,7",)
    clock.advance(timedelta(days=5))  # Saturday, 10:00
    denied = svc.check_contact(account["id"], borrower, "call", actor=collector)
    assert denied.rules == ["cn.quiet_hours"]
    assert denied.next_allowed_at is not None
    assert denied.next_allowed_at.isoformat() == "2026-03-09T08:00:00+08:00"
    clock.advance(timedelta(days=2))  # Monday again
    assert svc.check_contact(account["id"], borrower, "call", actor=collector).allowed


def test_weekend_hours_given_at_import_are_kept_with_their_days(svc: Service, team: Team) -> None:
    party = {
        "role": "borrower",
        "name": "王五",
        "phone": "13812345679",
        "quiet_hours": [
            {"start": "00:00", "end": "24:00", "days": [6, 7]},
            {"start": "21:00", "end": "24:00"},
        ],
    }
    account = borrower_account(svc, team, parties=[party])
    assert account["parties"][0]["quiet_hours"] == ["00:00-24:00/6,7", "21:00-24:00"]


def test_a_downgrade_refuses_to_drop_hours_kept_on_some_days(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    svc.ingest_reply(account["id"], borrower, "周末别打电话", actor=team.actors["collector"])
    with pytest.raises(RuntimeError, match="only on some weekdays"):
        downgrade(svc.database, "0006")
    assert current_revision(svc.database) == head_revision()
    assert svc.get_account(account["id"], actor=team.actors["collector"]).parties[0].quiet_hours == (
        "00:00-24:00/6,7",
    )
