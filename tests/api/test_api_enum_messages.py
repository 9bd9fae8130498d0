"""A wrong enum value reaching the service gets the same precise 422 body at every edge."""

from __future__ import annotations

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.errors import ValidationError
from collectguard.service import Service
from collectguard.text.screen import Screener

STATES = "cease_requested, disputed, attorney_represented, crisis, complaint_open, bankruptcy, paid"
ROLES = "borrower, guarantor, emergency_contact, third_party, staff"  # whom a draft may be for


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    # the message does not depend on the backend
    return sqlite_url


def test_clearing_an_unknown_state_names_the_states(client, svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    r = client.post(
        f"/v1/accounts/{account['id']}/states/calm/clear",
        json={"reason": "no such state"},
        headers=team.headers("supervisor"),
    )
    assert r.status_code == 422, r.text
    assert r.json() == {
        "error": {"code": "invalid", "message": f"'calm' is not one of: {STATES}", "field": "state"}
    }


def test_the_service_names_the_addressee_and_the_channel(svc: Service, team: Team) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.screen_message("还钱", actor=team.actors["collector"], to="boss")
    assert str(caught.value) == f"to: 'boss' is not one of: {ROLES}"
    account = borrower_account(svc, team)
    party = account["parties"][0]["id"]
    with pytest.raises(ValidationError) as caught:
        svc.check_contact(account["id"], party, "fax", actor=team.actors["collector"])
    assert str(caught.value) == "channel: 'fax' is not one of: call, sms, wechat, email, visit"


def test_the_screener_names_the_addressee() -> None:
    with pytest.raises(ValidationError) as caught:
        Screener.load(("cn",), mode="rules").screen("还钱", to="boss")
    assert str(caught.value) == f"to: 'boss' is not one of: {ROLES}"


def test_a_draft_for_staff_is_screened_as_an_internal_memo(client, team: Team) -> None:
    memo = {"text": "本周跟进：张伟账户逾期45天，欠款两万，请按话术提醒。"}
    staff = client.post("/v1/messages/screen", json=memo | {"to": "staff"}, headers=team.headers("collector"))
    outsider = client.post(
        "/v1/messages/screen", json=memo | {"to": "third_party"}, headers=team.headers("collector")
    )
    assert staff.status_code == 200, staff.text
    assert staff.json()["verdict"] == "pass" and outsider.json()["verdict"] == "block"
