"""Replies, reservations, completions and state changes on one account at once: no deadlock, no loss."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from cg_service_fixtures import Team, borrower_account

from collectguard.errors import CollectguardError
from collectguard.service import Service


def test_mixed_writers_on_one_account(svc: Service, team: Team) -> None:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector, supervisor = team.actors["collector"], team.actors["supervisor"]

    def work(i: int) -> Any:
        try:
            if i % 3 == 0:
                return svc.ingest_reply(
                    account["id"], borrower, "以后别给我发短信了，我要投诉", actor=collector
                )
            if i % 3 == 1:
                r = svc.reserve_contact(account["id"], borrower, "call", actor=collector)
                if r.attempt_id:
                    svc.complete_contact(r.attempt_id, "no_answer", actor=collector)
                return r
            return svc.set_state(account["id"], "disputed", actor=supervisor, reason="letter")
        except CollectguardError as exc:  # a deliberate refusal is fine; a deadlock is not one
            return exc

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(work, range(36)))
    assert not [r for r in results if isinstance(r, CollectguardError)]
    assert svc.verify_audit().ok
    states = {s.state for s in svc.get_account(account["id"], actor=supervisor).states}
    assert "disputed" in states
