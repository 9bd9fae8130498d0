"""Factor values of the complaint-risk model from an account's recorded history.

Caps and quiet hours come from the account's rule packs, so "near the cap" means the
same thing the contact engine enforces. Only the past counts: events after ``now`` are
ignored, and each factor can only grow when an event is added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from collectguard.errors import ValidationError
from collectguard.model import AccountState, require_aware
from collectguard.policy.localtime import local_date, zone
from collectguard.policy.pack import RulePack
from collectguard.policy.schema import FrequencyCapParams, TimeWindowParams
from collectguard.risk.settings import RiskSettings
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord


@dataclass(frozen=True, slots=True)
class RiskAccount:
    """What the model needs of an account besides its events; no PII."""

    account_id: str
    timezone: str
    states: frozenset[str] = frozenset()
    overdue_days: float = 0.0
    overdue_amount: float = 0.0
    #: complaints this borrower filed before, an open one included
    earlier_complaints: int = 0

    def __post_init__(self) -> None:
        zone(self.timezone)
        for name in ("overdue_days", "overdue_amount", "earlier_complaints"):
            if getattr(self, name) < 0:
                raise ValidationError("must not be negative", field=name)


def _cap_rules(packs: Sequence[RulePack]) -> list[tuple[frozenset[str], FrequencyCapParams]]:
    out = []
    for pack in packs:
        for rule in pack.rules:
            params = rule.spec.params
            if isinstance(params, FrequencyCapParams) and params.window.calendar_days is not None:
                out.append((rule.parties, params))
    return out


def _windows(packs: Sequence[RulePack]) -> list[TimeWindowParams]:
    return [r.spec.params for p in packs for r in p.rules if isinstance(r.spec.params, TimeWindowParams)]


def _counts(params: FrequencyCapParams, c: ContactRecord) -> bool:
    f = params.count
    if c.channel not in f.channels or c.outcome in f.exclude_outcomes:
        return False
    return f.outcomes is None or c.outcome in f.outcomes


def contact_pressure(
    contacts: Sequence[ContactRecord], packs: Sequence[RulePack], today: date, tz: str, days: int
) -> float:
    """Mean over the last ``days`` local days of the day's highest use of any cap (count / limit).

    A cap counts per party, over its own window of calendar days ending on that day.
    """
    rules = _cap_rules(packs)
    if not rules:
        return 0.0
    z = zone(tz)
    first_day = today - timedelta(days=days - 1 + max((p.window.calendar_days or 1) for _, p in rules))
    dated = [(d, c) for c in contacts if (d := local_date(c.started_at, z)) >= first_day and d <= today]
    best = [0.0] * days
    for parties, params in rules:
        span = params.window.calendar_days or 1
        per_day: Counter[tuple[str, date]] = Counter(
            (c.party_id, d) for d, c in dated if str(c.party_role) in parties and _counts(params, c)
        )
        party_ids = {p for p, _ in per_day}
        for k in range(days):
            day = today - timedelta(days=k)
            window = [day - timedelta(days=j) for j in range(span)]
            for party in party_ids:
                used = sum(per_day[(party, d)] for d in window) / params.limit
                best[k] = max(best[k], used)
    return sum(best) / days


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60


def near_misses(contacts: Sequence[ContactRecord], packs: Sequence[RulePack], tz: str, margin: int) -> int:
    """Contacts within ``margin`` minutes of the allowed hours' edges (borrower-local), or outside."""
    windows = _windows(packs)
    if not windows:
        return 0
    start = max(_minutes(w.start) for w in windows)  # strictest pack wins
    end = min(_minutes(w.end) for w in windows)
    z = zone(tz)
    count = 0
    for c in contacts:
        m = _minutes(c.started_at.astimezone(z).time())
        if m < start + margin or m >= end - margin:
            count += 1
    return count


def risk_factors(
    account: RiskAccount,
    contacts: Sequence[ContactRecord],
    replies: Sequence[ReplyRecord],
    messages: Sequence[MessageRecord],
    *,
    packs: Sequence[RulePack],
    settings: RiskSettings,
    now: datetime,
) -> dict[str, float]:
    """The value of every factor for one account at ``now`` (names as in ``data/risk.yaml``)."""
    require_aware(now, field_name="now")
    since = now - timedelta(days=settings.lookback_days)
    recent_contacts = [c for c in contacts if since <= c.started_at <= now]
    recent_replies = [r for r in replies if since <= r.at <= now]
    dispute_since = now - timedelta(days=settings.dispute_recent_days)
    disputed = AccountState.DISPUTED in account.states or any(
        "dispute" in r.signals for r in recent_replies if r.at >= dispute_since
    )
    today = local_date(now, zone(account.timezone))
    return {
        "contact_pressure": contact_pressure(
            [c for c in contacts if c.started_at <= now],
            packs,
            today,
            account.timezone,
            settings.pressure_days,
        ),
        "quiet_hours_near_miss": float(
            near_misses(recent_contacts, packs, account.timezone, settings.near_miss_minutes)
        ),
        "unresolved_dispute": 1.0 if disputed else 0.0,
        "anger": float(sum(1 for r in recent_replies if "anger" in r.signals)),
        "complaint_intent": float(sum(1 for r in recent_replies if "complaint_intent" in r.signals)),
        "warn_findings": float(sum(1 for m in messages if since <= m.at <= now and m.verdict != "pass")),
        "overdue_days": float(account.overdue_days),
        "overdue_amount": float(account.overdue_amount),
        "earlier_complaints": float(account.earlier_complaints),
    }
