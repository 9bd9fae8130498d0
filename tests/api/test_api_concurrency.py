"""64 simultaneous reservations for one borrower under a cap of 3 → exactly 3 succeed.

Two real ``collectguard serve`` processes share one database (a SQLite file, or a
PostgreSQL database); the requests are spread over both. The same holds for two accounts
whose borrowers share a phone number under a cap on the number: the requests alternate
between the accounts and still only 3 pass together.
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


def _seed(
    db: str, packs_dir: Path, *, pack: str = "cap3", accounts: int = 1
) -> tuple[str, list[tuple[str, str]]]:
    """A collector's key and ``accounts`` accounts whose borrowers all have the same phone."""
    service = Service.open(db, secret_key=SECRET, packs_dir=packs_dir)
    try:
        _, collector = service.create_user(f"c-{secrets.token_hex(3)}", "collector")
        user, _ = service.create_user(f"s-{secrets.token_hex(3)}", "supervisor")
        from collectguard.service import Actor

        made = [
            service.create_account(
                {
                    "external_id": f"X-{secrets.token_hex(4)}",
                    "timezone": "Asia/Shanghai",
                    "rulepacks": [pack],
                    "parties": [{"role": "borrower", "name": "王五", "phone": "13700001111"}],
                },
                actor=Actor(user.id, user.name, user.role),
            )
            for _ in range(accounts)
        ]
    finally:
        service.close()
    return collector, [(a.id, a.parties[0].id) for a in made]


def _burst(servers: list[Server], key: str, targets: list[tuple[str, str]]) -> list[int]:
    bodies = [{"account_id": a, "party_id": p, "channel": "call"} for a, p in targets]
    clients = [
        httpx.Client(base_url=s.url, timeout=60, headers={"Authorization": f"Bearer {key}"}) for s in servers
    ]

    def one(i: int) -> int:
        body = bodies[(i // len(clients)) % len(bodies)]  # every server sees every account
        return clients[i % len(clients)].post("/v1/contact/reserve", json=body).status_code

    try:
        with ThreadPoolExecutor(max_workers=BURST) as pool:
            return list(pool.map(one, range(BURST)))
    finally:
        for c in clients:
            c.close()


def _run(db: str, packs_dir: Path, tmp_path: Path, key: str, targets: list[tuple[str, str]]) -> list[int]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        servers = list(pool.map(lambda _: start_server(db, tmp_path, packs_dir=packs_dir), range(2)))
    try:
        return _burst(servers, key, targets)
    finally:
        for s in servers:
            s.stop()


def _audit_ok(db: str, packs_dir: Path) -> None:
    service = Service.open(db, secret_key=SECRET, packs_dir=packs_dir)
    try:
        detail: Any = service.verify_audit()
        assert detail.ok and detail.entries >= 3 + BURST
    finally:
        service.close()


@pytest.mark.slow
def test_two_processes_never_exceed_the_cap_together(db_url: str, packs_dir: Path, tmp_path: Path) -> None:
    key, targets = _seed(db_url, packs_dir)
    statuses = _run(db_url, packs_dir, tmp_path, key, targets)
    assert sorted(set(statuses)) == [201, 409], statuses
    assert statuses.count(201) == 3
    _audit_ok(db_url, packs_dir)


@pytest.mark.slow
def test_two_accounts_sharing_a_number_never_exceed_a_cap_on_the_number(
    db_url: str, packs_dir: Path, tmp_path: Path
) -> None:
    key, targets = _seed(db_url, packs_dir, pack="numcap3", accounts=2)
    statuses = _run(db_url, packs_dir, tmp_path, key, targets)
    assert sorted(set(statuses)) == [201, 409], statuses
    assert statuses.count(201) == 3
    _audit_ok(db_url, packs_dir)
