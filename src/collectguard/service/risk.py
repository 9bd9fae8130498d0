"""Complaint risk over the store: one account, a work list, and the supervisors' queue.

``account_risks`` reads the columns the model needs for a list of accounts in one pass and
scores each with the pure core (``collectguard.risk``). ``risk_queue`` does not score every
account: SQL aggregates give each account an upper bound of its score (``risk_bounds``), the
accounts are scored exactly in order of that bound, and the walk stops as soon as the next
bound cannot reach the last place of the queue. The queue is therefore the same as scoring
every account and sorting (docs/wellbeing.md, "Risk queue"), at the cost of the few accounts
that could matter.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import NotFoundError, ValidationError
from collectguard.risk import RiskAccount, RiskScore, assess_account, load_risk_settings
from collectguard.service.facade import Service
from collectguard.service.risk_bounds import risk_bounds
from collectguard.service.roles import require
from collectguard.service.types import Actor
from collectguard.service.wellbeing_rows import chunked, load_contacts, load_messages, load_replies
from collectguard.store.models import Account, AccountStateRow

__all__ = ["account_risk", "account_risks", "risk_queue"]

#: accounts scored exactly in the queue's first round, at least; each later round doubles
FIRST_ROUND = 40


@dataclass(frozen=True, slots=True)
class _Inputs:
    accounts: dict[str, tuple[str, tuple[str, ...]]]
    states: dict[str, set[str]]
    complaints: Counter[str]
    events: dict[str, dict[str, list[Any]]]


def _risk_inputs(session: Session, ids: list[str], now: datetime) -> _Inputs:
    settings = load_risk_settings()
    since = now - timedelta(days=max(settings.lookback_days, settings.pressure_days))
    until = now + timedelta(microseconds=1)
    contacts = load_contacts(session, since, until, ids)
    replies = load_replies(session, since, until, ids)
    messages = load_messages(session, since, until, ids)
    states: dict[str, set[str]] = defaultdict(set)
    complaints: Counter[str] = Counter()
    accounts: dict[str, tuple[str, tuple[str, ...]]] = {}
    for part in chunked(ids):
        assert part is not None
        for acc, state, cleared in session.execute(
            select(AccountStateRow.account_id, AccountStateRow.state, AccountStateRow.cleared_at).where(
                AccountStateRow.account_id.in_(part)
            )
        ):
            if cleared is None:
                states[acc].add(state)
            if state == "complaint_open":
                complaints[acc] += 1
        for acc, tz, packs in session.execute(
            select(Account.id, Account.timezone, Account.rulepacks).where(Account.id.in_(part))
        ):
            accounts[acc] = (tz, tuple(packs))
    events: dict[str, dict[str, list[Any]]] = defaultdict(
        lambda: {"contacts": [], "replies": [], "messages": []}
    )
    for key, items in (("contacts", contacts), ("replies", replies), ("messages", messages)):
        for item in items:
            events[item.account_id][key].append(item)
    return _Inputs(accounts, states, complaints, events)


def _score(service: Service, data: _Inputs, account_id: str, now: datetime) -> RiskScore:
    tz, packs = data.accounts[account_id]
    account = RiskAccount(
        account_id=account_id,
        timezone=tz.split()[0],
        states=frozenset(data.states[account_id]),
        earlier_complaints=data.complaints[account_id],
    )
    events = data.events[account_id]
    return assess_account(
        account,
        events["contacts"],
        events["replies"],
        events["messages"],
        packs=service.runtime.packs(packs),
        now=now,
    )


def account_risk(
    service: Service, account_id: str, *, actor: Actor, now: datetime | None = None
) -> RiskScore:
    """The complaint-risk score of one account with its top factors."""
    scores = account_risks(service, [account_id], actor=actor, now=now)
    if account_id not in scores:
        raise NotFoundError(f"no account {account_id!r}", field="account_id")
    return scores[account_id]


def account_risks(
    service: Service, account_ids: Iterable[str], *, actor: Actor, now: datetime | None = None
) -> dict[str, RiskScore]:
    """Scores of several accounts in one read (a work list); unknown ids are left out."""
    require(actor, "accounts.read")
    now = now or service.now()
    ids = list(dict.fromkeys(account_ids))
    if not ids:
        return {}
    with service.database.read() as session:
        data = _risk_inputs(session, ids, now)
    return {i: _score(service, data, i, now) for i in ids if i in data.accounts}


def _key(raw: float, account_id: str) -> tuple[float, str]:
    """The queue's order: highest score first, then account id."""
    return (-raw, account_id)


def risk_queue(
    service: Service, *, actor: Actor, limit: int = 50, min_score: int = 0, now: datetime | None = None
) -> list[RiskScore]:
    """Accounts by complaint risk, highest first (accounts are ranked, collectors never are).

    Equal to scoring every account and keeping the first ``limit`` with ``score >= min_score``:
    an account is skipped only when its upper bound already sorts after the last kept one.
    """
    require(actor, "team")
    if not 1 <= limit <= 500:
        raise ValidationError("must be between 1 and 500", field="limit")
    now = now or service.now()
    with service.database.read() as session:
        bounds = risk_bounds(session, now, load_risk_settings(), service.runtime.packs)
    # round() is monotone, so an account whose bound rounds below min_score cannot qualify
    candidates = sorted((_key(raw, acc) for acc, raw in bounds.items() if round(raw) >= min_score))
    kept: list[RiskScore] = []
    start, size = 0, max(FIRST_ROUND, 2 * limit)
    while start < len(candidates):
        if len(kept) >= limit:
            # once the queue is full, only accounts whose bound sorts before its last place can enter
            end = bisect.bisect_left(candidates, _key(kept[-1].raw_score, kept[-1].account_id), lo=start)
            if end == start:
                break
        else:
            end, size = start + size, size * 2
        batch = [acc for _, acc in candidates[start:end]]
        start = end
        scores = account_risks(service, batch, actor=actor, now=now).values()
        kept = sorted(
            [*kept, *(s for s in scores if s.score >= min_score)],
            key=lambda s: _key(s.raw_score, s.account_id),
        )[:limit]
    return kept
