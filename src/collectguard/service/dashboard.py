"""Read models the dashboard needs beyond the facade's: work queues, chart series, audit logs, exports.

Each function takes the :class:`Service`, checks the role matrix, and reads through the
service's runtime the way :mod:`collectguard.service.views` does. Nothing here writes.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from collectguard.errors import CollectguardError
from collectguard.service import views
from collectguard.service.analysis import mask_field
from collectguard.service.facade import Service
from collectguard.service.roles import PERMISSIONS, clear_action, require
from collectguard.service.runtime import Runtime
from collectguard.service.types import Actor
from collectguard.store.models import (
    Account,
    AccountStateRow,
    AttemptRow,
    AuditEvent,
    MessageRow,
    PartyRow,
    User,
)

__all__ = [
    "account_ids",
    "alert_rows",
    "borrower_ids",
    "borrower_names",
    "external_ids",
    "findings_by_category",
    "open_states",
    "qa_queue",
    "sign",
    "still_valid",
    "user_names",
    "violations_per_day",
]


def sign(service: Service, payload: str) -> str:
    """A keyed digest of ``payload`` (HMAC under the service's keyring): signs the sign-in cookie."""
    return service.runtime.keyring.tokenize(payload, kind="WEB_SESSION")


def still_valid(service: Service, actor: Actor) -> bool:
    """Whether a signed-in user still exists, is active and has the same role (checked per page)."""
    with service.runtime.db.read() as session:
        user = session.get(User, actor.id)
    return user is not None and user.active and user.role == actor.role and user.name == actor.name


def account_ids(
    service: Service, *, actor: Actor, mine: bool, query: str = "", limit: int = 25, offset: int = 0
) -> tuple[list[str], int]:
    """Ids of the accounts on a work list, newest contact first; ``mine`` keeps the actor's own."""
    require(actor, "accounts.read")
    rt = service.runtime
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
    with service.runtime.db.read() as session:
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
    with service.runtime.db.read() as session:
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
    with service.runtime.db.read() as session:
        rows = session.execute(select(Account.id, Account.external_id).where(Account.id.in_(ids)))
        return {a: e for a, e in rows}


def borrower_names(service: Service, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Account id → (external id, the borrower's name masked) for a work list; never plaintext."""
    if not ids:
        return {}
    rt = service.runtime
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
    with service.runtime.db.read() as session:
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
                "clear_action": clear_action(r["state"]),
                "clears": "/".join(sorted(PERMISSIONS[clear_action(r["state"])], reverse=True)),
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
    rt = service.runtime
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


def _day_counts(rt: Runtime, rows: Any) -> Counter[str]:
    counts: Counter[str] = Counter()
    for (at,) in rows:
        counts[rt.report_day(at)] += 1
    return counts


def violations_per_day(service: Service, *, actor: Actor, days: int = 14) -> list[dict[str, Any]]:
    """Screened texts with a warn or block verdict, and denied reservations, per day of the floor's clock."""
    require(actor, "team")
    rt = service.runtime
    since = rt.now() - timedelta(days=days)
    with rt.db.read() as session:
        flagged = _day_counts(
            rt,
            session.execute(
                select(MessageRow.at).where(MessageRow.at >= since, MessageRow.verdict != "pass")
            ),
        )
        denied: Counter[str] = Counter()
        for at, payload in session.execute(
            select(AuditEvent.at, AuditEvent.payload).where(
                AuditEvent.at >= since, AuditEvent.action == "contact.reserve"
            )
        ):
            if not payload.get("allowed", True):
                denied[rt.report_day(at)] += 1
    days_seen = sorted(set(flagged) | set(denied))
    return [{"day": d, "flagged": flagged[d], "denied": denied[d]} for d in days_seen]


def findings_by_category(service: Service, *, actor: Actor, days: int = 30) -> list[tuple[str, int]]:
    """How often each message category was found in screened texts, most frequent first."""
    require(actor, "team")
    rt = service.runtime
    since = rt.now() - timedelta(days=days)
    counts: Counter[str] = Counter()
    with rt.db.read() as session:
        for (findings,) in session.execute(select(MessageRow.findings).where(MessageRow.at >= since)):
            for f in findings or []:
                counts[str(f.get("category", "?"))] += 1
    return counts.most_common()


def count_rows(service: Service) -> dict[str, int]:
    """Row counts for the demo's start-up line and the benchmark."""
    with service.runtime.db.read() as session:
        return {
            "accounts": int(session.execute(select(func.count()).select_from(Account)).scalar_one()),
            "attempts": int(session.execute(select(func.count()).select_from(AttemptRow)).scalar_one()),
            "users": views.count_users(service.runtime),
        }
