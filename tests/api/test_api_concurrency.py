"""64 simultaneous reservations for one borrower under a cap of 3 → exactly 3 succeed.

Two real ``collectguard serve`` processes share one database (a SQLite file, or a
PostgreSQL database); the requests are spread over both.
"""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from cg_service_fixtures import SECRET, Server, start_server

from collectguard.service import Service

BURST = 64


def _seed(db: str, packs_dir: Path) -> tuple[str, str, str, str]:
    service = Service.open(db, secret_key=SECRET, packs_dir=packs_dir)
    try:
        _, collector = service.create_user(f"c-{secrets.token_hex(3)}", "collector")
        user, _ = service.create_user(f"s-{secrets.token_hex(3)}", "supervisor")
        from collectguard.service import Actor

        account = service.create_account(
            {
                "external_id": f"X-{secrets.token_hex(4)}",
                "timezone": "Asia/Shanghai",
                "rulepacks": ["cap3"],
                "parties": [{"role": "borrower", "name": "王五", "phone": "13700001111"}],
            },
            actor=Actor(user.id, user.name, user.role),
        )
    finally:
        service.close()
    return collector, account.id, account.parties[0].id, db


def _burst(servers: list[Server], key: str, account_id: str, party_id: str) -> list[int]:
    body = {"account_id": account_id, "party_id": party_id, "channel": "call"}
    clients = [
        httpx.Client(base_url=s.url, timeout=60, headers={"Authorization": f"Bearer {key}"}) for s in servers
    ]

    def one(i: int) -> int:
        return clients[i % len(clients)].post("/v1/contact/reserve", json=body).status_code

    try:
        with ThreadPoolExecutor(max_workers=BURST) as pool:
            return list(pool.map(one, range(BURST)))
    finally:
        for c in clients:
            c.close()


@pytest.mark.slow
def test_two_processes_never_exceed_the_cap_together(db_url: str, packs_dir: Path, tmp_path: Path) -> None:
    key, account_id, party_id, db = _seed(db_url, packs_dir)
    with ThreadPoolExecutor(max_workers=2) as pool:
        servers = list(pool.map(lambda _: start_server(db, tmp_path, packs_dir=packs_dir), range(2)))
    try:
        statuses = _burst(servers, key, account_id, party_id)
    finally:
        for s in servers:
            s.stop()
    assert sorted(set(statuses)) == [201, 409], statuses
    assert statuses.count(201) == 3
    service = Service.open(db, secret_key=SECRET, packs_dir=packs_dir)
    try:
        detail: Any = service.verify_audit()
        assert detail.ok and detail.entries >= 3 + BURST
    finally:
        service.close()
