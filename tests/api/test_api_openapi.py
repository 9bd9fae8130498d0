"""The OpenAPI document names every path of design.md's table, and the small operational routes answer."""

from __future__ import annotations

from typing import Any

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.service import Service

DESIGN_TABLE = [
    ("post", "/v1/accounts"),
    ("get", "/v1/accounts"),
    ("get", "/v1/accounts/{account_id}"),
    ("post", "/v1/contact/check"),
    ("post", "/v1/contact/reserve"),
    ("post", "/v1/contact/{attempt_id}/complete"),
    ("post", "/v1/messages/screen"),
    ("post", "/v1/replies"),
    ("post", "/v1/pii/redact"),
    ("post", "/v1/pii/unmask"),
    ("get", "/v1/audit/verify"),
]


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    return sqlite_url


def test_openapi_names_every_design_path(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    missing = [(m, p) for m, p in DESIGN_TABLE if m not in paths.get(p, {})]
    assert not missing


def test_not_ready_while_the_lexicons_load(client: Any) -> None:
    warm = client.app.state.warm
    warm.clear()  # as app_from_env leaves it until its warm-up thread is done
    try:
        not_yet = client.get("/readyz")
        assert not_yet.status_code == 503 and not_yet.json() == {"status": "warming_up"}
        assert client.get("/healthz").status_code == 200  # alive all the same
    finally:
        warm.set()
    assert client.get("/readyz").status_code == 200


def test_health_readiness_timeline_and_users(client: Any, team: Team, svc: Service) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/readyz").json()["status"] == "ok"
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    reserved = client.post(
        "/v1/contact/reserve",
        json={"account_id": account["id"], "party_id": borrower, "channel": "call"},
        headers=team.headers("collector"),
    ).json()
    items = client.get(f"/v1/accounts/{account['id']}/timeline", headers=team.headers("supervisor")).json()[
        "items"
    ]
    assert [(i["kind"], i.get("id")) for i in items] == [("contact", reserved["attempt_id"])]
    made = client.post(
        "/v1/users", json={"name": "new-collector", "role": "collector"}, headers=team.headers("admin")
    )
    assert made.status_code == 201
    key = made.json()["api_key"]
    listed = client.get("/v1/accounts", headers={"Authorization": f"Bearer {key}"})
    assert listed.status_code == 200 and listed.json()["items"][0]["id"] == account["id"]
    head = client.get("/v1/audit/head", headers=team.headers("compliance")).json()["head"]
    assert client.get(
        "/v1/audit/verify", params={"known_head": head}, headers=team.headers("compliance")
    ).json()["ok"]
