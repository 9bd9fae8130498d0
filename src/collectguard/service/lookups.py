"""Rows every use case looks up, with NotFoundError naming the field."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import NotFoundError
from collectguard.service.snapshot import LINKED_ACCOUNTS
from collectguard.store.models import Account, AccountStateRow, PartyRow

__all__ = ["active_states", "get_party", "get_row", "lock_account"]


def get_row(session: Session, account_id: str) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"no account {account_id!r}", field="account_id")
    return account


def lock_account(session: Session, account_id: str, *, number_of: str | None = None) -> Account:
    """The account row, locked for this transaction (PostgreSQL: FOR UPDATE; SQLite's write
    transaction is already exclusive). Every writer locks the account before it appends to
    the audit chain, whose head is always the last lock, so two writers never deadlock.

    With ``number_of`` (a party of this account), the other accounts on which that party's
    phone number appears are locked too, all in one statement in ascending id order
    (PostgreSQL sorts before it locks), so that two reservations on one number from two
    accounts serialise and cannot both pass a cap on the number. Only the contacted party's
    number counts: a cap on the number reads that number's attempts alone, so a switchboard
    listed as some other party's number does not tie this account to every account that lists
    it. Every multi-account locker takes the same order and every other writer locks one
    account, so no two writers wait on each other in a cycle. The set of linked accounts is
    read before the locks; an account created meanwhile has no attempts yet, and its own first
    reservation locks this one.
    """
    ids = [account_id]
    if number_of is not None:
        ids += [
            i for i in session.execute(LINKED_ACCOUNTS, {"party_id": number_of}).scalars() if i != account_id
        ]
    rows = session.execute(
        select(Account).where(Account.id.in_(ids)).order_by(Account.id).with_for_update()
    ).scalars()
    account = next((row for row in rows if row.id == account_id), None)
    if account is None:
        raise NotFoundError(f"no account {account_id!r}", field="account_id")
    return account


def get_party(session: Session, account_id: str, party_id: str) -> PartyRow:
    party = session.get(PartyRow, party_id)
    if party is None or party.account_id != account_id:
        raise NotFoundError(f"no party {party_id!r} on account {account_id!r}", field="party_id")
    return party


def active_states(session: Session, account_id: str) -> list[AccountStateRow]:
    return list(
        session.execute(
            select(AccountStateRow)
            .where(AccountStateRow.account_id == account_id, AccountStateRow.cleared_at.is_(None))
            .order_by(AccountStateRow.id)
        ).scalars()
    )
