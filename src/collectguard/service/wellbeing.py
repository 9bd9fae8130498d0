"""Wellbeing, fair team metrics and complaint risk over the store.

Each function checks who may see what (docs/wellbeing.md), reads the rows it needs in
bulk, turns them into the records of the pure cores and calls them. Nothing is written:
figures are computed on demand and never stored, so no history of them can be mined.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import NotFoundError, PermissionDeniedError, ValidationError
from collectguard.model import Channel, Outcome, PartyRole
from collectguard.risk import RiskAccount, RiskScore, assess_account, load_risk_settings
from collectguard.service.facade import Service
from collectguard.service.roles import require
from collectguard.service.types import Actor
from collectguard.store.models import (
    Account,
    AccountStateRow,
    AttemptRow,
    MessageRow,
    PartyRow,
    ReplyRow,
    User,
)
from collectguard.wellbeing import (
    CollectorWellbeing,
    ContactRecord,
    FairTeamView,
    MessageRecord,
    QualityInputs,
    ReplyRecord,
    assess_collector,
    assess_team,
    fair_team_view,
    load_thresholds,
)
from collectguard.wellbeing.attribution import LastContact, attribute, crisis_handling
from collectguard.wellbeing.synthetic import synthetic_team

__all__ = [
    "account_risk",
    "account_risks",
    "collector_wellbeing",
    "fair_team",
    "list_collectors",
    "may_see_wellbeing",
    "risk_queue",
    "seed_demo_activity",
    "team_wellbeing",
]

#: a stored call's duration is the time until it was completed, but never more than this
MAX_CONTACT = timedelta(hours=1)
#: the crisis hold during which a collector should not contact the account again
CRISIS_HOLD = timedelta(hours=72)
MAX_DAYS = 92


def may_see_wellbeing(actor: Actor, collector_id: str) -> bool:
    """A collector sees their own figures; a supervisor sees the team's; nobody else does."""
    return actor.role == "supervisor" or (actor.role == "collector" and actor.id == collector_id)


def _check_days(days: int) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"must be between 1 and {MAX_DAYS}", field="days")


def list_collectors(service: Service, *, actor: Actor) -> list[dict[str, Any]]:
    """Collectors by name with no figures at all: a directory, never a ranking."""
    require(actor, "team")
    return [{"id": u.id, "name": u.name, "active": u.active} for u in service.list_users(role="collector")]


def _contact(row: AttemptRow, after_hours: bool) -> ContactRecord:
    duration = 0.0
    if row.completed_at is not None:
        duration = max(0.0, min(row.completed_at - row.at, MAX_CONTACT).total_seconds())
    return ContactRecord(
        collector_id=row.collector_id or "",
        account_id=row.account_id,
        started_at=row.at,
        duration_s=duration,
        channel=Channel(row.channel),
        outcome=Outcome(row.outcome) if row.outcome else Outcome.PENDING,
        party_role=PartyRole(row.party_role),
        party_id=row.party_id,
        after_hours=after_hours,
        id=row.id,
    )


def _signals(analysis: Mapping[str, Any]) -> frozenset[str]:
    raw = analysis.get("signals", []) if isinstance(analysis, Mapping) else []
    return frozenset(str(s.get("type")) for s in raw if isinstance(s, Mapping))


def _load(session: Session, since: datetime, until: datetime, accounts: Iterable[str] | None = None) -> Any:
    """Attempts (not cancelled), replies and messages in [since, until), optionally of some accounts."""
    schedule = load_thresholds().schedule
    ids = None if accounts is None else list(accounts)
    q_att = select(AttemptRow).where(
        AttemptRow.at >= since, AttemptRow.at < until, AttemptRow.status != "cancelled"
    )
    q_rep = select(ReplyRow.account_id, ReplyRow.at, ReplyRow.analysis).where(
        ReplyRow.at >= since, ReplyRow.at < until
    )
    q_msg = select(MessageRow).where(MessageRow.at >= since, MessageRow.at < until)
    if ids is not None:
        q_att = q_att.where(AttemptRow.account_id.in_(ids))
        q_rep = q_rep.where(ReplyRow.account_id.in_(ids))
        q_msg = q_msg.where(MessageRow.account_id.in_(ids))
    contacts = [
        _contact(a, schedule.outside(a.at)) for a in session.execute(q_att.order_by(AttemptRow.at)).scalars()
    ]
    replies = [ReplyRecord(acc, at, _signals(body)) for acc, at, body in session.execute(q_rep)]
    messages = [
        MessageRecord(
            m.account_id,
            m.at,
            m.verdict if m.verdict in ("pass", "warn", "block") else "warn",
            frozenset(str(f.get("category")) for f in m.findings if isinstance(f, dict)),
            m.collector_id,
        )
        for m in session.execute(q_msg).scalars()
    ]
    return contacts, attribute(contacts, replies), messages


def _collector(session: Session, collector_id: str) -> User:
    user = session.get(User, collector_id)
    if user is None or user.role != "collector":
        raise NotFoundError(f"no collector {collector_id!r}", field="collector_id")
    return user


def collector_wellbeing(
    service: Service, collector_id: str, *, actor: Actor, days: int = 30, now: datetime | None = None
) -> CollectorWellbeing:
    """One collector's figures and advice over the last ``days`` days."""
    if not may_see_wellbeing(actor, collector_id):
        raise PermissionDeniedError("wellbeing figures are shown only to the collector and their supervisor")
    _check_days(days)
    now = now or service.now()
    since = now - timedelta(days=days)
    with service.database.read() as session:
        _collector(session, collector_id)
        touched = session.execute(
            select(AttemptRow.account_id)
            .where(AttemptRow.collector_id == collector_id, AttemptRow.at >= since)
            .distinct()
        ).scalars()
        contacts, replies, _ = _load(session, since, now, list(touched))
    team = assess_team(
        [c for c in contacts if c.collector_id == collector_id],
        [r for r in replies if r.collector_id == collector_id],
        thresholds=load_thresholds(),
        now=now,
    )
    return team.get(collector_id) or _empty(collector_id)


def _empty(collector_id: str) -> CollectorWellbeing:
    return assess_collector(collector_id, (), thresholds=load_thresholds())


def team_wellbeing(
    service: Service, *, actor: Actor, days: int = 30, now: datetime | None = None
) -> dict[str, CollectorWellbeing]:
    """Every collector's figures, keyed by id in id order; supervisors only."""
    if actor.role != "supervisor":
        raise PermissionDeniedError("team wellbeing figures are shown only to supervisors")
    _check_days(days)
    now = now or service.now()
    with service.database.read() as session:
        contacts, replies, _ = _load(session, now - timedelta(days=days), now)
    return assess_team(
        [c for c in contacts if c.collector_id], replies, thresholds=load_thresholds(), now=now
    )


def fair_team(
    service: Service,
    *,
    actor: Actor,
    days: int = 30,
    recovered: Mapping[str, float] | None = None,
    now: datetime | None = None,
) -> FairTeamView:
    """Recovery beside quality per collector (id order, no rank).

    The store does not hold payments: pass ``recovered`` (collector id → amount) from the
    ledger; collectors missing from it show 0 recovered.
    """
    require(actor, "team")
    _check_days(days)
    now = now or service.now()
    since = now - timedelta(days=days)
    with service.database.read() as session:
        contacts, replies, messages = _load(session, since, now)
        collectors = [u.id for u in session.execute(select(User).where(User.role == "collector")).scalars()]
        complaints = session.execute(
            select(AccountStateRow.account_id, AccountStateRow.since).where(
                AccountStateRow.state == "complaint_open",
                AccountStateRow.since >= since,
                AccountStateRow.since < now,
            )
        ).all()
    index = LastContact(contacts)
    complained = Counter(
        last.collector_id for acc, at in complaints if (last := index.before(acc, at, timedelta(days=days)))
    )
    per = Counter(c.collector_id for c in contacts)
    violations = Counter(m.collector_id for m in messages if m.verdict == "block")
    crisis = crisis_handling(contacts, replies, hold=CRISIS_HOLD)
    recovered = recovered or {}
    rows = [
        QualityInputs(
            collector_id=cid,
            recovered_amount=float(recovered.get(cid, 0.0)),
            contacts=per[cid],
            violations=violations[cid],
            complaints=complained[cid],
            crisis_contacts=crisis.get(cid, (0, 0))[0],
            crisis_handed_over=crisis.get(cid, (0, 0))[1],
        )
        for cid in collectors
    ]
    return fair_team_view(rows, fair=load_thresholds().fair)


def _risk_inputs(session: Session, ids: list[str], now: datetime) -> dict[str, Any]:
    settings = load_risk_settings()
    since = now - timedelta(days=max(settings.lookback_days, settings.pressure_days))
    contacts, replies, messages = _load(session, since, now + timedelta(microseconds=1), ids)
    states: dict[str, set[str]] = defaultdict(set)
    complaints: Counter[str] = Counter()
    for acc, state, cleared in session.execute(
        select(AccountStateRow.account_id, AccountStateRow.state, AccountStateRow.cleared_at).where(
            AccountStateRow.account_id.in_(ids)
        )
    ):
        if cleared is None:
            states[acc].add(state)
        if state == "complaint_open":
            complaints[acc] += 1
    rows = {a.id: a for a in session.execute(select(Account).where(Account.id.in_(ids))).scalars()}
    grouped: dict[str, dict[str, list[Any]]] = defaultdict(
        lambda: {"contacts": [], "replies": [], "messages": []}
    )
    for key, items in (("contacts", contacts), ("replies", replies), ("messages", messages)):
        for item in items:
            grouped[item.account_id][key].append(item)
    return {"rows": rows, "states": states, "complaints": complaints, "events": grouped}


def _score(service: Service, data: dict[str, Any], account_id: str, now: datetime) -> RiskScore:
    row = data["rows"][account_id]
    account = RiskAccount(
        account_id=account_id,
        timezone=row.timezone.split()[0],
        states=frozenset(data["states"][account_id]),
        earlier_complaints=data["complaints"][account_id],
    )
    events = data["events"][account_id]
    return assess_account(
        account,
        events["contacts"],
        events["replies"],
        events["messages"],
        packs=service._rt.packs(tuple(row.rulepacks)),
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
    return {i: _score(service, data, i, now) for i in ids if i in data["rows"]}


def risk_queue(
    service: Service, *, actor: Actor, limit: int = 50, min_score: int = 0, now: datetime | None = None
) -> list[RiskScore]:
    """Accounts by complaint risk, highest first (accounts are ranked, collectors never are)."""
    require(actor, "team")
    if not 1 <= limit <= 500:
        raise ValidationError("must be between 1 and 500", field="limit")
    with service.database.read() as session:
        ids = list(session.execute(select(Account.id)).scalars())
    scores = [s for s in account_risks(service, ids, actor=actor, now=now).values() if s.score >= min_score]
    return sorted(scores, key=lambda s: (-s.raw_score, s.account_id))[:limit]


def seed_demo_activity(service: Service, *, days: int = 10, seed: int = 7) -> dict[str, int]:
    """Demo data: a synthetic fortnight of calls, replies and warned texts for the existing
    collectors and accounts, ending now, so the pages show a realistic spread. Demo only."""
    now = service.now()
    with service.database.read() as session:
        collectors = list(session.execute(select(User.id).where(User.role == "collector")).scalars())
        borrowers = dict(
            session.execute(select(PartyRow.account_id, PartyRow.id).where(PartyRow.role == "borrower")).all()
        )
    if not collectors or not borrowers:
        return {"contacts": 0, "replies": 0, "messages": 0}
    tz = ZoneInfo(load_thresholds().schedule.timezone)
    local = (
        (now - timedelta(days=days * 7 // 5 + 2))
        .astimezone(tz)
        .replace(hour=9, minute=0, second=0, microsecond=0)
    )
    team = synthetic_team(collectors, days, start=local, account_ids=sorted(borrowers), seed=seed)
    with service.database.write() as session:
        for c in (c for c in team.contacts if c.started_at < now):
            session.add(
                AttemptRow(
                    id=f"att_demo{c.id}",
                    account_id=c.account_id,
                    party_id=borrowers[c.account_id],
                    party_role="borrower",
                    channel=str(c.channel),
                    at=c.started_at,
                    status="completed",
                    outcome=str(c.outcome),
                    collector_id=c.collector_id,
                    completed_at=c.ended_at,
                )
            )
        for i, r in enumerate(r for r in team.replies if r.at < now):
            body = {"signals": [{"type": s} for s in sorted(r.signals)], "demo": True}
            session.add(
                ReplyRow(
                    id=f"rpl_demo{i}",
                    account_id=r.account_id,
                    party_id=borrowers[r.account_id],
                    text_enc="",
                    analysis=body,
                    at=r.at,
                )
            )
        for i, m in enumerate(m for m in team.messages if m.at < now):
            session.add(
                MessageRow(
                    id=f"msg_demo{i}",
                    account_id=m.account_id,
                    collector_id=m.collector_id,
                    kind="sms",
                    text_enc="",
                    verdict=m.verdict,
                    findings=[{"category": c} for c in sorted(m.categories)],
                    at=m.at,
                )
            )
    return {"contacts": len(team.contacts), "replies": len(team.replies), "messages": len(team.messages)}
