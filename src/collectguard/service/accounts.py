"""Accounts and their parties: created with PII sealed, read back masked per role."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from collectguard.errors import ConflictError, NotFoundError, ValidationError
from collectguard.model import AccountState
from collectguard.model.contact import window_text
from collectguard.policy.localtime import zone
from collectguard.service import states
from collectguard.service.analysis import mask_field
from collectguard.service.inputs import NewAccount
from collectguard.service.lookups import active_states, get_party, get_row
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime, new_id
from collectguard.service.types import AccountView, Actor, Page, PartyView, StateView
from collectguard.store.models import Account, AttemptRow, OptOut, PartyRow, QuietHoursRow

__all__ = [
    "BLIND_INDEXES",
    "blind_index",
    "create",
    "detail",
    "get_party",
    "get_row",
    "listing",
    "party_view",
]

_FIELDS = ("name", "phone", "id_number")
#: sealed field → (its blind-index column, the PII type whose canonical form the index hashes)
BLIND_INDEXES = {"phone": ("phone_index", "PHONE"), "id_number": ("id_number_index", "CN_ID")}
#: parties are shown borrower first, then guarantors, emergency contacts, others
_ROLE_ORDER = {"borrower": 0, "guarantor": 1, "emergency_contact": 2, "third_party": 3}


def _context(party_id: str, field: str) -> str:
    return f"party:{party_id}/{field}"


def blind_index(rt: Runtime, field: str, value: str | None) -> str | None:
    """The blind index of a party's ``field`` under the active key: what joins parties without
    plaintext (the caps on the number link accounts by ``phone_index``)."""
    if not value:
        return None
    return rt.keyring.tokenize(value, kind=BLIND_INDEXES[field][1])


def create(rt: Runtime, data: NewAccount, *, actor: Actor) -> AccountView:
    """Store an account and its parties; every PII field is encrypted and blind-indexed."""
    require(actor, "accounts.write")
    packs = rt.packs(tuple(data.rulepacks))
    # Unknown zone: every candidate zone of the packs must allow a contact.
    zones = (
        data.timezone.split() if data.timezone else list(dict.fromkeys(z for p in packs for z in p.timezones))
    )
    for z in zones:
        try:
            zone(z)
        except ValidationError as exc:
            raise ValidationError(exc.message, field="timezone") from None
    if not any(p.role == "borrower" for p in data.parties):
        raise ValidationError("an account needs a borrower", field="parties")
    now = rt.now()
    account = Account(
        id=new_id("acc"),
        external_id=data.external_id,
        timezone=" ".join(zones),
        rulepacks=list(data.rulepacks),
        created_at=now,
        consent_windows=[w.model_dump() for w in data.consent_windows],
        version=0,
    )
    rows = []
    for party in data.parties:
        pid = new_id("pty")
        sealed: dict[str, Any] = {}
        for field in _FIELDS:
            value = getattr(party, field)
            sealed[f"{field}_enc"] = (
                rt.keyring.encrypt(value, context=_context(pid, field)) if value else None
            )
        rows.append(
            PartyRow(
                id=pid,
                account_id=account.id,
                role=party.role,
                phone_index=blind_index(rt, "phone", party.phone),
                id_number_index=blind_index(rt, "id_number", party.id_number),
                suppressed=party.suppressed,
                **sealed,
            )
        )
    opt_outs: list[OptOut | QuietHoursRow] = [
        OptOut(party_id=row.id, channel=channel, at=now, rule=None)
        for row, party in zip(rows, data.parties, strict=True)
        for channel in dict.fromkeys(party.opted_out)
    ]
    opt_outs += [
        QuietHoursRow(party_id=row.id, hours=hours, at=now, rule=None)
        for row, party in zip(rows, data.parties, strict=True)
        for hours in dict.fromkeys(window_text(w.start, w.end, w.days) for w in party.quiet_hours)
    ]
    try:
        with rt.db.write() as session:
            session.add(account)
            session.flush()
            session.add_all(rows)
            session.flush()
            session.add_all(opt_outs)
            rt.audit(
                session,
                actor=actor.id,
                action="account.create",
                subject=account.id,
                payload={"parties": [{"id": r.id, "role": r.role} for r in rows]},
            )
            for state in dict.fromkeys(data.states):
                states.apply_state(
                    rt,
                    session,
                    account.id,
                    AccountState(state),
                    by=actor.id,
                    reason="known at import",
                    now=now,
                )
    except IntegrityError as exc:
        if "external_id" in str(exc.orig):
            raise ConflictError(
                f"an account with external_id {data.external_id!r} exists", field="external_id"
            ) from None
        raise ConflictError("a concurrent write conflicted with this one; retry it") from None
    return AccountView(
        id=account.id,
        external_id=account.external_id,
        timezone=account.timezone,
        rulepacks=tuple(account.rulepacks),
        created_at=account.created_at,
        parties=tuple(
            party_view(
                rt,
                r,
                tuple(sorted(set(p.opted_out))),
                tuple(sorted({window_text(w.start, w.end, w.days) for w in p.quiet_hours})),
            )
            for r, p in zip(rows, data.parties, strict=True)
        ),
    )


def party_view(rt: Runtime, row: PartyRow, opted: tuple[str, ...], quiet: tuple[str, ...] = ()) -> PartyView:
    """The party masked: a view never carries plaintext PII (unmasking is its own audited call)."""
    values = {}
    for field in _FIELDS:
        token = getattr(row, f"{field}_enc")
        values[field] = (
            mask_field(rt.keyring.decrypt(token, context=_context(row.id, field)), field) if token else None
        )
    return PartyView(
        id=row.id,
        role=row.role,
        name=values["name"] or "",
        phone=values["phone"],
        id_number=values["id_number"],
        suppressed=row.suppressed,
        opted_out=opted,
        quiet_hours=quiet,
    )


def reveal(rt: Runtime, row: PartyRow, field: str) -> str:
    """The plaintext of one party field; callers audit the reveal."""
    if field not in _FIELDS:
        raise ValidationError(f"field must be one of: {', '.join(_FIELDS)}", field="field")
    token = getattr(row, f"{field}_enc")
    if token is None:
        raise NotFoundError(f"party {row.id} has no {field}", field="field")
    return rt.keyring.decrypt(token, context=_context(row.id, field))


def _opt_outs(session: Session, party_ids: list[str]) -> list[OptOut]:
    if not party_ids:
        return []
    return list(session.execute(select(OptOut).where(OptOut.party_id.in_(party_ids))).scalars())


def _view(rt: Runtime, session: Session, account: Account, *, recent: int) -> AccountView:
    parties = sorted(
        session.execute(select(PartyRow).where(PartyRow.account_id == account.id)).scalars(),
        key=lambda p: (_ROLE_ORDER.get(p.role, 9), p.id),
    )
    opted: dict[str, list[str]] = {}
    for o in _opt_outs(session, [p.id for p in parties]):
        opted.setdefault(o.party_id, []).append(o.channel)
    quiet: dict[str, list[str]] = {}
    if parties:
        for q in session.execute(
            select(QuietHoursRow).where(QuietHoursRow.party_id.in_([p.id for p in parties]))
        ).scalars():
            quiet.setdefault(q.party_id, []).append(q.hours)
    states = tuple(
        StateView(s.state, s.since, s.hold_until, s.set_by, s.reason, s.rule, s.review)
        for s in active_states(session, account.id)
    )
    contacts: tuple[dict[str, Any], ...] = ()
    if recent:
        attempts = session.execute(
            select(AttemptRow)
            .where(AttemptRow.account_id == account.id)
            .order_by(AttemptRow.at.desc())
            .limit(recent)
        ).scalars()
        contacts = tuple(
            {
                "id": a.id,
                "party_id": a.party_id,
                "channel": a.channel,
                "at": a.at.isoformat(),
                "status": a.status,
                "outcome": a.outcome,
                "collector_id": a.collector_id,
            }
            for a in attempts
        )
    return AccountView(
        id=account.id,
        external_id=account.external_id,
        timezone=account.timezone,
        rulepacks=tuple(account.rulepacks),
        created_at=account.created_at,
        parties=tuple(
            party_view(rt, p, tuple(sorted(opted.get(p.id, []))), tuple(sorted(quiet.get(p.id, []))))
            for p in parties
        ),
        states=states,
        recent_contacts=contacts,
    )


def detail(rt: Runtime, account_id: str, *, actor: Actor) -> AccountView:
    require(actor, "accounts.read")
    with rt.db.read() as session:
        return _view(rt, session, get_row(session, account_id), recent=20)


def listing(rt: Runtime, *, actor: Actor, limit: int = 50, cursor: str | None = None) -> Page:
    require(actor, "accounts.read")
    if not 1 <= limit <= 500:
        raise ValidationError("limit must be between 1 and 500", field="limit")
    with rt.db.read() as session:
        query = select(Account).order_by(Account.id).limit(limit + 1)
        if cursor:
            query = query.where(Account.id > cursor)
        rows = list(session.execute(query).scalars())
        more = len(rows) > limit
        rows = rows[:limit]
        items = tuple(_view(rt, session, a, recent=0) for a in rows)
    return Page(items, rows[-1].id if more and rows else None)
