"""The role matrix over HTTP, and Idempotency-Key replays that record nothing twice."""

from __future__ import annotations

from typing import Any

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.service import Service


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    return sqlite_url


@pytest.fixture
def ids(svc: Service, team: Team) -> dict[str, str]:
    account = borrower_account(svc, team)
    return {"account": account["id"], "party": account["parties"][0]["id"]}


#: (method, path, body, roles allowed); everyone else must get 403
MATRIX: list[tuple[str, str, dict[str, Any] | None, set[str]]] = [
    ("GET", "/v1/accounts", None, {"collector", "supervisor", "compliance", "admin"}),
    ("GET", "/v1/accounts/{account}", None, {"collector", "supervisor", "compliance", "admin"}),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "{party}", "channel": "call"},
        {"collector", "supervisor"},
    ),
    (
        "POST",
        "/v1/messages/screen",
        {"text": "您好，请按时还款"},
        {"collector", "supervisor", "compliance", "admin"},
    ),
    (
        "POST",
        "/v1/pii/unmask",
        {"party_id": "{party}", "field": "name", "reason": "identity check"},
        {"supervisor", "compliance"},
    ),
    ("GET", "/v1/audit/verify", None, {"supervisor", "compliance", "admin"}),
    ("GET", "/v1/rulepacks", None, {"collector", "supervisor", "compliance", "admin"}),
    (
        "POST",
        "/v1/accounts/{account}/states",
        {"state": "disputed", "reason": "letter"},
        {"supervisor", "compliance"},
    ),
    (
        "POST",
        "/v1/contact/record",
        {
            "account_id": "{account}",
            "party_id": "{party}",
            "channel": "sms",
            "at": "2026-03-01T10:00:00+08:00",
            "outcome": "delivered",
        },
        {"supervisor", "admin"},
    ),
]


def _fill(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.replace("{account}", ids["account"]).replace("{party}", ids["party"])
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"), MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX]
)
def test_role_matrix(
    client: Any, team: Team, ids: dict[str, str], method: str, path: str, body: Any, allowed: set[str]
) -> None:
    for role in ("collector", "supervisor", "compliance", "admin"):
        response = client.request(method, _fill(path, ids), json=_fill(body, ids), headers=team.headers(role))
        if role in allowed:
            assert response.status_code < 400, (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)


def test_collector_sees_masked_parties(client: Any, team: Team, ids: dict[str, str]) -> None:
    body = client.get(f"/v1/accounts/{ids['account']}", headers=team.headers("collector")).text
    assert "13812345678" not in body and "11010519491231002X" not in body and "张三" not in body


def test_a_retried_reservation_returns_the_first_result_and_reserves_once(
    client: Any, team: Team, ids: dict[str, str], svc: Service
) -> None:
    body = {"account_id": ids["account"], "party_id": ids["party"], "channel": "sms"}
    headers = team.headers("collector", **{"Idempotency-Key": "r-1"})
    first = client.post("/v1/contact/reserve", json=body, headers=headers)
    again = client.post("/v1/contact/reserve", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    contacts = svc.get_account(ids["account"], actor=team.actors["collector"]).recent_contacts
    assert len(contacts) == 1


def test_a_key_reused_for_another_request_is_409(client: Any, team: Team, ids: dict[str, str]) -> None:
    headers = team.headers("collector", **{"Idempotency-Key": "r-2"})
    body = {"account_id": ids["account"], "party_id": ids["party"], "channel": "sms"}
    assert client.post("/v1/contact/reserve", json=body, headers=headers).status_code == 201
    other = client.post("/v1/contact/reserve", json={**body, "channel": "email"}, headers=headers)
    assert other.status_code == 409
    assert other.json()["error"]["field"] == "Idempotency-Key"


def test_a_first_4xx_is_replayed_too(client: Any, team: Team) -> None:
    headers = team.headers("supervisor", **{"Idempotency-Key": "a-1"})
    body = {
        "external_id": "E",
        "timezone": "Asia/Shanghai",
        "rulepacks": ["atlantis"],
        "parties": [{"role": "borrower", "name": "x"}],
    }
    first = client.post("/v1/accounts", json=body, headers=headers)
    again = client.post("/v1/accounts", json=body, headers=headers)
    assert first.status_code == again.status_code == 422
    assert first.json() == again.json()


def test_keys_are_per_user(client: Any, team: Team, ids: dict[str, str]) -> None:
    body = {"account_id": ids["account"], "party_id": ids["party"], "channel": "sms"}
    a = client.post(
        "/v1/contact/reserve", json=body, headers=team.headers("collector", **{"Idempotency-Key": "same"})
    )
    b = client.post(
        "/v1/contact/reserve",
        json={**body, "channel": "email"},
        headers=team.headers("supervisor", **{"Idempotency-Key": "same"}),
    )
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["attempt_id"] != b.json()["attempt_id"]


def test_rulepacks_lists_shipped_and_installed_packs(client: Any, team: Team) -> None:
    items = client.get("/v1/rulepacks", headers=team.headers("admin")).json()["items"]
    names = {p["name"] for p in items}
    assert {"cn", "us-regf", "cap3"} <= names
    assert "cn.hours" in next(p for p in items if p["name"] == "cn")["rules"]
