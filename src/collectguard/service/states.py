"""Account states (crisis, dispute, cease …) and channel opt-outs, each change audited.

Crisis pauses collection for at least ``crisis_min_hold_hours``; only a supervisor may
clear it, and not before the hold ends (a crisis opened for review has no minimum hold).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import ConflictError, PermissionDeniedError, ValidationError
from collectguard.model import AccountState, Channel, parse_enum
from collectguard.model.contact import window_text
from collectguard.service import lookups
from collectguard.service.roles import PERMISSIONS, clear_action, require
from collectguard.service.runtime import Runtime
from collectguard.service.types import Actor, StateView
from collectguard.store.models import AccountStateRow, OptOut, QuietHoursRow

__all__ = ["apply_state", "clear_state", "opt_out", "quiet_hours", "set_state"]


def apply_state(
    rt: Runtime,
    session: Session,
    account_id: str,
    state: AccountState,
    *,
    by: str,
    reason: str,
    rule: str | None = None,
    min_hold_hours: float | None = None,
    review: bool = False,
    now: datetime,
) -> StateView | None:
    """Open ``state`` on the account inside the caller's transaction; None if it is already open.

    A crisis holds at least ``crisis_min_hold_hours``, except one opened for ``review`` (the
    model's guess with no cue behind it): it stops contact all the same, and a supervisor who
    has read the reply may lift it at once.
    """
    # Lock the account row (PostgreSQL) so two replies cannot both open the same state.
    lookups.lock_account(session, account_id)
    hold = min_hold_hours
    if state is AccountState.CRISIS and not review:
        hold = max(hold or 0, rt.settings.crisis_min_hold_hours)
    hold_until = now + timedelta(hours=hold) if hold else None
    open_row = next((s for s in lookups.active_states(session, account_id) if s.state == state.value), None)
    if open_row is not None:
        if open_row.review and not review:
            return _escalate(rt, session, open_row, by=by, reason=reason, rule=rule, hold_until=hold_until)
        return None
    row = AccountStateRow(
        account_id=account_id,
        state=state.value,
        since=now,
        hold_until=hold_until,
        set_by=by,
        reason=reason,
        rule=rule,
        review=review,
    )
    session.add(row)
    rt.audit(
        session,
        actor=by,
        action="state.set",
        subject=account_id,
        payload={
            "state": state.value,
            "reason": reason,
            "rule": rule,
            "hold_until": row.hold_until,
            "review": review,
        },
    )
    return _view(row)


def _escalate(
    rt: Runtime,
    session: Session,
    row: AccountStateRow,
    *,
    by: str,
    reason: str,
    rule: str | None,
    hold_until: datetime | None,
) -> StateView:
    """A cue after the model's guess: the open crisis becomes a full one, with the minimum hold."""
    row.review, row.hold_until, row.rule = False, hold_until, rule or row.rule
    row.reason = f"{row.reason}; {reason}"
    rt.audit(
        session,
        actor=by,
        action="state.escalate",
        subject=row.account_id,
        payload={"state": row.state, "reason": reason, "rule": row.rule, "hold_until": hold_until},
    )
    return _view(row)


def _view(row: AccountStateRow) -> StateView:
    return StateView(row.state, row.since, row.hold_until, row.set_by, row.reason, row.rule, row.review)


def set_state(rt: Runtime, account_id: str, state: str, *, actor: Actor, reason: str) -> StateView | None:
    """A person opens a state (dispute, attorney, crisis …) with a reason."""
    require(actor, "states")
    if not reason.strip():
        raise ValidationError("a reason is required", field="reason")
    value = parse_enum(AccountState, state, field="state")
    with rt.db.write() as session:
        lookups.get_row(session, account_id)
        return apply_state(rt, session, account_id, value, by=actor.id, reason=reason, now=rt.now())


def clear_state(rt: Runtime, account_id: str, state: str, *, actor: Actor, reason: str) -> None:
    """Close an open state; crisis needs a supervisor and the end of its minimum hold."""
    require(actor, "states")
    if not reason.strip():
        raise ValidationError("a reason is required", field="reason")
    value = parse_enum(AccountState, state, field="state")
    with rt.db.write() as session:
        lookups.lock_account(session, account_id)
        row = session.execute(
            select(AccountStateRow)
            .where(
                AccountStateRow.account_id == account_id,
                AccountStateRow.state == value.value,
                AccountStateRow.cleared_at.is_(None),
            )
            .order_by(AccountStateRow.id)
            .limit(1)
        ).scalar_one_or_none()
        if row is None:
            raise ConflictError(f"account {account_id} is not in state {value.value}", field="state")
        now = rt.now()
        allowed = PERMISSIONS[clear_action(value.value)]
        if actor.role not in allowed:
            raise PermissionDeniedError(
                f"only the role {' or '.join(sorted(allowed))} may lift a {value.value} pause"
            )
        if row.hold_until is not None and now < row.hold_until:
            raise ConflictError(
                f"state {value.value} holds until {row.hold_until.isoformat()}", field="state"
            )
        row.cleared_at, row.cleared_by = now, actor.id
        rt.audit(
            session,
            actor=actor.id,
            action="state.clear",
            subject=account_id,
            # a crisis lifted on review, before any hold, says so in the record
            payload={"state": value.value, "reason": reason, "review": row.review},
        )


def opt_out(
    rt: Runtime, session: Session, party_id: str, channel: str, *, by: str, rule: str | None, now: datetime
) -> bool:
    """Record that a person asked us not to use a channel; False when already recorded."""
    ch = parse_enum(Channel, channel, field="channel")
    exists = session.execute(
        select(OptOut).where(OptOut.party_id == party_id, OptOut.channel == ch.value)
    ).scalar_one_or_none()
    if exists is not None:
        return False
    session.add(OptOut(party_id=party_id, channel=ch.value, at=now, rule=rule))
    rt.audit(
        session,
        actor=by,
        action="party.opt_out",
        subject=party_id,
        payload={"channel": ch.value, "rule": rule},
    )
    return True


def quiet_hours(
    rt: Runtime,
    session: Session,
    party_id: str,
    hours: tuple[str, str],
    *,
    by: str,
    rule: str | None,
    now: datetime,
    days: tuple[int, ...] = (),
) -> bool:
    """Record hours a person asked not to be contacted in, on every day or only on ``days`` (ISO
    weekdays); False when already recorded."""
    window = window_text(*hours, days)
    exists = session.execute(
        select(QuietHoursRow).where(QuietHoursRow.party_id == party_id, QuietHoursRow.hours == window)
    ).scalar_one_or_none()
    if exists is not None:
        return False
    # the table's trigger bumps the account's version, so no cached decision outlives the row
    session.add(QuietHoursRow(party_id=party_id, hours=window, at=now, rule=rule))
    rt.audit(
        session,
        actor=by,
        action="party.quiet_hours",
        subject=party_id,
        payload={"hours": window, "rule": rule},
    )
    return True
