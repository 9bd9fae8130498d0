"""A server killed with SIGKILL in the middle of a burst of reservations loses none it acknowledged."""

from __future__ import annotations

import os
import secrets
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from cg_service_fixtures import SECRET, start_server
from sqlalchemy import select

from collectguard.service import Actor, Service
from collectguard.store.models import AttemptRow

ACCOUNTS = 40
KILL_AFTER = 25


def _seed(db: str, packs_dir: Path) -> tuple[str, list[tuple[str, str]]]:
    service = Service.open(db, secret_key=SECRET, packs_dir=packs_dir)
    try:
        _, key = service.create_user(f"c-{secrets.token_hex(3)}", "collector")
        user, _ = service.create_user(f"s-{secrets.token_hex(3)}", "supervisor")
        supervisor = Actor(user.id, user.name, user.role)
        targets = []
        for i in range(ACCOUNTS):
            account = service.create_account(
                {
                    "external_id": f"K-{i}-{secrets.token_hex(3)}",
                    "timezone": "Asia/Shanghai",
                    "rulepacks": ["cap3"],
                    "parties": [{"role": "borrower", "name": "赵六", "phone": f"1360000{i:04d}"}],
                },
                actor=supervisor,
            )
            targets.append((account.id, account.parties[0].id))
    finally:
        service.close()
    return key, targets


@pytest.mark.slow
def test_sigkill_mid_burst_loses_no_acknowledged_reservation(
    db_url: str, packs_dir: Path, tmp_path: Path
) -> None:
    key, targets = _seed(db_url, packs_dir)
    server = start_server(db_url, tmp_path, packs_dir=packs_dir)
    acknowledged: list[str] = []
    lock = threading.Lock()
    killed = threading.Event()

    def one(i: int) -> None:
        account_id, party_id = targets[i % len(targets)]
        body = {"account_id": account_id, "party_id": party_id, "channel": "call"}
        try:
            r = httpx.post(
                f"{server.url}/v1/contact/reserve",
                json=body,
                headers={"Authorization": f"Bearer {key}"},
                timeout=10,
            )
        except httpx.HTTPError:
            return  # the server died before answering: nothing was acknowledged
        if r.status_code == 201:
            with lock:
                acknowledged.append(r.json()["attempt_id"])
                if len(acknowledged) >= KILL_AFTER and not killed.is_set():
                    killed.set()
                    os.kill(server.process.pid, signal.SIGKILL)

    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            list(pool.map(one, range(ACCOUNTS * 3)))
    finally:
        server.stop()
    assert killed.is_set(), "the burst ended before the kill"
    assert server.process.returncode == -signal.SIGKILL
    service = Service.open(db_url, secret_key=SECRET, packs_dir=packs_dir)
    try:
        with service.database.read() as session:
            stored = set(session.execute(select(AttemptRow.id)).scalars())
        assert set(acknowledged) <= stored
        assert service.verify_audit().ok
    finally:
        service.close()
