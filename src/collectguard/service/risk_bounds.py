"""Upper bounds of every account's complaint-risk score from a few SQL aggregates.

The risk queue scores accounts exactly in the order of these bounds and stops when the
next bound cannot reach the queue (``service/risk.py``). A bound must never be below the
exact score; it need not be close, but the closer it is, the fewer accounts are scored.
Each factor value is replaced by a count that cannot be smaller, and the model's score
rises with every factor value (positive weights, monotone ramps), so the bound holds:

- contact pressure: all contacts in the window, over the smallest calendar-day cap, times
  the longest cap span, averaged over the pressure days;
- near misses: contacts in the window whose UTC minute of day can be near the strictest
  allowed hours of the account's zone under any of the zone's offsets in the window;
- anger, complaint intent, dispute: replies whose stored analysis mentions the signal's name;
- warned messages, earlier complaints, an open dispute state: exact counts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import String, and_, case, cast, extract, false, func, or_, select
from sqlalchemy.orm import Session

from collectguard.model import AccountState
from collectguard.policy.localtime import zone
from collectguard.policy.pack import RulePack
from collectguard.policy.schema import FrequencyCapParams, TimeWindowParams
from collectguard.risk import RiskSettings
from collectguard.store.models import Account, AccountStateRow, AttemptRow, MessageRow, ReplyRow

__all__ = ["BOUND_SLACK", "risk_bounds"]

#: added to every bound so float rounding can never put a bound under its exact score
BOUND_SLACK = 1e-9
DAY_MINUTES = 24 * 60


def _caps(packs: Sequence[RulePack]) -> tuple[int, int] | None:
    """(smallest limit, longest span in days) of the calendar-day caps the pressure factor reads."""
    caps = [
        (r.spec.params.limit, r.spec.params.window.calendar_days)
        for p in packs
        for r in p.rules
        if isinstance(r.spec.params, FrequencyCapParams) and r.spec.params.window.calendar_days is not None
    ]
    return (min(c[0] for c in caps), max(c[1] or 1 for c in caps)) if caps else None


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60


def _near_local(packs: Sequence[RulePack], margin: int) -> set[int]:
    """Local whole minutes of the day in which a contact may count as a near miss (none without hours)."""
    windows = [r.spec.params for p in packs for r in p.rules if isinstance(r.spec.params, TimeWindowParams)]
    if not windows:
        return set()
    low = max(_minutes(w.start) for w in windows) + margin
    high = min(_minutes(w.end) for w in windows) - margin
    # a contact in minute m starts somewhere in [m, m + 1)
    return {m for m in range(DAY_MINUTES) if m < low or m + 1 > high}


def _offsets(tz: str, since: datetime, now: datetime) -> set[int]:
    """The zone's UTC offsets in minutes over [since, now], sampled every six hours."""
    z = zone(tz.split()[0])
    out, at = set(), since
    while at <= now + timedelta(hours=6):
        offset = at.astimezone(z).utcoffset() or timedelta(0)
        out.add(math.floor(offset.total_seconds() / 60))
        at += timedelta(hours=6)
    return out


def _utc_condition(local: set[int], offsets: set[int]) -> Any:
    """SQL: the attempt's UTC minute of day is one whose local minute, under some offset, is in ``local``."""
    utc = sorted({(m - o) % DAY_MINUTES for m in local for o in offsets})
    if not utc:
        return false()
    ranges, start = [], utc[0]
    for prev, cur in zip(utc, [*utc[1:], None], strict=True):
        if cur != prev + 1:
            ranges.append((start, prev))
            start = cur if cur is not None else start
    minute = extract("hour", AttemptRow.at) * 60 + extract("minute", AttemptRow.at)
    return or_(*(minute.between(lo, hi) for lo, hi in ranges))


def _count(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _grouped(session: Session, query: Any) -> dict[str, tuple[int, ...]]:
    return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in session.execute(query)}


def risk_bounds(
    session: Session,
    now: datetime,
    settings: RiskSettings,
    packs_of: Callable[[tuple[str, ...]], Sequence[RulePack]],
) -> dict[str, float]:
    """Account id → an upper bound of its raw score at ``now`` (module docstring says why it holds)."""
    lookback = now - timedelta(days=settings.lookback_days)
    since = now - timedelta(days=max(settings.lookback_days, settings.pressure_days))
    accounts = {
        acc: (tz, tuple(names))
        for acc, tz, names in session.execute(select(Account.id, Account.timezone, Account.rulepacks))
    }
    packs = {names: packs_of(names) for names in {v[1] for v in accounts.values()}}
    caps = {names: _caps(p) for names, p in packs.items()}
    longest = max((c[1] for c in caps.values() if c), default=1)
    # a local calendar day starts at most two days (offset, DST) before its UTC date
    pressure_since = max(since, now - timedelta(days=settings.pressure_days + longest + 2))
    attempts = select(AttemptRow.account_id).where(
        AttemptRow.status != "cancelled", AttemptRow.at >= since, AttemptRow.at <= now
    )
    contacts = _grouped(
        session, attempts.add_columns(_count(AttemptRow.at >= pressure_since)).group_by(AttemptRow.account_id)
    )
    near: dict[str, tuple[int, ...]] = {}
    local = {names: _near_local(p, settings.near_miss_minutes) for names, p in packs.items()}
    for tz in {v[0] for v in accounts.values()}:
        minutes = set().union(*(local[names] for names in {n for t, n in accounts.values() if t == tz}))
        condition = and_(AttemptRow.at >= lookback, _utc_condition(minutes, _offsets(tz, lookback, now)))
        query = (
            attempts.add_columns(_count(condition))
            .join(Account, Account.id == AttemptRow.account_id)
            .where(Account.timezone == tz)
            .group_by(AttemptRow.account_id)
        )
        near.update(_grouped(session, query))
    text = cast(ReplyRow.analysis, String)
    dispute_since = now - timedelta(days=settings.dispute_recent_days)
    replies = _grouped(
        session,
        select(
            ReplyRow.account_id,
            _count(text.like('%"anger"%')),
            _count(text.like('%"complaint_intent"%')),
            _count(and_(ReplyRow.at >= dispute_since, text.like('%"dispute"%'))),
        )
        .where(ReplyRow.at >= lookback, ReplyRow.at <= now)
        .group_by(ReplyRow.account_id),
    )
    warned = _grouped(
        session,
        select(MessageRow.account_id, func.count())
        .where(MessageRow.verdict != "pass", MessageRow.at >= lookback, MessageRow.at <= now)
        .group_by(MessageRow.account_id),
    )
    states = _grouped(
        session,
        select(
            AccountStateRow.account_id,
            _count(AccountStateRow.state == AccountState.COMPLAINT_OPEN.value),
            _count(
                and_(
                    AccountStateRow.state == AccountState.DISPUTED.value, AccountStateRow.cleared_at.is_(None)
                )
            ),
        ).group_by(AccountStateRow.account_id),
    )
    out = {}
    for acc, (_, names) in accounts.items():
        cap = caps[names]
        (pressed,) = contacts.get(acc, (0,))
        anger, intent, dispute = replies.get(acc, (0, 0, 0))
        complaints, disputed = states.get(acc, (0, 0))
        values = {
            "contact_pressure": min(pressed, pressed * cap[1] / settings.pressure_days) / cap[0]
            if cap
            else 0.0,
            "quiet_hours_near_miss": float(near.get(acc, (0,))[0]),
            "unresolved_dispute": 1.0 if dispute or disputed else 0.0,
            "anger": float(anger),
            "complaint_intent": float(intent),
            "warn_findings": float(warned.get(acc, (0,))[0]),
            "earlier_complaints": float(complaints),
        }
        load = sum(spec.weight * spec.ramp(values.get(spec.id, 0.0)) for spec in settings.factors)
        out[acc] = 100.0 * -math.expm1(-load) + BOUND_SLACK
    return out
