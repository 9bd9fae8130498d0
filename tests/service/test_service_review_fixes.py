"""Overlays behave as their base jurisdiction; bad consent windows, exports and unmasks at the edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cg_service_fixtures import Team, borrower_account

from collectguard.service import Service

OVERLAY = """
overlay: us-strict
base: us-regf
version: "1"
changes:
  - id: us.regf.hours
    params: {end: "20:00"}
"""


def _overlay_account(svc: Service, team: Team, packs_dir: Path) -> dict[str, Any]:
    (packs_dir / "us-strict.yaml").write_text(OVERLAY, encoding="utf-8")
    # 02:00 UTC is 10:00 in Shanghai: inside every window
    return borrower_account(svc, team, rulepacks=["us-strict"])


def test_an_overlay_account_completes_with_text_screened_by_its_base(
    svc: Service, team: Team, packs_dir: Path
):
    account = _overlay_account(svc, team, packs_dir)
    borrower = next(p for p in account["parties"] if p["role"] == "borrower")
    collector = team.actors["collector"]
    reservation = svc.reserve_contact(account["id"], borrower["id"], "sms", actor=collector)
    done = svc.complete_contact(
        reservation.attempt_id, "delivered", actor=collector, text="Pay today or you will go to jail."
    )
    rules = {f["rule"] for f in done.to_dict()["screening"]["findings"]}
    assert rules and all(rule.startswith("us.regf.") for rule in rules), rules


def test_an_overlay_account_gets_its_base_region_support_lines(svc: Service, team: Team, packs_dir: Path):
    _overlay_account(svc, team, packs_dir)
    assert svc.region(["us-strict"]) == "us"
    assert svc.region(["cn"]) == "cn"


def test_a_consent_window_that_is_not_a_clock_time_is_refused(client, team: Team):
    body = {
        "external_id": "L-consent",
        "timezone": "Asia/Shanghai",
        "consent_windows": [{"start": "22:00", "end": "25:00"}],
        "parties": [{"role": "borrower", "name": "张三", "phone": "13812345678"}],
    }
    response = client.post("/v1/accounts", json=body, headers=team.headers("supervisor"))
    assert response.status_code == 422
    error = response.json()["error"]
    assert "consent_windows" in (error.get("field") or "") and "25:00" in error["message"]


def test_every_unmask_is_audited_even_with_a_repeated_idempotency_key(client, svc: Service, team: Team):
    account = borrower_account(svc, team)
    borrower = next(p for p in account["parties"] if p["role"] == "borrower")
    body = {"party_id": borrower["id"], "field": "phone", "reason": "borrower asked to confirm the number"}
    headers = team.headers("supervisor", **{"Idempotency-Key": "same-key"})
    before = svc.audit_head().seq
    for _ in range(2):
        response = client.post("/v1/pii/unmask", json=body, headers=headers)
        assert response.status_code == 200
        assert response.json()["value"] == "13812345678"
    assert svc.audit_head().seq == before + 2


def test_an_outcome_must_fit_the_channel(svc: Service, team: Team):
    import pytest

    from collectguard.errors import ValidationError

    account = borrower_account(svc, team)
    borrower = next(p for p in account["parties"] if p["role"] == "borrower")
    collector = team.actors["collector"]
    reservation = svc.reserve_contact(account["id"], borrower["id"], "sms", actor=collector)
    with pytest.raises(ValidationError, match="'connected' is not an outcome of a sms") as info:
        svc.complete_contact(reservation.attempt_id, "connected", actor=collector)
    assert info.value.field == "outcome"
    svc.complete_contact(reservation.attempt_id, "delivered", actor=collector)


def test_a_relatives_words_do_not_hold_the_borrowers_account(svc: Service, team: Team):
    account = borrower_account(svc, team)
    contact = next(p for p in account["parties"] if p["role"] == "emergency_contact")
    collector = team.actors["collector"]
    disputed = svc.ingest_reply(
        account["id"], contact["id"], "这钱不是他借的，是别人冒用他的身份", actor=collector
    )
    assert {"noted": "disputed", "from": "emergency_contact"}.items() <= disputed["applied"][0].items()
    ceased = svc.ingest_reply(account["id"], contact["id"], "不要再联系我了", actor=collector)
    assert ceased["applied"] == [
        {"suppressed": contact["id"], "from": "emergency_contact", "rule": "cn.third_party.suppressed"}
    ]
    states = {s.state for s in svc.get_account(account["id"], actor=collector).states}
    assert not states & {"disputed", "cease_requested"}
    decision = svc.check_contact(account["id"], contact["id"], "sms", actor=collector)
    assert "cn.third_party.suppressed" in decision.rules


def test_a_relative_reporting_a_crisis_stops_all_contact(svc: Service, team: Team):
    account = borrower_account(svc, team)
    contact = next(p for p in account["parties"] if p["role"] == "emergency_contact")
    borrower = next(p for p in account["parties"] if p["role"] == "borrower")
    collector = team.actors["collector"]
    svc.ingest_reply(account["id"], contact["id"], "他昨晚说不想活了，要跳楼", actor=collector)
    decision = svc.check_contact(account["id"], borrower["id"], "call", actor=collector)
    assert "cn.hold.crisis" in decision.rules


def test_a_draft_for_an_account_is_screened_by_that_accounts_packs(
    client, svc: Service, team: Team, packs_dir
):
    account = _overlay_account(svc, team, packs_dir)
    body = {"text": "Pay today or you will go to jail.", "account_id": account["id"]}
    response = client.post("/v1/messages/screen", json=body, headers=team.headers("collector"))
    assert response.status_code == 200
    rules = {f["rule"] for f in response.json()["findings"]}
    assert rules and all(rule.startswith("us.regf.") for rule in rules), rules
    unknown = client.post(
        "/v1/messages/screen", json={**body, "account_id": "acc_nope"}, headers=team.headers("collector")
    )
    assert unknown.status_code == 404


def test_a_claim_that_never_finished_says_so_instead_of_waiting_forever(svc: Service, team: Team, clock):
    from datetime import timedelta

    import pytest

    from collectguard.errors import ConflictError
    from collectguard.service import idempotency

    user = team.actors["collector"].id
    assert idempotency.claim(svc.runtime, user, "k-crash", "fp") is None  # the server "dies" here
    with pytest.raises(ConflictError, match="still in progress"):
        idempotency.claim(svc.runtime, user, "k-crash", "fp")
    clock.advance(timedelta(minutes=3))
    with pytest.raises(ConflictError, match="did not finish"):
        idempotency.claim(svc.runtime, user, "k-crash", "fp")
