"""The risk queue's shortcut changes nothing: its top N is full scoring's top N.

``risk_queue`` scores accounts in the order of SQL upper bounds (``service/risk_bounds.py``)
and stops early. These tests build stores with varied histories (quiet-hour edges in two
zones, replies with and without signals, warned messages, open and cleared states,
cancelled attempts) and hold the queue equal to scoring every account and sorting.
"""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

import pytest
from cg_service_fixtures import START, borrower_account, stored_attempt

from collectguard.risk import load_risk_settings
from collectguard.service import risk as service_risk
from collectguard.service.risk_bounds import risk_bounds
from collectguard.store.models import AccountStateRow, MessageRow, ReplyRow

SIGNALS = ["anger", "complaint_intent", "dispute", "distress_self_harm", "hardship"]


def _events(svc, account: dict, rng: random.Random, busy: int) -> None:
    parties = {p["role"]: p["id"] for p in account["parties"]}
    with svc.database.write() as s:
        for _ in range(busy):
            role = rng.choice(["borrower", "borrower", "emergency_contact"])
            # hours 0..23 before START in whole minutes: some land on the quiet-hour edges
            at = START - timedelta(days=rng.uniform(0, 40), minutes=rng.randrange(0, 24 * 60))
            s.add(
                stored_attempt(
                    account["id"],
                    parties[role],
                    at,
                    role=role,
                    channel=rng.choice(["call", "call", "sms"]),
                    status=rng.choice(["completed", "completed", "completed", "cancelled"]),
                    outcome=rng.choice(["connected", "no_answer", "voicemail", None]),
                    minutes=rng.randrange(0, 20),
                )
            )
        for _ in range(rng.randrange(0, busy // 3 + 1)):
            signals = rng.sample(SIGNALS, rng.randrange(0, 3))
            s.add(
                ReplyRow(
                    id=f"rpl_{secrets.token_hex(6)}",
                    account_id=account["id"],
                    party_id=parties["borrower"],
                    text_enc="x",
                    # a note naming a signal it does not carry only loosens the bound
                    analysis={"signals": [{"type": t} for t in signals], "note": rng.choice(["", "anger"])},
                    at=START - timedelta(days=rng.uniform(0, 40)),
                )
            )
        for _ in range(rng.randrange(0, 4)):
            s.add(
                MessageRow(
                    id=f"msg_{secrets.token_hex(6)}",
                    account_id=account["id"],
                    collector_id=None,
                    kind="sms",
                    text_enc="x",
                    verdict=rng.choice(["pass", "warn", "block"]),
                    findings=[],
                    at=START - timedelta(days=rng.uniform(0, 40)),
                )
            )
        for state in rng.sample(["complaint_open", "disputed"], rng.randrange(0, 3)):
            s.add(
                AccountStateRow(
                    account_id=account["id"],
                    state=state,
                    since=START - timedelta(days=rng.uniform(1, 90)),
                    set_by="test",
                    reason="test",
                    cleared_at=rng.choice([None, START - timedelta(hours=1)]),
                )
            )


def _accounts(svc, team, rng: random.Random, n: int) -> list[str]:
    ids = []
    for i in range(n):
        extra = {"timezone": "America/New_York", "rulepacks": ["us-regf"]} if i % 3 == 0 else {}
        account = borrower_account(svc, team, **extra)
        _events(svc, account, rng, busy=rng.choice([0, 2, 6, 14]))
        ids.append(account["id"])
    return ids


def _full(svc, supervisor, ids: list[str], limit: int, min_score: int) -> list[tuple[str, float]]:
    scores = service_risk.account_risks(svc, ids, actor=supervisor).values()
    ranked = sorted((s for s in scores if s.score >= min_score), key=lambda s: (-s.raw_score, s.account_id))
    return [(s.account_id, s.raw_score) for s in ranked[:limit]]


QUEUES = [(1, 0), (3, 0), (5, 0), (10, 0), (10, 30), (25, 0), (25, 60), (100, 0), (5, 101)]


@pytest.mark.parametrize("seed", [1, 2])
def test_queue_top_n_equals_full_scoring(svc, team, seed) -> None:
    ids = _accounts(svc, team, random.Random(seed), 36)
    supervisor = team.actors["supervisor"]
    for limit, min_score in QUEUES:
        queue = service_risk.risk_queue(svc, actor=supervisor, limit=limit, min_score=min_score)
        assert [(s.account_id, s.raw_score) for s in queue] == _full(
            svc, supervisor, ids, limit, min_score
        ), (
            limit,
            min_score,
        )


def test_bounds_are_never_below_the_exact_score(svc, team) -> None:
    ids = _accounts(svc, team, random.Random(3), 36)
    exact = service_risk.account_risks(svc, ids, actor=team.actors["supervisor"])
    with svc.database.read() as session:
        bounds = risk_bounds(session, START, load_risk_settings(), svc.runtime.packs)
    assert set(bounds) == set(ids)
    below = {i: (bounds[i], s.raw_score) for i, s in exact.items() if bounds[i] < s.raw_score}
    assert not below
    assert any(s.raw_score > 0 for s in exact.values())


def test_calm_accounts_are_not_scored(svc, team, monkeypatch) -> None:
    rng = random.Random(4)
    calm = [borrower_account(svc, team)["id"] for _ in range(20)]
    hot = []
    for _ in range(3):
        account = borrower_account(svc, team)
        _events(svc, account, rng, busy=14)
        hot.append(account["id"])
    scored: list[str] = []
    full = service_risk.account_risks

    def counting(service, ids, **kw):
        ids = list(ids)
        scored.extend(ids)
        return full(service, ids, **kw)

    monkeypatch.setattr(service_risk, "FIRST_ROUND", 1)
    monkeypatch.setattr(service_risk, "account_risks", counting)
    supervisor = team.actors["supervisor"]
    queue = service_risk.risk_queue(svc, actor=supervisor, limit=2)
    monkeypatch.setattr(service_risk, "account_risks", full)
    assert [s.account_id for s in queue] == [a for a, _ in _full(svc, supervisor, calm + hot, 2, 0)]
    assert len(scored) < len(calm)
