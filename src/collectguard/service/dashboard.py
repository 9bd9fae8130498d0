"""Read models the dashboard needs beyond the facade's: work queues, chart series, audit logs, exports.

Each function takes the :class:`Service`, checks the role matrix, and reads through the
service's runtime the way :mod:`collectguard.service.views` does. Nothing here writes.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from collectguard.errors import CollectguardError
from collectguard.model import Account as DomainAccount
from collectguard.model import AccountState, Attempt, Channel, Decision, LocalWindow, Outcome, PartyRole
from collectguard.policy import History, decide
from collectguard.service import contacts, views
from collectguard.service.analysis import mask_field
from collectguard.service.facade import Service
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime
from collectguard.service.types import Actor
from collectguard.store.models import (
    Account,
    AccountStateRow,
    AttemptRow,
    AuditEvent,
    MessageRow,
    OptOut,
    PartyRow,
    User,
)

__all__ = [
    "account_audit",
    "account_ids",
    "alert_rows",
    "borrower_ids",
    "borrower_names",
    "contact_statuses",
    "external_ids",
    "findings_by_category",
    "full_record",
    "open_states",
    "qa_queue",
    "resolve_account",
    "sign",
    "unmask_log",
    "user_names",
    "violations_per_day",
]


def _rt(service: Service) -> Runtime:
    return service._rt


def sign(service: Service, payload: str) -> str:
    """A keyed digest of ``payload`` (HMAC under the service's keyring): signs the sign-in cookie."""
    return _rt(service).keyring.tokenize(payload, kind="WEB_SESSION")


def account_ids(
    service: Service, *, actor: Actor, mine: bool, query: str = "", limit: int = 25, offset: int = 0
) -> tuple[list[str], int]:
    """Ids of the accounts on a work list, newest contact first; ``mine`` keeps the actor's own."""
    require(actor, "accounts.read")
    rt = _rt(service)
    with rt.db.read() as session:
        last = func.max(AttemptRow.at).label("last")
        stmt = select(Account.id, last).outerjoin(AttemptRow, AttemptRow.account_id == Account.id)
        if mine:
            stmt = stmt.where(AttemptRow.collector_id == actor.id)
        if query:
            stmt = stmt.where(Account.external_id.contains(query.strip()))
        stmt = stmt.group_by(Account.id)
        total = int(session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())
        rows = session.execute(
            stmt.order_by(last.desc().nulls_last(), Account.id).limit(limit).offset(offset)
        ).all()
    return [r[0] for r in rows], total


def borrower_ids(service: Service, ids: list[str]) -> dict[str, str]:
    """The borrower party of each account (the party a work list checks)."""
    if not ids:
        return {}
    with _rt(service).db.read() as session:
        rows = session.execute(
            select(PartyRow.account_id, PartyRow.id)
            .where(PartyRow.account_id.in_(ids), PartyRow.role == "borrower")
            .order_by(PartyRow.id)
        ).all()
    out: dict[str, str] = {}
    for account_id, party_id in rows:
        out.setdefault(account_id, party_id)
    return out


def open_states(service: Service, ids: list[str]) -> dict[str, list[str]]:
    """Open states per account id, for badges on a list."""
    out: dict[str, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    with _rt(service).db.read() as session:
        for account_id, state in session.execute(
            select(AccountStateRow.account_id, AccountStateRow.state).where(
                AccountStateRow.account_id.in_(ids), AccountStateRow.cleared_at.is_(None)
            )
        ):
            out[account_id].append(state)
    return out


def external_ids(service: Service, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    with _rt(service).db.read() as session:
        rows = session.execute(select(Account.id, Account.external_id).where(Account.id.in_(ids)))
        return {a: e for a, e in rows}


def borrower_names(service: Service, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Account id → (external id, the borrower's name masked) for a work list; never plaintext."""
    if not ids:
        return {}
    rt = _rt(service)
    out: dict[str, tuple[str, str]] = {}
    with rt.db.read() as session:
        rows = session.execute(
            select(Account.id, Account.external_id, PartyRow.id, PartyRow.name_enc)
            .join(PartyRow, PartyRow.account_id == Account.id)
            .where(Account.id.in_(ids), PartyRow.role == "borrower")
            .order_by(PartyRow.id)
        ).all()
    for account_id, external_id, party_id, name_enc in rows:
        if account_id in out:
            continue
        name = rt.keyring.decrypt(name_enc, context=f"party:{party_id}/name")
        out[account_id] = (external_id, mask_field(name, "name"))
    return out


def user_names(service: Service) -> dict[str, str]:
    """User id → name, so pages show who acted rather than an opaque id."""
    with _rt(service).db.read() as session:
        return {i: n for i, n in session.execute(select(User.id, User.name))}


def alert_rows(service: Service, *, actor: Actor) -> list[dict[str, Any]]:
    """The facade's alerts with what a supervisor needs to act: account number, hold, who clears."""
    rows = service.alerts(actor=actor)
    names = external_ids(service, list({r["account_id"] for r in rows}))
    now = service.now()
    out = []
    for r in rows:
        hold = datetime.fromisoformat(r["hold_until"]) if r["hold_until"] else None
        out.append(
            {
                **r,
                "external_id": names.get(r["account_id"], r["account_id"]),
                "clearable": hold is None or hold <= now,
                "clears": "supervisor" if r["state"] == "crisis" else "supervisor/compliance",
            }
        )
    # Crisis first, always: a life outranks a complaint.
    out.sort(key=lambda r: (r["state"] != "crisis", r["since"]), reverse=False)
    return out


_SEVERITY = {"block": 2, "warn": 1, "pass": 0}


def qa_queue(service: Service, *, actor: Actor, limit: int = 200) -> list[dict[str, Any]]:
    """The facade's flagged messages with the text (personal data masked), crisis accounts first.

    Order: accounts in crisis, then block before warn, then the highest finding severity,
    then oldest first, so the reviewer starts where harm is likeliest.
    """
    rows = service.flagged_messages(actor=actor, limit=limit)
    ids = list({r["account_id"] for r in rows})
    states = open_states(service, ids)
    names = external_ids(service, ids)
    rt = _rt(service)
    with rt.db.read() as session:
        texts = {
            m.id: m.text_enc
            for m in session.execute(
                select(MessageRow).where(MessageRow.id.in_([r["id"] for r in rows]))
            ).scalars()
        }
    out = []
    for r in rows:
        plain = rt.keyring.decrypt(texts[r["id"]], context=f"message:{r['id']}") if r["id"] in texts else ""
        try:
            shown = str(service.redact(plain, actor=actor)["text"])
        except CollectguardError:
            shown = "…"
        severity = max((_severity(f) for f in r["findings"]), default=0.0)
        out.append(
            {
                **r,
                "text": shown,
                "external_id": names.get(r["account_id"], r["account_id"]),
                "crisis": "crisis" in states.get(r["account_id"], []),
                "severity": severity,
            }
        )
    out.sort(key=lambda r: (not r["crisis"], -_SEVERITY.get(r["verdict"], 0), -r["severity"], r["at"]))
    return out


_LEVELS = {"critical": 4.0, "block": 3.0, "high": 3.0, "medium": 2.0, "warn": 1.0, "low": 1.0}


def _severity(finding: dict[str, Any]) -> float:
    """A finding's severity as a number, whether the screener gives a number or a level name."""
    value = finding.get("severity")
    if isinstance(value, int | float):
        return float(value)
    return _LEVELS.get(str(value).lower(), 0.0)


def _day_counts(rows: Any) -> Counter[str]:
    counts: Counter[str] = Counter()
    for (at,) in rows:
        counts[at.date().isoformat()] += 1
    return counts


def violations_per_day(service: Service, *, actor: Actor, days: int = 14) -> list[dict[str, Any]]:
    """Screened texts with a warn or block verdict, and denied reservations, per UTC day."""
    require(actor, "team")
    rt = _rt(service)
    since = rt.now() - timedelta(days=days)
    with rt.db.read() as session:
        flagged = _day_counts(
            session.execute(select(MessageRow.at).where(MessageRow.at >= since, MessageRow.verdict != "pass"))
        )
        denied: Counter[str] = Counter()
        for at, payload in session.execute(
            select(AuditEvent.at, AuditEvent.payload).where(
                AuditEvent.at >= since, AuditEvent.action == "contact.reserve"
            )
        ):
            if not payload.get("allowed", True):
                denied[at.date().isoformat()] += 1
    days_seen = sorted(set(flagged) | set(denied))
    return [{"day": d, "flagged": flagged[d], "denied": denied[d]} for d in days_seen]


def findings_by_category(service: Service, *, actor: Actor, days: int = 30) -> list[tuple[str, int]]:
    """How often each message category was found in screened texts, most frequent first."""
    require(actor, "team")
    rt = _rt(service)
    since = rt.now() - timedelta(days=days)
    counts: Counter[str] = Counter()
    with rt.db.read() as session:
        for (findings,) in session.execute(select(MessageRow.findings).where(MessageRow.at >= since)):
            for f in findings or []:
                counts[str(f.get("category", "?"))] += 1
    return counts.most_common()


def _event(e: AuditEvent) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "at": e.at.isoformat(),
        "actor": e.actor,
        "action": e.action,
        "subject": e.subject,
        "payload": e.payload,
    }


def unmask_log(service: Service, *, actor: Actor, limit: int = 100) -> list[dict[str, Any]]:
    """Every reveal of personal data, newest first: who, which field, why."""
    require(actor, "audit")
    with _rt(service).db.read() as session:
        rows = session.execute(
            select(AuditEvent)
            .where(AuditEvent.action == "pii.unmask")
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        ).scalars()
        return [_event(e) for e in rows]


def recent_events(service: Service, *, actor: Actor, limit: int = 30) -> list[dict[str, Any]]:
    require(actor, "audit")
    with _rt(service).db.read() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)).scalars()
        return [_event(e) for e in rows]


def account_audit(service: Service, account_id: str, *, actor: Actor) -> list[dict[str, Any]]:
    """The audit entries about an account and its parties, in chain order."""
    require(actor, "audit")
    with _rt(service).db.read() as session:
        parties = [
            p for (p,) in session.execute(select(PartyRow.id).where(PartyRow.account_id == account_id))
        ]
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.subject.in_([account_id, *parties])).order_by(AuditEvent.seq)
        ).scalars()
        return [_event(e) for e in rows]


def resolve_account(service: Service, text: str) -> str | None:
    """An account id from what a person typed: the id itself or the lender's external id."""
    if not text:
        return None
    with _rt(service).db.read() as session:
        found = session.execute(
            select(Account.id).where((Account.id == text) | (Account.external_id == text))
        ).scalar_one_or_none()
    return found


def full_record(service: Service, account_id: str, *, actor: Actor) -> dict[str, Any]:
    """An account's whole record for export: masked parties, states, timeline, audit entries."""
    require(actor, "audit")
    account = service.get_account(account_id, actor=actor)
    return {
        "account": account.to_dict(),
        "timeline": service.account_timeline(account_id, actor=actor, limit=10_000),
        "audit": account_audit(service, account_id, actor=actor),
        "exported_at": service.now().isoformat(),
        "exported_by": actor.name,
    }


def count_rows(service: Service) -> dict[str, int]:
    """Row counts for the demo's start-up line and the benchmark."""
    with _rt(service).db.read() as session:
        return {
            "accounts": int(session.execute(select(func.count()).select_from(Account)).scalar_one()),
            "attempts": int(session.execute(select(func.count()).select_from(AttemptRow)).scalar_one()),
            "users": views.count_users(_rt(service)),
        }


def contact_statuses(
    service: Service, targets: list[tuple[str, str]], channels: tuple[str, ...], *, actor: Actor
) -> dict[tuple[str, str, str], Decision]:
    """Decisions now for many (account, party) pairs and channels, read in one go.

    The same decision as :meth:`Service.check_contact` gives (a test holds them equal),
    but the rows of a whole work list are loaded in a handful of queries instead of a few
    per account, so a page of twenty accounts stays fast.
    """
    require(actor, "contact")
    rt = _rt(service)
    now = rt.now()
    ids = list(dict.fromkeys(a for a, _ in targets))
    out: dict[tuple[str, str, str], Decision] = {}
    if not ids:
        return out
    with rt.db.read() as session:
        rows = {a.id: a for a in session.execute(select(Account).where(Account.id.in_(ids))).scalars()}
        parties = list(session.execute(select(PartyRow).where(PartyRow.account_id.in_(ids))).scalars())
        states: dict[str, set[AccountState]] = {i: set() for i in ids}
        for account_id, state in session.execute(
            select(AccountStateRow.account_id, AccountStateRow.state).where(
                AccountStateRow.account_id.in_(ids), AccountStateRow.cleared_at.is_(None)
            )
        ):
            states[account_id].add(AccountState(state))
        opted = set(
            session.execute(
                select(OptOut.party_id, OptOut.channel).where(OptOut.party_id.in_([p.id for p in parties]))
            ).all()
        )
        histories: dict[str, History] = {i: History() for i in ids}
        for row in session.execute(
            select(AttemptRow)
            .where(
                AttemptRow.account_id.in_(ids),
                AttemptRow.status != "cancelled",
                AttemptRow.at >= now - contacts.LOOKBACK,
            )
            .order_by(AttemptRow.at)
        ).scalars():
            channel = Channel(row.channel)
            outcome = Outcome(row.outcome) if row.outcome else contacts._WORST.get(channel, Outcome.DELIVERED)
            histories[row.account_id].add(
                Attempt(
                    at=row.at,
                    party_role=PartyRole(row.party_role),
                    channel=channel,
                    party_id=row.party_id,
                    outcome=outcome,
                    collector_id=row.collector_id,
                )
            )
    by_id = {p.id: p for p in parties}
    for account_id, party_id in targets:
        account, party = rows.get(account_id), by_id.get(party_id)
        if account is None or party is None or party.account_id != account_id:
            continue
        mine = [p for p in parties if p.account_id == account_id]
        domain = DomainAccount(
            id=account.id,
            timezones=tuple(account.timezone.split()),
            states=frozenset(states[account_id]),
            suppressed_parties=frozenset(p.id for p in mine if p.suppressed),
            opted_out=frozenset((p, Channel(c)) for p, c in opted if p in {m.id for m in mine}),
            consent_windows=tuple(
                LocalWindow(time.fromisoformat(w["start"]), time.fromisoformat(w["end"]))
                for w in getattr(account, "consent_windows", None) or ()
            ),
        )
        packs = rt.packs(tuple(account.rulepacks))
        for channel_name in channels:
            attempt = Attempt(
                at=now, party_role=PartyRole(party.role), channel=Channel(channel_name), party_id=party.id
            )
            out[(account_id, party_id, channel_name)] = decide(packs, domain, histories[account_id], attempt)
    return out
