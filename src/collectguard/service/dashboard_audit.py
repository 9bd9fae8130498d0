"""The dashboard's audit read models: the unmask log, recent entries, an account's full record.

Like :mod:`collectguard.service.dashboard`, each checks the role matrix and reads through
the service's runtime; nothing here writes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from collectguard.service.facade import Service
from collectguard.service.roles import require
from collectguard.service.types import Actor
from collectguard.store.models import Account, AuditEvent, PartyRow

__all__ = ["account_audit", "full_record", "recent_events", "resolve_account", "unmask_log"]


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
    with service.runtime.db.read() as session:
        rows = session.execute(
            select(AuditEvent)
            .where(AuditEvent.action == "pii.unmask")
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        ).scalars()
        return [_event(e) for e in rows]


def recent_events(service: Service, *, actor: Actor, limit: int = 30) -> list[dict[str, Any]]:
    require(actor, "audit")
    with service.runtime.db.read() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)).scalars()
        return [_event(e) for e in rows]


def account_audit(service: Service, account_id: str, *, actor: Actor) -> list[dict[str, Any]]:
    """The audit entries about an account and its parties, in chain order."""
    require(actor, "audit")
    with service.runtime.db.read() as session:
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
    with service.runtime.db.read() as session:
        found = session.execute(
            select(Account.id).where((Account.id == text) | (Account.external_id == text))
        ).scalar_one_or_none()
    return found


def full_record(service: Service, account_id: str, *, actor: Actor) -> dict[str, Any]:
    """An account's whole record for export: masked parties, states, timeline, audit entries."""
    require(actor, "audit")
    account = service.get_account(account_id, actor=actor)
    record = {
        "account": account.to_dict(),
        "timeline": service.account_timeline(account_id, actor=actor, limit=10_000),
        "audit": account_audit(service, account_id, actor=actor),
        "exported_at": service.now().isoformat(),
        "exported_by": actor.name,
    }
    # a whole record leaving the system is itself an auditable act
    service.record_audit("account.export", account_id, actor=actor)
    return record
