"""Property tests: no generated body, path or query makes the API answer 5xx, and every 4xx has the error shape."""

from __future__ import annotations

from typing import Any

import pytest
from cg_service_fixtures import Team, borrower_account
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collectguard.service import Service

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
FIELDS = [
    "account_id",
    "party_id",
    "channel",
    "at",
    "text",
    "to",
    "outcome",
    "field",
    "reason",
    "name",
    "role",
    "external_id",
    "timezone",
    "parties",
    "rulepacks",
    "state",
    "transcript",
]
#: bodies shaped like the real ones, with fields of any type
SHAPED = st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=6)
WRITES = [
    "/v1/accounts",
    "/v1/contact/check",
    "/v1/contact/reserve",
    "/v1/contact/record",
    "/v1/contact/{attempt}/complete",
    "/v1/contact/{attempt}/cancel",
    "/v1/messages/screen",
    "/v1/replies",
    "/v1/pii/redact",
    "/v1/pii/unmask",
    "/v1/users",
    "/v1/accounts/{account}/states",
]
ROLES = ["collector", "supervisor", "compliance", "admin"]
#: what an HTTP client can put in a path segment
SEGMENT = st.text(
    st.characters(
        min_codepoint=33, max_codepoint=0x2FFF, exclude_characters="/?#%\\", exclude_categories=("Cc", "Cs")
    ),
    max_size=20,
)


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    return sqlite_url


@pytest.fixture
def ids(svc: Service, team: Team) -> dict[str, str]:
    account = borrower_account(svc, team)
    return {"account": account["id"], "party": account["parties"][0]["id"]}


def _assert_4xx_shape(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400:
        error = response.json()["error"]
        assert isinstance(error["code"], str) and isinstance(error["message"], str) and error["message"]


def _real_ids(body: dict[str, Any], ids: dict[str, str], use: bool) -> dict[str, Any]:
    if use:
        body = {**body, "account_id": ids["account"], "party_id": ids["party"]}
    return body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(WRITES),
    body=st.one_of(SHAPED, JSON),
    role=st.sampled_from(ROLES),
    use_ids=st.booleans(),
    attempt=SEGMENT,
)
def test_no_5xx_on_generated_bodies(
    client: Any, team: Team, ids: dict[str, str], path: str, body: Any, role: str, use_ids: bool, attempt: str
) -> None:
    if isinstance(body, dict):
        body = _real_ids(body, ids, use_ids)
    url = path.replace("{account}", ids["account"]).replace("{attempt}", attempt or "x")
    response = client.post(url, json=body, headers=team.headers(role))
    _assert_4xx_shape(response)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300), path=st.sampled_from(WRITES[:4] + WRITES[6:10]))
def test_no_5xx_on_raw_bytes(client: Any, team: Team, raw: bytes, path: str) -> None:
    headers = {**team.headers("supervisor"), "Content-Type": "application/json"}
    _assert_4xx_shape(client.post(path, content=raw, headers=headers))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    limit=st.one_of(st.integers(), st.text(max_size=8)),
    cursor=st.text(max_size=80),
    known_head=st.text(max_size=80),
    account=SEGMENT.filter(bool),
)
def test_no_5xx_on_generated_queries(
    client: Any, team: Team, limit: Any, cursor: str, known_head: str, account: str
) -> None:
    h = team.headers("compliance")
    _assert_4xx_shape(client.get("/v1/accounts", params={"limit": limit, "cursor": cursor}, headers=h))
    _assert_4xx_shape(client.get("/v1/audit/verify", params={"known_head": known_head}, headers=h))
    _assert_4xx_shape(client.get(f"/v1/accounts/{account}", headers=h))
    if account.isascii():
        _assert_4xx_shape(client.get("/v1/accounts", headers={"Authorization": f"Bearer {account}"}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["account_id", "party_id", "channel"]), value=JSON)
def test_a_wrongly_typed_field_is_named(
    client: Any, team: Team, ids: dict[str, str], field: str, value: Any
) -> None:
    body: dict[str, Any] = {
        "account_id": ids["account"],
        "party_id": ids["party"],
        "channel": "call",
        field: value,
    }
    response = client.post("/v1/contact/check", json=body, headers=team.headers("collector"))
    _assert_4xx_shape(response)
    if not isinstance(value, str):
        assert response.status_code == 422
        assert response.json()["error"]["field"] == field
