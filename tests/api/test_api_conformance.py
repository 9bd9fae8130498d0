"""The contact engine's conformance cases, run through the HTTP API on SQLite and PostgreSQL.

Each case becomes an account (its parties, states, opt-outs, suppressions, consent windows),
its history is imported with ``POST /v1/contact/record``, and the attempt is asked of
``POST /v1/contact/check`` at its instant, then reserved with the server clock set there.
Both answers must equal the case's expectation, as the library's do. A ``linked`` history
entry (another account's attempt on the same number) is recorded on a second account whose
party has the same phone as the entry's party, so the service must link them by number.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from cg_service_fixtures import Team

from collectguard.policy.scenario import parse_timestamp
from collectguard.testing import FixedClock
from conformance_cases import ROOT, Case, load_cases

CASES = load_cases()


def _pack_name(pack: str) -> str:
    return Path(pack).stem if pack.endswith((".yaml", ".yml")) else pack


def _label(item: dict[str, Any]) -> tuple[str, str]:
    return str(item.get("party_id") or item["party"]), str(item["party"])


def _phones(case: Case) -> dict[str, str]:
    """A fresh number for each party with linked history; other parties have no phone (never linked)."""
    return {_label(item)[0]: f"139{secrets.randbelow(10**8):08d}" for item in case.linked}


def _account_body(case: Case, phones: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    labels: dict[str, str] = {}
    for item in [*case.history, case.attempt]:
        label, role = _label(item)
        labels.setdefault(label, role)
    labels.setdefault("borrower", "borrower")
    account = case.account or {}
    suppressed = set(account.get("suppressed_parties", []))
    opted: dict[str, list[str]] = {}
    for item in account.get("opted_out", []):
        opted.setdefault(str(item["party_id"]), []).append(item["channel"])
    quiet: dict[str, list[dict[str, Any]]] = {}
    for item in account.get("quiet_hours", []):
        window = {k: item[k] for k in ("start", "end", "days") if k in item}
        quiet.setdefault(str(item["party_id"]), []).append(window)
    order = list(labels)
    tz = account.get("timezone", account.get("timezones"))
    body = {
        "external_id": f"{case.id}-{secrets.token_hex(3)}",
        "timezone": tz if tz is None or isinstance(tz, str) else " ".join(tz),
        "rulepacks": [_pack_name(p) for p in case.packs],
        "states": list(account.get("states", [])),
        "consent_windows": list(account.get("consent_windows", [])),
        "parties": [
            {
                "role": labels[label],
                "name": f"当事人 {label}",
                "suppressed": label in suppressed,
                "opted_out": opted.get(label, []),
                "quiet_hours": quiet.get(label, []),
                **({"phone": phones[label]} if label in phones else {}),
            }
            for label in order
        ],
    }
    return body, order


def _other_account(
    case: Case, body: dict[str, Any], phones: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """Another loan of the same people: one party per linked number, in the same role."""
    roles = dict(_label(item) for item in case.linked)
    parties = [
        {"role": roles[label], "name": f"当事人 {label}", "phone": phone} for label, phone in phones.items()
    ]
    other = {key: body[key] for key in ("timezone", "rulepacks")}
    return {**other, "external_id": f"{body['external_id']}-other", "parties": parties}, list(phones)


def _create(client: Any, team: Team, body: dict[str, Any], order: list[str]) -> tuple[str, dict[str, str]]:
    """The account's id and its party ids by the case's labels."""
    created = client.post("/v1/accounts", json=body, headers=team.headers("supervisor"))
    assert created.status_code == 201, created.json()
    account = created.json()
    return account["id"], {label: party["id"] for label, party in zip(order, account["parties"], strict=True)}


def _record(client: Any, team: Team, account_id: str, party_id: str, item: dict[str, Any]) -> None:
    recorded = client.post(
        "/v1/contact/record",
        json={
            "account_id": account_id,
            "party_id": party_id,
            "channel": item["channel"],
            "at": item["at"],
            "outcome": item.get("outcome", "connected"),
        },
        headers=team.headers("admin"),
    )
    assert recorded.status_code == 201, recorded.json()


@pytest.fixture
def overlay_packs(svc: Any) -> None:
    # The cases name overlay files by path; the service finds them by name in packs_dir.
    object.__setattr__(
        svc.runtime, "settings", svc.settings.model_copy(update={"packs_dir": ROOT / "overlays"})
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_through_http(
    case: Case, client: Any, team: Team, clock: FixedClock, overlay_packs: None
) -> None:
    phones = _phones(case)
    body, order = _account_body(case, phones)
    # False: the case's account; True: another loan on the same numbers, for linked entries
    accounts = {False: _create(client, team, body, order)}
    if phones:
        accounts[True] = _create(client, team, *_other_account(case, body, phones))
    for item in case.history:
        on, party_ids = accounts[item.get("linked") is True]
        _record(client, team, on, party_ids[_label(item)[0]], item)
    account_id, ids = accounts[False]
    label, _ = _label(case.attempt)
    ask = {"account_id": account_id, "party_id": ids[label], "channel": case.attempt["channel"]}
    checked = client.post(
        "/v1/contact/check", json={**ask, "at": case.attempt["at"]}, headers=team.headers("collector")
    )
    assert checked.status_code == 200, checked.json()
    case.check(checked.json())
    clock.set(parse_timestamp(case.attempt["at"], "at"))
    reserved = client.post("/v1/contact/reserve", json=ask, headers=team.headers("collector"))
    assert reserved.status_code == (201 if case.expect["allowed"] else 409), reserved.json()
    case.check(reserved.json())
    assert (reserved.json()["attempt_id"] is not None) is case.expect["allowed"]
