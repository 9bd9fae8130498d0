"""Contact decisions for a whole work list in one read: the dashboard's fast path to check_contact.

The decision is the engine's own (:func:`collectguard.policy.decide`) over the same rows
:func:`collectguard.service.contacts.check` reads; only the loading is batched. A test
holds the two equal for every party and channel of a seeded floor.
"""

from __future__ import annotations

from datetime import time

from sqlalchemy import select

from collectguard.model import Account as DomainAccount
from collectguard.model import AccountState, Attempt, Channel, Decision, LocalWindow, PartyRole
from collectguard.policy import History, decide, number_channels, number_lookback
from collectguard.service import snapshot
from collectguard.service.facade import Service
from collectguard.service.roles import require
from collectguard.service.types import Actor
from collectguard.store.models import Account, AccountStateRow, AttemptRow, OptOut, PartyRow, QuietHoursRow

__all__ = ["contact_statuses"]


def contact_statuses(
    service: Service, targets: list[tuple[str, str]], channels: tuple[str, ...], *, actor: Actor
) -> dict[tuple[str, str, str], Decision]:
    """Decisions now for many (account, party) pairs and channels, read in one go.

    The same decision as :meth:`Service.check_contact` gives (a test holds them equal),
    but the rows of a whole work list are loaded in a handful of queries instead of a few
    per account, so a page of twenty accounts stays fast.
    """
    require(actor, "contact")
    rt = service.runtime
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
        quiet = set(
            session.execute(
                select(QuietHoursRow.party_id, QuietHoursRow.hours).where(
                    QuietHoursRow.party_id.in_([p.id for p in parties])
                )
            ).all()
        )
        histories: dict[str, History] = {i: History() for i in ids}
        for row in session.execute(
            select(AttemptRow)
            .where(
                AttemptRow.account_id.in_(ids),
                AttemptRow.status != "cancelled",
                AttemptRow.at >= now - snapshot.LOOKBACK,
            )
            .order_by(AttemptRow.at)
        ).scalars():
            channel = Channel(row.channel)
            outcome = snapshot.counted_outcome(channel, row.outcome)
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
        # other accounts' attempts on the same numbers, for the caps on the number: as far back
        # as each account's packs' longest such cap, as the snapshot reads them
        loaded = {i: rt.packs(tuple(rows[i].rulepacks)) for i in ids if i in rows}
        reach = {i: number_lookback(p) for i, p in loaded.items()}
        linked = {i: now - r for i, r in reach.items() if r is not None}
        counted = {i: number_channels(loaded[i]) for i in linked}
        if linked:
            for account_id, attempt in snapshot.linked_attempts(
                session.connection(), list(linked), min(linked.values()), frozenset().union(*counted.values())
            ):
                if attempt.at >= linked[account_id] and attempt.channel in counted[account_id]:
                    histories[account_id].add(attempt)
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
            quiet_windows=frozenset(
                (p, LocalWindow.from_text(h)) for p, h in quiet if p in {m.id for m in mine}
            ),
        )
        packs = rt.packs(tuple(account.rulepacks))
        for channel_name in channels:
            attempt = Attempt(
                at=now, party_role=PartyRole(party.role), channel=Channel(channel_name), party_id=party.id
            )
            out[(account_id, party_id, channel_name)] = decide(packs, domain, histories[account_id], attempt)
    return out
