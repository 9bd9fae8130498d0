"""Seed a database with a realistic, entirely synthetic collection floor.

Accounts get Faker ``zh_CN`` names, phones and ID numbers; two weeks of contact history
are replayed through the real use cases (reserve, complete, ingest a reply) with a clock
that walks forward, so every decision, screening and state change is the service's own
and lands in the audit chain. Some borrowers end in crisis, dispute or complaint.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from faker import Faker

from collectguard.errors import CollectguardError, ConflictError
from collectguard.service import Actor, Service
from collectguard.settings import Settings

__all__ = ["DEMO_USERS", "SeedSummary", "WalkingClock", "reset_passwords", "seed"]

#: one user per role, named after the role (design.md)
DEMO_USERS = ("collector", "supervisor", "compliance", "admin")
#: further collectors, so team pages have a team
_EXTRA_COLLECTORS = ("collector_li", "collector_zhao", "collector_chen")
_ZONES = ("Asia/Shanghai",) * 9 + ("Asia/Urumqi",)
_FLOOR = ZoneInfo("Asia/Shanghai")
#: minutes of work in a shift: 09:00–12:00 and 13:30–18:00
_SHIFT_MINUTES = 180 + 270
_OUTCOMES = (
    ("connected", 0.35),
    ("no_answer", 0.4),
    ("busy", 0.1),
    ("voicemail", 0.1),
    ("invalid_number", 0.05),
)


class WalkingClock:
    """A clock the seeder moves forward event by event (never backward)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True, slots=True)
class SeedSummary:
    accounts: int
    attempts: int
    denied: int
    messages: int
    replies: int


def _texts() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("collectguard.demo").joinpath("texts.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(raw))


def _users(service: Service) -> dict[str, Actor]:
    """Create the demo users that are missing; returns them by name as actors."""
    existing = {u.name: u for u in service.list_users()}
    for name in (*DEMO_USERS, *_EXTRA_COLLECTORS):
        if name not in existing:
            role = "collector" if name.startswith("collector") else name
            info, _key = service.create_user(name, role)
            existing[name] = info
    return {n: Actor(u.id, u.name, u.role) for n, u in existing.items()}


def reset_passwords(service: Service) -> dict[str, str]:
    """A fresh random password for each demo user (argon2-hashed); returned once to print."""
    _users(service)
    out = {}
    for name in DEMO_USERS:
        password = f"{name[:4]}-{secrets.token_urlsafe(6)}"
        service.set_password(name, password)
        out[name] = password
    return out


def _account(fake: Faker, n: int, rng: random.Random) -> dict[str, Any]:
    parties = [
        {"role": "borrower", "name": fake.name(), "phone": fake.phone_number(), "id_number": fake.ssn()},
        {"role": "emergency_contact", "name": fake.name(), "phone": fake.phone_number()},
    ]
    if rng.random() < 0.2:
        parties.append(
            {"role": "guarantor", "name": fake.name(), "phone": fake.phone_number(), "id_number": fake.ssn()}
        )
    return {
        "external_id": f"LN2026{n:06d}",
        "timezone": rng.choice(_ZONES),
        "rulepacks": ["cn"],
        "parties": parties,
    }


def _fill(template: str, name: str, rng: random.Random, agent: str) -> str:
    due = (datetime(2026, 12, 1) + timedelta(days=rng.randint(0, 20))).strftime("%m月%d日")
    return template.format(
        name=name + rng.choice(("先生", "女士")), amount=rng.randint(8, 300) * 100, date=due, agent=agent
    )


def seed(
    settings: Settings, *, accounts: int = 300, days: int = 14, rng_seed: int = 7, now: datetime
) -> SeedSummary:
    """Fill an empty database; the history ends just before ``now``."""
    rng = random.Random(rng_seed)
    fake = Faker("zh_CN")
    fake.seed_instance(rng_seed)
    clock = WalkingClock(now - timedelta(days=days + 1))
    service = Service(settings, clock=clock)
    try:
        return _seed(service, clock, fake, rng, accounts=accounts, days=days, now=now)
    finally:
        service.close()


def _can_screen(service: Service, actor: Actor) -> bool:
    try:
        service.screen_message("您好", actor=actor)
    except CollectguardError:
        return False
    return True


def _seed(
    service: Service,
    clock: WalkingClock,
    fake: Faker,
    rng: random.Random,
    *,
    accounts: int,
    days: int,
    now: datetime,
) -> SeedSummary:
    users = _users(service)
    supervisor = users["supervisor"]
    collectors = [users[n] for n in ("collector", *_EXTRA_COLLECTORS)]
    created = []
    for n in range(1, accounts + 1):
        data = _account(fake, n, rng)
        try:
            view = service.create_account(data, actor=supervisor)
        except ConflictError:
            continue
        borrower = next(p for p in view.parties if p.role == "borrower")
        surname = data["parties"][0]["name"][:1]
        created.append((view.id, borrower.id, view.timezone, collectors[n % len(collectors)], surname))
    texts = _texts()
    screening = _can_screen(service, supervisor)
    events = _plan(created, rng, days=days, now=now)
    attempts = denied = messages = replies = 0
    for at, kind, (account_id, party_id, _zone, collector, surname) in events:
        clock.now = max(clock.now, at)
        if kind == "reply":
            bucket = _reply_bucket(rng)
            text = rng.choice(texts["replies"][bucket])
            try:
                service.ingest_reply(account_id, party_id, text, actor=collector)
                replies += 1
            except CollectguardError:
                pass
            continue
        channel = "sms" if kind == "sms" else "call"
        result = service.reserve_contact(account_id, party_id, channel, actor=collector)
        if result.attempt_id is None:
            denied += 1
            continue
        attempts += 1
        clock.now = clock.now + timedelta(minutes=rng.randint(1, 6))
        outcome = (
            ("delivered" if rng.random() < 0.95 else "undelivered") if channel == "sms" else _outcome(rng)
        )
        sent: str | None = None
        if channel == "sms" and screening:
            bad = rng.random() < 0.12
            pool = [k for k in texts["messages"] if k != "compliant"] if bad else ["compliant"]
            sent = _fill(rng.choice(texts["messages"][rng.choice(pool)]), surname, rng, collector.name)
            messages += 1
        service.complete_contact(result.attempt_id, outcome, actor=collector, text=sent)
    return SeedSummary(len(created), attempts, denied, messages, replies)


def _outcome(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for outcome, share in _OUTCOMES:
        total += share
        if roll < total:
            return outcome
    return "no_answer"


def _reply_bucket(rng: random.Random) -> str:
    roll = rng.random()
    for bucket, edge in (
        ("distress_self_harm", 0.04),
        ("dispute", 0.12),
        ("complaint_intent", 0.18),
        ("anger", 0.30),
        ("cease_request", 0.36),
        ("hardship", 0.55),
        ("installment_request", 0.68),
    ):
        if roll < edge:
            return bucket
    return "neutral"


def _plan(
    created: list[tuple[str, str, str, Actor, str]], rng: random.Random, *, days: int, now: datetime
) -> list[tuple[datetime, str, tuple[str, str, str, Actor, str]]]:
    """Contact and reply events over the last ``days`` days in the floor's shifts, in time order.

    Collectors work 09:00–12:00 and 13:30–18:00 on the floor's clock (Beijing time); a
    borrower in another zone may be outside their own hours then, and the rules say so.
    """
    events = []
    for account in created:
        activity = rng.random()
        for back in range(days, -1, -1):
            if rng.random() > 0.2 + 0.35 * activity:
                continue
            day = (now.astimezone(_FLOOR) - timedelta(days=back)).date()
            for _ in range(rng.choice((1, 1, 2, 3, 4))):
                minute = rng.randrange(_SHIFT_MINUTES)
                minute += 90 if minute >= 180 else 0  # the lunch break
                local = datetime.combine(day, time(9 + minute // 60, minute % 60), _FLOOR)
                at = local.astimezone(UTC)
                if at >= now - timedelta(minutes=10):
                    continue
                kind = "sms" if rng.random() < 0.3 else "call"
                events.append((at, kind, account))
                if rng.random() < 0.08:
                    events.append((at + timedelta(minutes=rng.randint(8, 90)), "reply", account))
    events.sort(key=lambda e: e[0])
    return [e for e in events if e[0] < now]
