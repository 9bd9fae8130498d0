"""A deterministic synthetic team: contacts and replies with a realistic spread of load.

For the benchmark and for demo data. Pure: the start instant and the seed are arguments,
so the same call gives the same team on every machine. Profiles vary the pace, the share
of hostile contacts (some collectors work the hostile queue), break habits and late work.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from collectguard.model import Channel, Outcome, require_aware
from collectguard.risk.features import RiskAccount
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord


@dataclass(frozen=True, slots=True)
class Profile:
    collector_id: str
    gap_s: tuple[int, int]  # seconds between contacts (dialling, wrap-up)
    hostile_rate: float  # share of connected contacts that turn hostile
    stretch_min: tuple[int, int]  # minutes worked before a break
    late_prob: float  # chance of staying after 18:00 on a day
    warn_rate: float  # share of connected contacts followed by a message that screening warns on


@dataclass(frozen=True, slots=True)
class SyntheticTeam:
    profiles: tuple[Profile, ...]
    accounts: tuple[RiskAccount, ...]
    contacts: tuple[ContactRecord, ...]
    replies: tuple[ReplyRecord, ...]
    messages: tuple[MessageRecord, ...]


def _profile(collector_id: str, rng: random.Random) -> Profile:
    hostile_queue = rng.random() < 0.15
    return Profile(
        collector_id=collector_id,
        gap_s=(rng.randint(15, 40), rng.randint(60, 180)),
        hostile_rate=rng.uniform(0.05, 0.12) if hostile_queue else rng.uniform(0.005, 0.03),
        stretch_min=(rng.randint(35, 60), rng.randint(60, 150)),
        late_prob=rng.choice((0.0, 0.0, 0.05, 0.15, 0.4)),
        warn_rate=rng.choice((0.0, 0.002, 0.01, 0.03)),
    )


def _accounts(ids: Sequence[str], rng: random.Random) -> tuple[RiskAccount, ...]:
    out = []
    for ident in ids:
        overdue = int(rng.triangular(1, 360, 40))
        out.append(
            RiskAccount(
                account_id=ident,
                timezone="Asia/Shanghai",
                states=frozenset({"disputed"}) if rng.random() < 0.03 else frozenset(),
                overdue_days=overdue,
                overdue_amount=round(rng.lognormvariate(8.8, 1.0), 2),
                earlier_complaints=1 if rng.random() < 0.04 else 0,
            )
        )
    return tuple(out)


class _Day:
    """One collector's working day, appended to the shared lists."""

    def __init__(self, team: _Builder, p: Profile, start: datetime) -> None:
        self.team, self.p, self.t = team, p, start
        self.scheduled_end = start.replace(hour=18, minute=0)

    def run(self) -> None:
        rng = self.team.rng
        lunch = self.t.replace(hour=12, minute=0)
        late = rng.random() < self.p.late_prob
        end = self.scheduled_end + timedelta(minutes=rng.randint(30, 150) if late else 0)
        stretch_end = self.t + timedelta(minutes=rng.randint(*self.p.stretch_min))
        while self.t < end:
            if lunch <= self.t < lunch + timedelta(hours=1):
                self.t = lunch + timedelta(minutes=rng.randint(60, 70))
                stretch_end = self.t + timedelta(minutes=rng.randint(*self.p.stretch_min))
            if self.t >= stretch_end:
                self.t += timedelta(minutes=rng.randint(10, 20))
                stretch_end = self.t + timedelta(minutes=rng.randint(*self.p.stretch_min))
            self.contact()
            self.t += timedelta(seconds=rng.randint(*self.p.gap_s))

    def contact(self) -> None:
        rng, team = self.team.rng, self.team
        account = rng.choice(team.book[self.p.collector_id])
        connected = rng.random() < 0.35
        duration = min(900.0, rng.lognormvariate(4.5, 0.7)) if connected else rng.uniform(15, 40)
        hostile = connected and rng.random() < self.p.hostile_rate
        crisis = connected and rng.random() < 0.0003
        cid = f"k{len(team.contacts)}"
        team.contacts.append(
            ContactRecord(
                collector_id=self.p.collector_id,
                account_id=account,
                started_at=self.t,
                duration_s=round(duration, 1),
                channel=Channel.CALL,
                outcome=Outcome.CONNECTED if connected else rng.choice((Outcome.NO_ANSWER, Outcome.BUSY)),
                hostile=hostile,
                crisis=crisis,
                after_hours=self.t >= self.scheduled_end,
                id=cid,
            )
        )
        self.t += timedelta(seconds=duration)
        signals = set()
        if hostile:
            signals.add("anger")
            if rng.random() < 0.15:
                signals.add("complaint_intent")
        if crisis:
            signals.add("distress_self_harm")
        if connected and rng.random() < 0.01:
            signals.add("dispute")
        if signals:
            team.replies.append(ReplyRecord(account, self.t, frozenset(signals), self.p.collector_id, cid))
        if connected and rng.random() < self.p.warn_rate:
            team.messages.append(
                MessageRecord(account, self.t, "warn", frozenset({"harassment"}), self.p.collector_id)
            )


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.contacts: list[ContactRecord] = []
        self.replies: list[ReplyRecord] = []
        self.messages: list[MessageRecord] = []
        self.book: dict[str, list[str]] = {}


def synthetic_team(
    collectors: int | Sequence[str],
    days: int,
    *,
    start: datetime,
    accounts_per_collector: int = 300,
    account_ids: Sequence[str] | None = None,
    seed: int = 7,
) -> SyntheticTeam:
    """A team working ``days`` weekdays from ``start`` (a local 09:00 with its offset).

    ``collectors`` is a count or the collectors' ids; ``account_ids`` (default: generated,
    ``accounts_per_collector`` each) are dealt out to the collectors in turn.
    """
    require_aware(start, field_name="start")
    b = _Builder(seed)
    ids = [f"col{i:04d}" for i in range(collectors)] if isinstance(collectors, int) else list(collectors)
    profiles = tuple(_profile(cid, b.rng) for cid in ids)
    if account_ids is None:
        account_ids = [f"acc{i:06d}" for i in range(len(ids) * accounts_per_collector)]
    accounts = _accounts(account_ids, b.rng)
    for i, p in enumerate(profiles):
        b.book[p.collector_id] = [a.account_id for a in accounts[i :: len(profiles)]] or [
            accounts[0].account_id
        ]
    day, worked = start, 0
    while worked < days:
        if day.weekday() < 5:
            for p in profiles:
                jitter = timedelta(minutes=b.rng.randint(-15, 20))
                _Day(b, p, day + jitter).run()
            worked += 1
        day += timedelta(days=1)
    return SyntheticTeam(profiles, accounts, tuple(b.contacts), tuple(b.replies), tuple(b.messages))
