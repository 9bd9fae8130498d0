"""Wellbeing and fair team metrics over the store (complaint risk: ``service/risk.py``).

Each function checks who may see what (docs/wellbeing.md), reads the columns it needs in
bulk (``wellbeing_rows``), turns them into the records of the pure cores and calls them.
Nothing is written: figures are computed on demand and never stored, so no history of
them can be mined. ``team_overview`` gives the 员工关怀 page both the team's figures and
the fair view from one read of the window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import NotFoundError, ValidationError
from collectguard.model import AccountState
from collectguard.service.facade import Service
from collectguard.service.risk import account_risk, account_risks, risk_queue
from collectguard.service.roles import allows, require
from collectguard.service.types import Actor
from collectguard.service.wellbeing_rows import blocked_per_collector, load_activity, load_state_periods
from collectguard.store.models import AccountStateRow, AttemptRow, MessageRow, PartyRow, ReplyRow, User
from collectguard.wellbeing import (
    CollectorWellbeing,
    ContactRecord,
    FairTeamView,
    QualityInputs,
    ReplyRecord,
    assess_collector,
    assess_team,
    fair_team_view,
    load_thresholds,
)
from collectguard.wellbeing.attribution import LastContact, crisis_handling
from collectguard.wellbeing.synthetic import synthetic_team

__all__ = [
    "TeamOverview",
    "account_risk",
    "account_risks",
    "collector_wellbeing",
    "fair_team",
    "list_collectors",
    "may_see_wellbeing",
    "risk_queue",
    "seed_demo_activity",
    "team_overview",
    "team_wellbeing",
]

MAX_DAYS = 92


def may_see_wellbeing(actor: Actor, collector_id: str) -> bool:
    """A collector sees their own figures; a supervisor sees the team's; nobody else does (roles.py)."""
    return allows(actor, "wellbeing", owner=collector_id)


def _check_days(days: int) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"must be between 1 and {MAX_DAYS}", field="days")


def list_collectors(service: Service, *, actor: Actor) -> list[dict[str, Any]]:
    """Collectors by name with no figures at all: a directory, never a ranking."""
    require(actor, "team")
    return [{"id": u.id, "name": u.name, "active": u.active} for u in service.list_users(role="collector")]


def _collector(session: Session, collector_id: str) -> None:
    role = session.execute(select(User.role).where(User.id == collector_id)).scalar_one_or_none()
    if role != "collector":
        raise NotFoundError(f"no collector {collector_id!r}", field="collector_id")


def collector_wellbeing(
    service: Service, collector_id: str, *, actor: Actor, days: int = 30, now: datetime | None = None
) -> CollectorWellbeing:
    """One collector's figures and advice over the last ``days`` days.

    Every contact on the accounts the collector touched is read, so a reply is attributed to
    whoever contacted the account last, even a colleague; only this collector's figures leave.
    """
    require(actor, "wellbeing", owner=collector_id)
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
        contacts, replies = load_activity(session, since, now, list(touched))
    team = assess_team(
        [c for c in contacts if c.collector_id == collector_id],
        [r for r in replies if r.collector_id == collector_id],
        thresholds=load_thresholds(),
        now=now,
    )
    return team.get(collector_id) or _empty(collector_id)


def _empty(collector_id: str) -> CollectorWellbeing:
    return assess_collector(collector_id, (), thresholds=load_thresholds())


def _team(
    contacts: list[ContactRecord], replies: list[ReplyRecord], now: datetime
) -> dict[str, CollectorWellbeing]:
    return assess_team(
        [c for c in contacts if c.collector_id], replies, thresholds=load_thresholds(), now=now
    )


def team_wellbeing(
    service: Service, *, actor: Actor, days: int = 30, now: datetime | None = None
) -> dict[str, CollectorWellbeing]:
    """Every collector's figures, keyed by id in id order; supervisors only."""
    require(actor, "wellbeing")
    _check_days(days)
    now = now or service.now()
    with service.database.read() as session:
        contacts, replies = load_activity(session, now - timedelta(days=days), now)
    return _team(contacts, replies, now)


def _fair(
    session: Session,
    contacts: list[ContactRecord],
    replies: list[ReplyRecord],
    *,
    since: datetime,
    now: datetime,
    days: int,
    hold: timedelta,
    recovered: Mapping[str, float] | None,
) -> FairTeamView:
    collectors = list(session.execute(select(User.id).where(User.role == "collector")).scalars())
    complaints = session.execute(
        select(AccountStateRow.account_id, AccountStateRow.since).where(
            AccountStateRow.state == "complaint_open",
            AccountStateRow.since >= since,
            AccountStateRow.since < now,
        )
    ).all()
    violations = blocked_per_collector(session, since, now)
    index = LastContact(contacts)
    complained = Counter(
        last.collector_id for acc, at in complaints if (last := index.before(acc, at, timedelta(days=days)))
    )
    per = Counter(c.collector_id for c in contacts)
    # the collector should not call again until the configured hold ends or a supervisor lifts the crisis
    crisis = crisis_handling(
        contacts,
        replies,
        hold=hold,
        states=load_state_periods(session, AccountState.CRISIS.value, since, now),
    )
    recovered = recovered or {}
    rows = [
        QualityInputs(
            collector_id=cid,
            recovered_amount=float(recovered.get(cid, 0.0)),
            contacts=per[cid],
            violations=violations.get(cid, 0),
            complaints=complained[cid],
            crisis_contacts=crisis.get(cid, (0, 0))[0],
            crisis_handed_over=crisis.get(cid, (0, 0))[1],
        )
        for cid in collectors
    ]
    return fair_team_view(rows, fair=load_thresholds().fair)


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
    return team_overview(service, actor=actor, days=days, recovered=recovered, now=now).fair


@dataclass(frozen=True, slots=True)
class TeamOverview:
    """The 员工关怀 page's data: the team's figures (supervisors only, else None) and the fair view."""

    team: dict[str, CollectorWellbeing] | None
    fair: FairTeamView


def team_overview(
    service: Service,
    *,
    actor: Actor,
    days: int = 30,
    recovered: Mapping[str, float] | None = None,
    now: datetime | None = None,
    with_team: bool = True,
) -> TeamOverview:
    """Team figures and the fair view from one read of the window (the page needs both).

    The team's individual figures go to supervisors only; other roles allowed the fair view
    (``team`` permission) get ``team=None``, exactly as calling the two functions would give.
    """
    require(actor, "team")
    _check_days(days)
    now = now or service.now()
    since = now - timedelta(days=days)
    with service.database.read() as session:
        contacts, replies = load_activity(session, since, now)
        hold = timedelta(hours=service.settings.crisis_min_hold_hours)
        fair = _fair(
            session, contacts, replies, since=since, now=now, days=days, hold=hold, recovered=recovered
        )
    team = _team(contacts, replies, now) if with_team and allows(actor, "wellbeing") else None
    return TeamOverview(team=team, fair=fair)


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
