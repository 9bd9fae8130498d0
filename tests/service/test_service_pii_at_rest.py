"""The database file and the server's logs hold no plaintext ID number, phone or card of the test data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from cg_service_fixtures import SECRET, midday_zone, start_server

from collectguard.service import Service


def _luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
OTHER_PHONE = "13987654321"
CARD = _luhn("622202123456789012")
SECRETS = [ID_NUMBER, PHONE, OTHER_PHONE, CARD, PHONE[:3] + " " + PHONE[3:7] + " " + PHONE[7:]]


@pytest.mark.slow
def test_no_plaintext_pii_in_database_or_logs(sqlite_url: str, tmp_path: Path) -> None:
    service = Service.open(sqlite_url, secret_key=SECRET)
    _, admin = service.create_user("admin-1", "admin")
    _, supervisor = service.create_user("supervisor-1", "supervisor")
    _, collector = service.create_user("collector-1", "collector")
    _, compliance = service.create_user("compliance-1", "compliance")
    service.close()
    server = start_server(sqlite_url, tmp_path)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as http:

            def call(
                method: str, path: str, key: str, headers: dict[str, str] | None = None, **kw: Any
            ) -> httpx.Response:
                return http.request(
                    method, path, headers={"Authorization": f"Bearer {key}", **(headers or {})}, **kw
                )

            created = call(
                "POST",
                "/v1/accounts",
                supervisor,
                json={
                    "external_id": "PII-1",
                    "timezone": midday_zone(),
                    "parties": [
                        {"role": "borrower", "name": "张三丰", "phone": PHONE, "id_number": ID_NUMBER},
                        {"role": "emergency_contact", "name": "李四", "phone": OTHER_PHONE},
                    ],
                },
                headers={"Idempotency-Key": "pii-1"},
            )
            assert created.status_code == 201, created.text
            account = created.json()
            assert PHONE not in created.text and ID_NUMBER not in created.text
            borrower = account["parties"][0]["id"]
            ask = {"account_id": account["id"], "party_id": borrower, "channel": "sms"}
            reserved = call("POST", "/v1/contact/reserve", collector, json=ask)
            assert reserved.status_code == 201, reserved.text
            text = f"您的身份证{ID_NUMBER}，卡号{CARD}，请回电{PHONE}"
            done = call(
                "POST",
                f"/v1/contact/{reserved.json()['attempt_id']}/complete",
                collector,
                json={"outcome": "delivered", "text": text},
            )
            assert done.status_code == 200, done.text
            reply = call(
                "POST",
                "/v1/replies",
                collector,
                json={
                    "account_id": account["id"],
                    "party_id": borrower,
                    "text": f"别打{PHONE}了，我卡号是{CARD}",
                },
            )
            assert reply.status_code == 200, reply.text
            shown = call(
                "POST",
                "/v1/pii/unmask",
                compliance,
                json={"party_id": borrower, "field": "phone", "reason": "borrower asked to verify"},
                headers={"Idempotency-Key": "unmask-1"},
            )
            assert shown.json()["value"] == PHONE
            call("POST", "/v1/pii/redact", collector, json={"text": f"身份证 {ID_NUMBER}"})
            call("GET", f"/v1/accounts/{PHONE}", collector)
            call("GET", f"/v1/accounts?cursor={ID_NUMBER}", admin)
            call("POST", "/v1/contact/check", collector, json={**ask, "at": f"{CARD}"})
    finally:
        server.stop()
    files = [p for p in Path(sqlite_url).parent.iterdir() if p.name.startswith("cg.db")]
    blobs = {p.name: p.read_bytes() for p in files} | {"server log": server.log.read_bytes()}
    assert b"/v1/accounts/" in blobs["server log"], "the server logged no requests"
    for name, blob in blobs.items():
        for value in SECRETS:
            assert value.encode() not in blob, f"{value} in plaintext in {name}"
