"""Read models for the dashboard and the wellbeing part: timelines, queues, daily counts, alerts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from collectguard.errors import NotFoundError
from collectguard.service import accounts
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime
from collectguard.service.types import Actor
from collectguard.store.models import AccountStateRow, AttemptRow, MessageRow, ReplyRow, User

__all__ = [
    "alerts",
    "collector_activity",
    "contacts_per_day",
    "flagged_messages",
    "mark_reviewed",
    "timeline",
]


def timeline(rt: Runtime, account_id: str, *, actor: Actor, limit: int = 200) -> list[dict[str, Any]]:
    """Everything that happened on an account, newest first, without any plaintext text or PII."""
    require(actor, "accounts.read")
    events: list[dict[str, Any]] = []
    with rt.db.read() as session:
        accounts.get_row(session, account_id)
        for a in session.execute(select(AttemptRow).where(AttemptRow.account_id == account_id)).scalars():
            events.append(
                {
                    "kind": "contact",
                    "at": a.at,
                    "id": a.id,
                    "party_id": a.party_id,
                    "channel": a.channel,
                    "status": a.status,
                    "outcome": a.outcome,
                    "collector_id": a.collector_id,
                }
            )
        for m in session.execute(select(MessageRow).where(MessageRow.account_id == account_id)).scalars():
            events.append(
                {"kind": "message", "at": m.at, "id": m.id, "verdict": m.verdict, "findings": m.findings}
            )
        for r in session.execute(select(ReplyRow).where(ReplyRow.account_id == account_id)).scalars():
            events.append({"kind": "reply", "at": r.at, "id": r.id, "party_id": r.party_id, **r.analysis})
        for s in session.execute(
            select(AccountStateRow).where(AccountStateRow.account_id == account_id)
        ).scalars():
            events.append(
                {"kind": "state", "at": s.since, "state": s.state, "reason": s.reason, "rule": s.rule}
            )
            if s.cleared_at is not None:
                events.append(
                    {"kind": "state_cleared", "at": s.cleared_at, "state": s.state, "by": s.cleared_by}
                )
    events.sort(key=lambda e: e["at"], reverse=True)
    return [{**e, "at": e["at"].isoformat()} for e in events[:limit]]


def contacts_per_day(rt: Runtime, *, actor: Actor, days: int = 14) -> list[dict[str, Any]]:
    """Attempts per day of the floor's clock (``report_timezone``) over the last ``days`` days, with how many connected."""
    require(actor, "team")
    since = rt.now() - timedelta(days=days)
    total: Counter[str] = Counter()
    connected: Counter[str] = Counter()
    with rt.db.read() as session:
        rows = session.execute(
            select(AttemptRow.at, AttemptRow.outcome).where(
                AttemptRow.at >= since, AttemptRow.status != "cancelled"
            )
        )
        for at, outcome in rows:
            day = rt.report_day(at)
            total[day] += 1
            connected[day] += outcome == "connected"
    return [{"day": d, "attempts": total[d], "connected": connected[d]} for d in sorted(total)]


def flagged_messages(rt: Runtime, *, actor: Actor, limit: int = 50) -> list[dict[str, Any]]:
    """The QA queue: screened texts with a warn or block verdict not yet reviewed, oldest first."""
    require(actor, "team")
    with rt.db.read() as session:
        rows = session.execute(
            select(MessageRow)
            .where(MessageRow.verdict != "pass", MessageRow.reviewed.is_(False))
            .order_by(MessageRow.at)
            .limit(limit)
        ).scalars()
        return [
            {
                "id": m.id,
                "account_id": m.account_id,
                "attempt_id": m.attempt_id,
                "collector_id": m.collector_id,
                "kind": m.kind,
                "verdict": m.verdict,
                "findings": m.findings,
                "at": m.at.isoformat(),
            }
            for m in rows
        ]


def mark_reviewed(rt: Runtime, message_id: str, *, actor: Actor, note: str = "") -> None:
    """Take a message off the QA queue, audited."""
    require(actor, "team")
    with rt.db.write() as session:
        row = session.get(MessageRow, message_id)
        if row is None:
            raise NotFoundError(f"no message {message_id!r}", field="message_id")
        row.reviewed = True
        rt.audit(session, actor=actor.id, action="message.review", subject=message_id, payload={"note": note})


def alerts(rt: Runtime, *, actor: Actor) -> list[dict[str, Any]]:
    """Open crisis and complaint states, newest first: what a supervisor must look at now."""
    require(actor, "team")
    with rt.db.read() as session:
        rows = session.execute(
            select(AccountStateRow)
            .where(
                AccountStateRow.cleared_at.is_(None), AccountStateRow.state.in_(("crisis", "complaint_open"))
            )
            .order_by(AccountStateRow.since.desc())
        ).scalars()
        return [
            {
                "account_id": s.account_id,
                "state": s.state,
                "since": s.since.isoformat(),
                "hold_until": s.hold_until.isoformat() if s.hold_until else None,
                "reason": s.reason,
                "rule": s.rule,
                "review": s.review,
            }
            for s in rows
        ]


def collector_activity(
    rt: Runtime, collector_id: str, *, actor: Actor, since: datetime, until: datetime | None = None
) -> dict[str, Any]:
    """A collector's attempts and screened texts in a period: the input of wellbeing figures."""
    require(actor, "activity", owner=collector_id)
    # no upper bound by default: everything up to now, including this very instant
    end = until or datetime.max.replace(tzinfo=UTC)
    with rt.db.read() as session:
        user = session.get(User, collector_id)
        if user is None:
            raise NotFoundError(f"no collector {collector_id!r}", field="collector_id")
        attempts = session.execute(
            select(AttemptRow)
            .where(AttemptRow.collector_id == collector_id, AttemptRow.at >= since, AttemptRow.at < end)
            .order_by(AttemptRow.at)
        ).scalars()
        contact_list = [
            {
                "id": a.id,
                "account_id": a.account_id,
                "channel": a.channel,
                "at": a.at,
                "completed_at": a.completed_at,
                "status": a.status,
                "outcome": a.outcome,
            }
            for a in attempts
        ]
        verdicts = Counter(
            v
            for (v,) in session.execute(
                select(MessageRow.verdict).where(
                    MessageRow.collector_id == collector_id, MessageRow.at >= since, MessageRow.at < end
                )
            )
        )
        accounts_touched = {c["account_id"] for c in contact_list}
        reply_list: list[dict[str, Any]] = []
        if accounts_touched:
            replies = session.execute(
                select(ReplyRow.analysis, ReplyRow.at).where(
                    ReplyRow.account_id.in_(accounts_touched), ReplyRow.at >= since, ReplyRow.at < end
                )
            )
            reply_list = [{"at": at, "signals": body.get("signals", [])} for body, at in replies]
    return {
        "collector": {"id": user.id, "name": user.name, "role": user.role},
        "since": since,
        "until": until,
        "contacts": contact_list,
        "message_verdicts": dict(verdicts),
        "replies": reply_list,
    }


def count_users(rt: Runtime) -> int:
    with rt.db.read() as session:
        return int(session.execute(select(func.count()).select_from(User)).scalar_one())
