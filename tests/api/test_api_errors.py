"""Bad requests get a 4xx with {"error": {"code", "message", "field"}}; never a 5xx or a traceback."""

from __future__ import annotations

from typing import Any

import pytest
from cg_service_fixtures import Team, borrower_account

from collectguard.service import Service


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    # The error mapping does not depend on the backend; the backends are covered elsewhere.
    return sqlite_url


@pytest.fixture
def ids(svc: Service, team: Team) -> dict[str, str]:
    account = borrower_account(svc, team)
    return {"account": account["id"], "party": account["parties"][0]["id"]}


#: (method, path, body or raw bytes, role, status, code, field); {account}/{party} are filled in
CASES: list[tuple[str, str, Any, str | None, int, str, str | None]] = [
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "{party}", "channel": "call"},
        None,
        401,
        "unauthenticated",
        "Authorization",
    ),
    ("POST", "/v1/contact/check", b"{not json", "collector", 400, "bad_json", None),
    ("POST", "/v1/contact/check", [], "collector", 422, "invalid", "body"),
    (
        "POST",
        "/v1/contact/check",
        {"party_id": "{party}", "channel": "call"},
        "collector",
        422,
        "invalid",
        "account_id",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": 7, "party_id": "{party}", "channel": "call"},
        "collector",
        422,
        "invalid",
        "account_id",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "{party}", "channel": "fax"},
        "collector",
        422,
        "invalid",
        "channel",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "{party}", "channel": "call", "at": "2026-03-02T10:00:00"},
        "collector",
        422,
        "naive_timestamp",
        "at",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "{party}", "channel": "call", "at": "yesterday"},
        "collector",
        422,
        "invalid",
        "at",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "acc_nope", "party_id": "{party}", "channel": "call"},
        "collector",
        404,
        "not_found",
        "account_id",
    ),
    (
        "POST",
        "/v1/contact/check",
        {"account_id": "{account}", "party_id": "pty_nope", "channel": "call"},
        "collector",
        404,
        "not_found",
        "party_id",
    ),
    (
        "POST",
        "/v1/contact/reserve",
        {"account_id": "{account}", "party_id": "{party}", "channel": "call"},
        "admin",
        403,
        "forbidden",
        None,
    ),
    (
        "POST",
        "/v1/contact/att_nope/complete",
        {"outcome": "connected"},
        "collector",
        404,
        "not_found",
        "attempt_id",
    ),
    ("POST", "/v1/contact/att_nope/complete", {"outcome": "pending"}, "collector", 422, "invalid", "outcome"),
    (
        "POST",
        "/v1/contact/record",
        {
            "account_id": "{account}",
            "party_id": "{party}",
            "channel": "call",
            "at": "2026-03-01T10:00:00",
            "outcome": "connected",
        },
        "admin",
        422,
        "naive_timestamp",
        "at",
    ),
    (
        "POST",
        "/v1/accounts",
        {"external_id": "x", "timezone": "Mars/Base", "parties": [{"role": "borrower", "name": "a"}]},
        "supervisor",
        422,
        "invalid",
        "timezone",
    ),
    (
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {"role": "borrower", "name": "a", "quiet_hours": [{"start": "18:00", "end": "09:00"}]}
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0]",
    ),
    (
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [{"role": "borrower", "name": "a", "quiet_hours": [{"start": "9am", "end": "24:00"}]}],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0].start",
    ),
    (
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {"role": "borrower", "name": "a", "quiet_hours": [{"start": "00:00", "end": "24:00"}]}
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0]",
    ),
    (  # one hour of the lawful day left: a stop, by the same test the signal reader applies
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {"role": "borrower", "name": "a", "quiet_hours": [{"start": "07:00", "end": "20:00"}]}
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0]",
    ),
    (  # a weekday is 1 (Monday) to 7 (Sunday)
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {
                    "role": "borrower",
                    "name": "a",
                    "quiet_hours": [{"start": "00:00", "end": "24:00", "days": [0]}],
                }
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0].days[0]",
    ),
    (  # every weekday named is every day: the whole day closed is a stop
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {
                    "role": "borrower",
                    "name": "a",
                    "quiet_hours": [{"start": "00:00", "end": "24:00", "days": [1, 2, 3, 4, 5, 6, 7]}],
                }
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0].quiet_hours[0]",
    ),
    (  # each window leaves most of the day, together they leave none of it
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "parties": [
                {
                    "role": "borrower",
                    "name": "a",
                    "quiet_hours": [{"start": "00:00", "end": "12:00"}, {"start": "12:00", "end": "24:00"}],
                }
            ],
        },
        "supervisor",
        422,
        "invalid",
        "parties[0]",
    ),
    (
        "POST",
        "/v1/accounts",
        {"external_id": "x", "timezone": "Asia/Shanghai", "parties": [{"role": "guarantor", "name": "a"}]},
        "supervisor",
        422,
        "invalid",
        "parties",
    ),
    (
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "rulepacks": ["atlantis"],
            "parties": [{"role": "borrower", "name": "a"}],
        },
        "supervisor",
        422,
        "unknown_rulepack",
        "rulepacks",
    ),
    (
        "POST",
        "/v1/accounts",
        {
            "external_id": "x",
            "timezone": "Asia/Shanghai",
            "rulepacks": ["../../etc/passwd"],
            "parties": [{"role": "borrower", "name": "a"}],
        },
        "supervisor",
        422,
        "unknown_rulepack",
        "rulepacks",
    ),
    (
        "POST",
        "/v1/accounts",
        {"external_id": "x", "timezone": "Asia/Shanghai", "parties": [{"role": "boss", "name": "a"}]},
        "supervisor",
        422,
        "invalid",
        "parties[0].role",
    ),
    (
        "POST",
        "/v1/accounts",
        {"external_id": "x", "timezone": "Asia/Shanghai", "parties": [{"role": "borrower", "name": "a"}]},
        "collector",
        403,
        "forbidden",
        None,
    ),
    ("GET", "/v1/accounts?limit=0", None, "collector", 422, "invalid", "limit"),
    ("GET", "/v1/accounts/acc_nope", None, "collector", 404, "not_found", "account_id"),
    (
        "POST",
        "/v1/pii/unmask",
        {"party_id": "{party}", "field": "phone", "reason": "need it"},
        "collector",
        403,
        "forbidden",
        None,
    ),
    (
        "POST",
        "/v1/pii/unmask",
        {"party_id": "{party}", "field": "phone"},
        "supervisor",
        422,
        "invalid",
        "reason",
    ),
    (
        "POST",
        "/v1/pii/unmask",
        {"party_id": "{party}", "field": "salary", "reason": "need it"},
        "supervisor",
        422,
        "invalid",
        "field",
    ),
    ("POST", "/v1/messages/screen", {"text": ""}, "collector", 422, "invalid", "text"),
    ("POST", "/v1/messages/screen", {"text": "你好", "to": "boss"}, "collector", 422, "invalid", "to"),
    # a lone surrogate from a JSON escape is no character: a clear 422, not a 500 from the converter
    (
        "POST",
        "/v1/messages/screen",
        b'{"text": "\\ud83d\\u4e0d\\u8981\\u6253"}',
        "collector",
        422,
        "invalid",
        "text",
    ),
    (
        "POST",
        "/v1/replies",
        {"account_id": "{account}", "party_id": "pty_nope", "text": "好的"},
        "collector",
        404,
        "not_found",
        "party_id",
    ),
    ("GET", "/v1/audit/verify?known_head=nonsense", None, "compliance", 422, "invalid", "known_head"),
    ("GET", "/v1/audit/verify", None, "collector", 403, "forbidden", None),
    ("POST", "/v1/users", {"name": "x", "role": "root"}, "admin", 422, "invalid", "role"),
    ("POST", "/v1/users", {"name": "x", "role": "admin"}, "supervisor", 403, "forbidden", None),
    ("GET", "/v1/nowhere", None, "collector", 404, "not_found", None),
    ("DELETE", "/v1/accounts", None, "collector", 405, "method_not_allowed", None),
]


def _fill(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.replace("{account}", ids["account"]).replace("{party}", ids["party"])
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("method", "path", "body", "role", "status", "code", "field"), CASES)
def test_error_body(
    client: Any,
    team: Team,
    ids: dict[str, str],
    method: str,
    path: str,
    body: Any,
    role: str | None,
    status: int,
    code: str,
    field: str | None,
) -> None:
    headers = team.headers(role) if role else {}
    kwargs: dict[str, Any] = {"headers": {**headers, "Content-Type": "application/json"}}
    if isinstance(body, bytes):
        kwargs["content"] = body
    elif body is not None:
        kwargs["json"] = _fill(body, ids)
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert error.get("field") == field


def test_oversized_body_is_413(client: Any, team: Team) -> None:
    response = client.post(
        "/v1/messages/screen", json={"text": "好" * 100_000}, headers=team.headers("collector")
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_oversized_chunked_body_is_413(client: Any, team: Team) -> None:
    def chunks() -> Any:
        for _ in range(200):
            yield b"x" * 1024

    response = client.post("/v1/messages/screen", content=chunks(), headers=team.headers("collector"))
    assert response.status_code == 413


def test_a_denied_reservation_is_409_with_the_decision(client: Any, team: Team, ids: dict[str, str]) -> None:
    body = {"account_id": ids["account"], "party_id": ids["party"], "channel": "call"}
    assert client.post("/v1/contact/reserve", json=body, headers=team.headers("collector")).status_code == 201
    denied = client.post("/v1/contact/reserve", json=body, headers=team.headers("collector"))
    assert denied.status_code == 409
    payload = denied.json()
    assert payload["allowed"] is False and payload["rules"] == ["cn.burst"]
    assert payload["next_allowed_at"] is not None and payload["error"]["code"] == "denied"
    assert payload["messages"][0]["citation"]
