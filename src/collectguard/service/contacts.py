"""Contact use cases: check (nothing recorded), reserve (atomic), complete, cancel.

A reservation decides and records in one transaction that serialises on the account:
SQLite takes the write lock with ``BEGIN IMMEDIATE``; PostgreSQL locks the account row
(``SELECT … FOR UPDATE``). The account, not only the party, is locked because some rules
read the other parties' history (the lost-contact gate reads the borrower's attempts); the
other accounts on which the contacted party's number appears are locked as well, in id order,
because the caps on the number read their attempts (``lookups.lock_account(..., number_of=)``).
A reserved attempt counts in the history as if it had connected (the worst case for every
cap) until it is completed; past ``reservation_ttl_seconds`` it can no longer be cancelled
and stays a placed call.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from collectguard.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from collectguard.model import OUTCOMES_BY_CHANNEL, Attempt, Channel, Decision, Outcome, PartyRole, parse_enum
from collectguard.policy import decide
from collectguard.service import accounts, lookups, snapshot
from collectguard.service.analysis import screen, storable_findings
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime, new_id
from collectguard.service.types import Actor, Completion, Reservation
from collectguard.store.models import AttemptRow, MessageRow

__all__ = ["cancel", "check", "complete", "record", "reserve"]


def _decide(
    rt: Runtime,
    conn: Connection,
    account_id: str,
    party_id: str,
    channel: Channel,
    at: datetime,
    *,
    cached: bool = False,
) -> tuple[Decision, str]:
    reader = rt.snapshots.load if cached else snapshot.load
    snap = reader(conn, account_id, at, rt.packs)
    role = snap.parties.get(party_id)
    if role is None:
        raise NotFoundError(f"no party {party_id!r} on account {account_id!r}", field="party_id")
    attempt = Attempt(at=at, party_role=PartyRole(role), channel=channel, party_id=party_id)
    return decide(snap.packs, snap.account, snap.history, attempt), role


def _channel(value: str) -> Channel:
    return parse_enum(Channel, value, field="channel")


def check(
    rt: Runtime, account_id: str, party_id: str, channel: str, *, actor: Actor, at: datetime | None = None
) -> Decision:
    """The decision for a prospective contact now (or at ``at``); nothing is recorded."""
    require(actor, "contact")
    when = rt.now() if at is None else at
    ch = _channel(channel)
    with rt.db.connect() as conn:
        return _decide(rt, conn, account_id, party_id, ch, when, cached=True)[0]


def reserve(rt: Runtime, account_id: str, party_id: str, channel: str, *, actor: Actor) -> Reservation:
    """Decide at the server's clock and, if allowed, record a reserved attempt — atomically."""
    require(actor, "contact")
    ch = _channel(channel)
    with rt.db.write() as session:
        # the accounts sharing the contacted number too: caps on the number read their attempts
        account = lookups.lock_account(session, account_id, number_of=party_id)
        now = rt.now()
        decision, role = _decide(rt, session.connection(), account.id, party_id, ch, now)
        attempt_id = None
        if decision.allowed:
            attempt_id = new_id("att")
            session.add(
                AttemptRow(
                    id=attempt_id,
                    account_id=account.id,
                    party_id=party_id,
                    party_role=role,
                    channel=ch.value,
                    at=now,
                    status="reserved",
                    outcome=None,
                    collector_id=actor.id,
                )
            )
            account.version += 1
        rt.audit(
            session,
            actor=actor.id,
            action="contact.reserve",
            subject=account.id,
            payload={
                "party_id": party_id,
                "channel": ch.value,
                "allowed": decision.allowed,
                "rules": decision.rules,
                "attempt_id": attempt_id,
            },
        )
    expires = now + timedelta(seconds=rt.settings.reservation_ttl_seconds) if attempt_id else None
    return Reservation(decision, attempt_id, now, expires)


def _own_attempt(session: Session, attempt_id: str, actor: Actor) -> AttemptRow:
    row = session.execute(
        select(AttemptRow).where(AttemptRow.id == attempt_id).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"no attempt {attempt_id!r}", field="attempt_id")
    if actor.role == "collector" and row.collector_id != actor.id:
        raise PermissionDeniedError("a collector may complete or cancel only their own reservations")
    return row


def _outcome(value: str, channel: str) -> Outcome:
    """An outcome that can happen on ``channel`` (a call is not "delivered", an SMS not "connected")."""
    possible = OUTCOMES_BY_CHANNEL.get(Channel(channel), frozenset())
    # the allowed values depend on the channel, so this is not parse_enum's "one of every outcome"
    outcome = next((o for o in possible if o.value == value), None)
    if outcome is None:
        allowed = ", ".join(sorted(o.value for o in possible))
        raise ValidationError(
            f"{value!r} is not an outcome of a {channel}; use one of: {allowed}", field="outcome"
        )
    return outcome


def complete(
    rt: Runtime,
    attempt_id: str,
    outcome: str,
    *,
    actor: Actor,
    text: str | None = None,
    transcript: str | None = None,
) -> Completion:
    """Record what happened; a text or transcript is screened and kept (encrypted) with its findings."""
    require(actor, "contact")
    with rt.db.write() as session:
        row = _own_attempt(session, attempt_id, actor)
        result = _outcome(outcome, row.channel)
        if row.status != "reserved":
            raise ConflictError(f"attempt {attempt_id} is already {row.status}", field="attempt_id")
        now = rt.now()
        screening = None
        content = transcript if transcript is not None else text
        if content is not None:
            account = accounts.get_row(session, row.account_id)
            screening = screen(content, packs=rt.jurisdictions(tuple(account.rulepacks)), to=row.party_role)
            _store_message(
                rt, session, row, "transcript" if transcript is not None else "text", content, screening, now
            )
        row.status, row.outcome, row.completed_at = "completed", result.value, now
        late = now > row.at + timedelta(seconds=rt.settings.reservation_ttl_seconds)
        rt.audit(
            session,
            actor=actor.id,
            action="contact.complete",
            subject=row.account_id,
            payload={
                "attempt_id": row.id,
                "outcome": result.value,
                "late": late,
                "verdict": screening["verdict"] if screening else None,
            },
        )
    return Completion(row.id, result.value, now, screening, {"late": late})


def _store_message(
    rt: Runtime,
    session: Session,
    row: AttemptRow,
    kind: str,
    text: str,
    screening: dict[str, Any],
    at: datetime,
) -> None:
    mid = new_id("msg")
    session.add(
        MessageRow(
            id=mid,
            account_id=row.account_id,
            attempt_id=row.id,
            collector_id=row.collector_id,
            kind=kind,
            text_enc=rt.keyring.encrypt(text, context=f"message:{mid}"),
            verdict=str(screening.get("verdict", "pass")),
            findings=storable_findings(screening.get("findings")),
            at=at,
            reviewed=False,
        )
    )


def cancel(rt: Runtime, attempt_id: str, *, actor: Actor) -> dict[str, Any]:
    """Release a reservation not yet placed; past the TTL it counts as a placed call and stays."""
    require(actor, "contact")
    with rt.db.write() as session:
        row = _own_attempt(session, attempt_id, actor)
        if row.status != "reserved":
            raise ConflictError(f"attempt {attempt_id} is already {row.status}", field="attempt_id")
        now = rt.now()
        if now > row.at + timedelta(seconds=rt.settings.reservation_ttl_seconds):
            raise ConflictError(
                f"reservation {attempt_id} expired and counts as a placed call; complete it instead",
                field="attempt_id",
            )
        row.status, row.completed_at = "cancelled", now
        rt.audit(
            session,
            actor=actor.id,
            action="contact.cancel",
            subject=row.account_id,
            payload={"attempt_id": row.id},
        )
    return {"attempt_id": attempt_id, "status": "cancelled"}


def record(
    rt: Runtime, account_id: str, party_id: str, channel: str, at: datetime, outcome: str, *, actor: Actor
) -> dict[str, Any]:
    """Import a contact that happened outside the guard; it counts in the history from now on."""
    require(actor, "contact.import")
    ch = _channel(channel)
    result = _outcome(outcome, ch)
    with rt.db.write() as session:
        account = lookups.lock_account(session, account_id)
        party = accounts.get_party(session, account_id, party_id)
        attempt_id = new_id("att")
        session.add(
            AttemptRow(
                id=attempt_id,
                account_id=account_id,
                party_id=party_id,
                party_role=party.role,
                channel=ch.value,
                at=at,
                status="completed",
                outcome=result.value,
                collector_id=None,
                completed_at=at,
            )
        )
        account.version += 1
        rt.audit(
            session,
            actor=actor.id,
            action="contact.import",
            subject=account_id,
            payload={
                "attempt_id": attempt_id,
                "party_id": party_id,
                "channel": ch.value,
                "at": at,
                "outcome": result.value,
            },
        )
    return {"attempt_id": attempt_id, "status": "completed", "outcome": result.value, "at": at.isoformat()}
